import type { ReactNode } from 'react'
import { Grid, Select, TextInput } from '@mantine/core'
import { useForm, type UseFormReturnType } from '@mantine/form'
import {
  MODALIDADES,
  MODALIDAD_LABEL,
  type Modalidad,
  type Sesion
} from '../../../shared/domain/sesiones'
import { sesionActualizarSchema } from '../../../shared/sesiones/contract'
import { useAutosave } from '../components/use-autosave'
import { validarCon } from '../forms/validar'
import { useGuardar } from './guardar'

interface Datos {
  fecha: string
  horaInicio: string
  horaTermino: string
  lugar: string
  modalidad: Modalidad
  preside: string
  proximaFecha: string
  proximaLugar: string
}

const datosDe = (s: Sesion): Datos => ({
  fecha: s.fecha,
  horaInicio: s.horaInicio ?? '',
  horaTermino: s.horaTermino ?? '',
  lugar: s.lugar,
  modalidad: s.modalidad,
  preside: s.preside,
  proximaFecha: s.proximaFecha ?? '',
  proximaLugar: s.proximaLugar
})

const entradaDe = (id: string, x: Datos) => ({
  id,
  ...x,
  horaInicio: x.horaInicio || null,
  horaTermino: x.horaTermino || null,
  proximaFecha: x.proximaFecha || null
})

type Form = UseFormReturnType<Datos>

/** Date, times, place, who chairs and the next session: saved as the secretary types. */
export function DatosSesion(props: { sesion: Sesion; editable: boolean }): ReactNode {
  const { id } = props.sesion
  const guardar = useGuardar()
  const form = useForm<Datos>({
    mode: 'controlled',
    initialValues: datosDe(props.sesion),
    validate: validarCon(sesionActualizarSchema, (x: Datos) => entradaDe(id, x)),
    // The contract's message shows under the field as it is typed; the save goes as before.
    validateInputOnChange: true
  })
  // The session (its number changes with the year) is read again after every save.
  useAutosave(form.values, (x) => guardar('sesion:actualizar', entradaDe(id, x)), props.editable)
  const ro = !props.editable
  return (
    <Grid>
      <CuandoYComo form={form} ro={ro} />
      <Grid.Col span={{ base: 12, md: 6 }}>
        <TextInput label="Lugar" {...form.getInputProps('lugar')} readOnly={ro} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <TextInput label="Preside" {...form.getInputProps('preside')} readOnly={ro} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 3 }}>
        <TextInput
          type="date"
          label="Próxima sesión: fecha"
          {...form.getInputProps('proximaFecha')}
          readOnly={ro}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 9 }}>
        <TextInput
          label="Próxima sesión: lugar"
          {...form.getInputProps('proximaLugar')}
          readOnly={ro}
        />
      </Grid.Col>
    </Grid>
  )
}

/** The first row: date, start and end times, modality. */
function CuandoYComo(props: { form: Form; ro: boolean }): ReactNode {
  const { form, ro } = props
  return (
    <>
      <Grid.Col span={{ base: 12, md: 3 }}>
        <TextInput
          type="date"
          label="Fecha"
          {...form.getInputProps('fecha')}
          readOnly={ro}
          required
        />
      </Grid.Col>
      <Grid.Col span={{ base: 6, md: 2 }}>
        <TextInput
          type="time"
          label="Hora de inicio"
          {...form.getInputProps('horaInicio')}
          readOnly={ro}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 6, md: 2 }}>
        <TextInput
          type="time"
          label="Hora de término"
          {...form.getInputProps('horaTermino')}
          readOnly={ro}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Select
          label="Modalidad"
          data={MODALIDADES.map((m) => ({ value: m, label: MODALIDAD_LABEL[m] }))}
          {...form.getInputProps('modalidad')}
          readOnly={ro}
          allowDeselect={false}
        />
      </Grid.Col>
    </>
  )
}
