import { useState, type ReactNode } from 'react'
import { Button, Grid, Group, Select, Textarea } from '@mantine/core'
import { useForm, type UseFormReturnType } from '@mantine/form'
import type { Acuerdo } from '../../../shared/domain/sesiones'
import { acuerdoActualizarSchema, acuerdoCrearSchema } from '../../../shared/acuerdos/contract'
import { useApiQuery } from '../api/queries'
import { validarCon } from '../forms/validar'
import { useGuardar } from './guardar'
import { FechaInput } from '../fechas/FechaInput'
import { preguntar } from '../components/preguntar'
import { formatFecha } from '../../../shared/domain/fechas'

export interface Opciones {
  acciones: { value: string; label: string }[]
}

interface AcuerdoValues {
  texto: string
  institucionId: string | null
  personaId: string | null
  plazo: string
  accionId: string | null
}

const VACIO: AcuerdoValues = {
  texto: '',
  institucionId: null,
  personaId: null,
  plazo: '',
  accionId: null
}

const valoresDe = (e: Acuerdo | null): AcuerdoValues =>
  e
    ? {
        texto: e.texto,
        institucionId: e.institucionId,
        personaId: e.personaId,
        plazo: e.plazo ?? '',
        accionId: e.accionId
      }
    : VACIO

const campos = (v: AcuerdoValues) => ({ ...v, plazo: v.plazo || null })

/**
 * The form once an acuerdo is added: what was sent is cleared, and what was typed while it was
 * being saved (the next acuerdo's text, in a meeting) stays. Clearing everything lost it.
 */
function sinLoEnviado(ahora: AcuerdoValues, enviado: AcuerdoValues): AcuerdoValues {
  const campo = <K extends keyof AcuerdoValues>(k: K): AcuerdoValues[K] =>
    ahora[k] === enviado[k] ? VACIO[k] : ahora[k]
  return {
    texto: campo('texto'),
    institucionId: campo('institucionId'),
    personaId: campo('personaId'),
    plazo: campo('plazo'),
    accionId: campo('accionId')
  }
}

/** A plazo before the session's date is most likely a typo: asked, with Enter going back to fix it. */
async function plazoAceptado(plazo: string, fecha: string): Promise<boolean> {
  if (!plazo || plazo >= fecha) return true
  return preguntar(
    'Plazo anterior a la sesión',
    `El plazo (${formatFecha(plazo)}) es anterior a la fecha de la sesión (${formatFecha(fecha)}). ¿Guardar el acuerdo con ese plazo?`,
    'Guardar igual',
    'cancelar'
  )
}

/** New acuerdo (or edit): text, who, by when, and the plan acción it serves. */
export function AcuerdoForm(props: {
  sesionId: string
  fecha: string
  opciones: Opciones
  editando: Acuerdo | null
  onDone: () => void
}): ReactNode {
  const guardar = useGuardar()
  const e = props.editando
  const [textoEl, setTextoEl] = useState<HTMLTextAreaElement | null>(null)
  const form = useForm<AcuerdoValues>({
    mode: 'controlled',
    initialValues: valoresDe(e),
    validate: e
      ? validarCon(acuerdoActualizarSchema, (v: AcuerdoValues) => ({ id: e.id, ...campos(v) }))
      : validarCon(acuerdoCrearSchema, (v: AcuerdoValues) => ({
          sesionId: props.sesionId,
          ...campos(v)
        })),
    // An error goes away as soon as the field is corrected.
    validateInputOnChange: true
  })
  const enviar = form.onSubmit(async (v) => {
    if (!(await plazoAceptado(v.plazo, props.fecha))) return
    const ok = await (e
      ? guardar('acuerdo:actualizar', { id: e.id, ...campos(v), antes: campos(valoresDe(e)) })
      : guardar('acuerdo:crear', { sesionId: props.sesionId, ...campos(v) }))
    if (ok) {
      form.setValues(e ? VACIO : sinLoEnviado(form.getValues(), v))
      // The next acuerdo starts at its text, whichever field the Enter came from.
      if (!e) textoEl?.focus()
      props.onDone()
    }
  })
  return (
    <Grid
      align="flex-end"
      gap="xs"
      mt="sm"
      component="form"
      onSubmit={(ev) => {
        ev.preventDefault()
        void enviar()
      }}
      // Ctrl+Enter adds the acuerdo from any of its fields (an invalid one shows its errors).
      onKeyDown={(ev) => {
        if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) {
          ev.preventDefault()
          void enviar()
        }
      }}
      aria-label={e ? `Editar acuerdo N° ${e.numero}` : 'Nuevo acuerdo'}
    >
      <Grid.Col span={12}>
        <Textarea
          data-primer-campo
          ref={setTextoEl}
          label={e ? `Acuerdo N° ${e.numero}` : 'Nuevo acuerdo'}
          autosize
          minRows={2}
          {...form.getInputProps('texto')}
        />
      </Grid.Col>
      <ResponsableCampos form={form} opciones={props.opciones} fecha={props.fecha} />
      <Grid.Col span={{ base: 12, md: 2 }}>
        <Group gap="xs" wrap="nowrap">
          <Button type="submit">{e ? 'Guardar' : 'Agregar acuerdo'}</Button>
          {e && (
            <Button variant="default" onClick={props.onDone}>
              Cancelar
            </Button>
          )}
        </Group>
      </Grid.Col>
    </Grid>
  )
}

/** Who answers for the acuerdo (institution, then one of its people), by when, for which acción. */
function ResponsableCampos(props: {
  form: UseFormReturnType<AcuerdoValues>
  opciones: Opciones
  fecha: string
}): ReactNode {
  const { form } = props
  const instituciones = useApiQuery('institucion:listar', undefined)
  const personas = useApiQuery('persona:listar', undefined)
  const { institucionId } = form.values
  return (
    <>
      <Grid.Col span={{ base: 6, md: 2 }}>
        <Select
          label="Institución responsable"
          searchable
          clearable
          data={(instituciones.data ?? []).map((i) => ({ value: i.id, label: i.sigla }))}
          {...form.getInputProps('institucionId')}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 6, md: 3 }}>
        <Select
          label="Persona responsable"
          searchable
          clearable
          data={(personas.data ?? [])
            .filter((p) => !institucionId || p.institucionId === institucionId)
            .map((p) => ({ value: p.id, label: p.nombre }))}
          {...form.getInputProps('personaId')}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 6, md: 2 }}>
        {/* An empty plazo's calendar opens at the session's month. */}
        <FechaInput label="Plazo" defaultDate={props.fecha} {...form.getInputProps('plazo')} />
      </Grid.Col>
      <Grid.Col span={{ base: 6, md: 3 }}>
        <Select
          label="Acción del plan"
          searchable
          clearable
          data={props.opciones.acciones}
          {...form.getInputProps('accionId')}
        />
      </Grid.Col>
    </>
  )
}
