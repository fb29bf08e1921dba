import type { ReactNode } from 'react'
import { Button, Card, Grid, Select, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useLocation } from 'wouter'
import {
  MODALIDADES,
  MODALIDAD_LABEL,
  SESION_TIPOS,
  SESION_TIPO_LABEL,
  type Modalidad,
  type SesionTipo
} from '../../../shared/domain/sesiones'
import type { Instancia } from '../../../shared/domain/plan'
import { sesionCrearSchema } from '../../../shared/sesiones/contract'
import { useEscribir } from '../api/escrituras'
import { notifyError } from '../components/notify'
import { validarCon } from '../forms/validar'
import { FechaInput } from '../fechas/FechaInput'
import { preguntar } from '../components/preguntar'
import { hoyChile } from '../../../shared/domain/fechas'
import { HoraInput } from '../fechas/HoraInput'

const hoy = (): string => hoyChile()

interface NuevaSesion {
  instanciaId: string
  tipo: SesionTipo
  fecha: string
  horaInicio: string
  lugar: string
  modalidad: Modalidad
}

const aEntrada = (v: NuevaSesion) => ({ ...v, horaInicio: v.horaInicio || null })
const validarSesion = validarCon(sesionCrearSchema, aEntrada)

/** A new session in a few keystrokes: instancia, type, date, time, modality, place. */
export function NuevaSesionForm(props: { instancias: Instancia[] }): ReactNode {
  const [, navigate] = useLocation()
  const escribir = useEscribir()
  const form = useForm<NuevaSesion>({
    mode: 'controlled',
    initialValues: {
      instanciaId: '',
      tipo: 'ordinaria',
      fecha: hoy(),
      horaInicio: '10:00',
      lugar: '',
      modalidad: 'presencial'
    },
    validate: (v) =>
      v.instanciaId ? validarSesion(v) : { instanciaId: 'Elija la instancia que sesiona.' }
  })
  const crear = form.onSubmit(async (v) => {
    let r = await escribir('sesion:crear', aEntrada(v))
    const pregunta = !r.ok ? r.error.fields?.fueraDeOrden : undefined
    if (pregunta) {
      if (!(await preguntar('Numeración de la sesión', pregunta, 'Numerar a continuación'))) return
      r = await escribir('sesion:crear', { ...aEntrada(v), fueraDeOrden: true })
    }
    if (r.ok) navigate(`/sesiones/${r.value.id}`)
    else notifyError('No se pudo crear la sesión', r.error)
  })
  const campo = form.getInputProps
  return (
    <Card withBorder component="form" aria-label="Nueva sesión" onSubmit={crear}>
      <Title order={2} size="h5" mb="xs">
        Nueva sesión
      </Title>
      <Grid align="flex-end" gap="xs">
        <Grid.Col span={{ base: 12, md: 3 }}>
          <Select
            label="Instancia"
            required
            data={props.instancias.map((i) => ({ value: i.id, label: i.nombre }))}
            {...campo('instanciaId')}
            value={form.values.instanciaId || null}
            onChange={(v) => form.setFieldValue('instanciaId', v ?? '')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 2 }}>
          <Select
            label="Tipo"
            allowDeselect={false}
            data={SESION_TIPOS.map((t) => ({ value: t, label: SESION_TIPO_LABEL[t] }))}
            {...campo('tipo')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 2 }}>
          <FechaInput label="Fecha" required {...campo('fecha')} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 1.5 }}>
          <HoraInput label="Inicio" miw={96} {...campo('horaInicio')} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 1.5 }}>
          <Select
            label="Modalidad"
            allowDeselect={false}
            data={MODALIDADES.map((m) => ({ value: m, label: MODALIDAD_LABEL[m] }))}
            {...campo('modalidad')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 2 }}>
          <Button type="submit" loading={form.submitting} fullWidth>
            Crear sesión
          </Button>
        </Grid.Col>
        <Grid.Col span={12}>
          <TextInput label="Lugar" {...campo('lugar')} />
        </Grid.Col>
      </Grid>
    </Card>
  )
}
