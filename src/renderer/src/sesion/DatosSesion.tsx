import { useCallback, type ReactNode } from 'react'
import { Grid, Select, TextInput } from '@mantine/core'
import { useForm, type UseFormReturnType } from '@mantine/form'
import {
  MODALIDADES,
  MODALIDAD_LABEL,
  type Modalidad,
  type Sesion
} from '../../../shared/domain/sesiones'
import { sesionActualizarSchema } from '../../../shared/sesiones/contract'
import { useEscribir } from '../api/escrituras'
import { preguntar } from '../components/preguntar'
import { useSaveStatus } from '../components/save-status'
import { useAutosave } from '../components/use-autosave'
import { useLeido } from '../components/use-leido'
import { esDesactualizado } from '../../../shared/api/result'
import { FechaInput } from '../fechas/FechaInput'
import { validarCon } from '../forms/validar'
import { HoraInput } from '../fechas/HoraInput'

export interface Datos {
  fecha: string
  horaInicio: string
  horaTermino: string
  lugar: string
  modalidad: Modalidad
  preside: string
  proximaFecha: string
  proximaLugar: string
}

export const datosDe = (s: Sesion): Datos => ({
  fecha: s.fecha,
  horaInicio: s.horaInicio ?? '',
  horaTermino: s.horaTermino ?? '',
  lugar: s.lugar,
  modalidad: s.modalidad,
  preside: s.preside,
  proximaFecha: s.proximaFecha ?? '',
  proximaLugar: s.proximaLugar
})

const camposDe = (x: Datos) => ({
  ...x,
  horaInicio: x.horaInicio || null,
  horaTermino: x.horaTermino || null,
  proximaFecha: x.proximaFecha || null
})
const entradaDe = (id: string, x: Datos) => ({ id, ...camposDe(x) })

export type FormDatos = UseFormReturnType<Datos>

/**
 * The session's data as one form, saved as the secretary types: nothing is sent while a field
 * is wrong (the error shows beside it); a date that would put the session behind approved
 * actas asks first.
 */
export function useDatosSesion(sesion: Sesion, editable: boolean): FormDatos {
  const { id } = sesion
  const escribir = useEscribir(id)
  const { track } = useSaveStatus()
  const validar = validarCon(sesionActualizarSchema, (x: Datos) => entradaDe(id, x))
  const form = useForm<Datos>({
    mode: 'controlled',
    initialValues: datosDe(sesion),
    validate: validar,
    validateInputOnChange: true
  })
  // What the form read: a field someone else changed meanwhile is refused, then reloaded.
  const leido = useLeido(datosDe(sesion), form.values, (c) => form.setValues(c))
  const enviar = useCallback(
    (x: Datos): Promise<boolean> =>
      leido.guardar(x, async (b) => {
        const entrada = { ...entradaDe(id, x), antes: camposDe(b) }
        const r = await escribir('sesion:actualizar', entrada)
        if (!r.ok && esDesactualizado(r.error)) leido.recargar()
        const pregunta = !r.ok ? r.error.fields?.fueraDeOrden : undefined
        if (!pregunta) return track(Promise.resolve(r))
        if (await preguntar('Numeración de la sesión', pregunta, 'Numerar a continuación'))
          return track(escribir('sesion:actualizar', { ...entrada, fueraDeOrden: true }))
        form.setFieldValue('fecha', sesion.fecha)
        return false
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [escribir, track, id, sesion.fecha, leido.guardar, leido.recargar]
  )
  // A wrong field does not hold back the others: they are saved with its last saved value, and
  // the badge says something is not saved (autosave tries again on the next change).
  const guardar = useCallback(
    async (x: Datos): Promise<boolean> => {
      const errores = validar(x)
      if (Object.keys(errores).length === 0) return enviar(x)
      const base = datosDe(sesion)
      const valido = { ...x }
      for (const k of Object.keys(errores))
        if (k in base) Object.assign(valido, { [k]: base[k as keyof Datos] })
      if (Object.keys(validar(valido)).length === 0) await enviar(valido)
      const mensaje = `Sin guardar: ${Object.values(errores).join(' ')}`
      await track(
        Promise.resolve({
          ok: false,
          error: { code: 'entrada_invalida', message: mensaje, fields: errores }
        })
      )
      return false
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [enviar, track, sesion]
  )
  useAutosave(form.values, guardar, editable)
  return form
}

/**
 * Date, times, modality, place and who chairs: one row above the sections. Once who chaired is
 * chosen (Asistencia), «Preside» shows that person as the acta prints them; the typed text is
 * kept for when nobody is chosen.
 */
export function DatosSesion(props: {
  form: FormDatos
  editable: boolean
  /** The acta's «Preside» line for who was chosen as having chaired, or null. */
  presidente: string | null
}): ReactNode {
  const { form } = props
  const ro = !props.editable
  return (
    <Grid gap="xs">
      <Grid.Col span={2}>
        <FechaInput label="Fecha" required {...form.getInputProps('fecha')} readOnly={ro} />
      </Grid.Col>
      <Grid.Col span={1.5}>
        <HoraInput label="Inicio" {...form.getInputProps('horaInicio')} readOnly={ro} />
      </Grid.Col>
      <Grid.Col span={1.5}>
        <HoraInput label="Término" {...form.getInputProps('horaTermino')} readOnly={ro} />
      </Grid.Col>
      <Grid.Col span={2}>
        <Select
          label="Modalidad"
          data={MODALIDADES.map((m) => ({ value: m, label: MODALIDAD_LABEL[m] }))}
          {...form.getInputProps('modalidad')}
          readOnly={ro}
          allowDeselect={false}
        />
      </Grid.Col>
      <Grid.Col span={2.5}>
        <TextInput label="Lugar" {...form.getInputProps('lugar')} readOnly={ro} />
      </Grid.Col>
      <Grid.Col span={2.5}>
        {props.presidente === null ? (
          <TextInput label="Preside" {...form.getInputProps('preside')} readOnly={ro} />
        ) : (
          <TextInput
            label="Preside"
            value={props.presidente}
            readOnly
            title="Quien presidió, elegido en Asistencia: así lo nombra el acta."
          />
        )}
      </Grid.Col>
    </Grid>
  )
}

/** The next session: when and where (its own section). */
export function ProximaSesion(props: { form: FormDatos; editable: boolean }): ReactNode {
  const { form } = props
  const ro = !props.editable
  return (
    <Grid gap="xs">
      <Grid.Col span={3}>
        <FechaInput
          label="Próxima sesión: fecha"
          {...form.getInputProps('proximaFecha')}
          readOnly={ro}
        />
      </Grid.Col>
      <Grid.Col span={9}>
        <TextInput
          label="Próxima sesión: lugar"
          {...form.getInputProps('proximaLugar')}
          readOnly={ro}
        />
      </Grid.Col>
    </Grid>
  )
}
