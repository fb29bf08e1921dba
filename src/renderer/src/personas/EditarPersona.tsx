import type { ReactNode } from 'react'
import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import type { Persona } from '../../../shared/domain/sesiones'
import { personaActualizarSchema } from '../../../shared/personas/contract'
import { useApiQuery } from '../api/queries'
import { useEscribir } from '../api/escrituras'
import { notifyError, notifySaved } from '../components/notify'
import { validarCon } from '../forms/validar'

interface Valores {
  nombre: string
  cargo: string
  institucionId: string | null
  correo: string
  telefono: string
}

const valoresDe = (p: Persona): Valores => ({
  nombre: p.nombre,
  cargo: p.cargo ?? '',
  institucionId: p.institucionId,
  correo: p.correo ?? '',
  telefono: p.telefono ?? ''
})

/**
 * Corrects a person's data (a new position, a typo in the name). Actas already written keep
 * the name and position they recorded.
 */
export function EditarPersona(props: { persona: Persona; onClose: () => void }): ReactNode {
  const { persona } = props
  const escribir = useEscribir()
  const instituciones = useApiQuery('institucion:listar', undefined)
  const aEntrada = (v: Valores) => ({
    id: persona.id,
    ...v,
    cargo: v.cargo || null,
    correo: v.correo || null,
    telefono: v.telefono || null
  })
  const form = useForm<Valores>({
    mode: 'controlled',
    initialValues: valoresDe(persona),
    validate: validarCon(personaActualizarSchema, aEntrada),
    validateInputOnChange: true
  })
  const guardar = form.onSubmit(async (v) => {
    // What the dialog opened with: a field someone else changed meanwhile is refused, not lost.
    const antes = aEntrada(valoresDe(persona))
    const r = await escribir('persona:actualizar', { ...aEntrada(v), antes })
    if (!r.ok) {
      form.setErrors(r.error.fields ?? {})
      return notifyError('No se pudo guardar', r.error)
    }
    notifySaved('Persona actualizada.')
    props.onClose()
  })
  return (
    <Modal opened onClose={props.onClose} title={`Editar a ${persona.nombre}`}>
      <form aria-label="Editar persona" onSubmit={guardar}>
        <Stack>
          <TextInput data-autofocus label="Nombre" required {...form.getInputProps('nombre')} />
          <TextInput label="Cargo" {...form.getInputProps('cargo')} />
          <Select
            label="Institución"
            searchable
            clearable
            data={(instituciones.data ?? []).map((i) => ({ value: i.id, label: i.sigla }))}
            {...form.getInputProps('institucionId')}
          />
          <TextInput label="Correo" {...form.getInputProps('correo')} />
          <TextInput label="Teléfono" {...form.getInputProps('telefono')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Cancelar
            </Button>
            <Button type="submit">Guardar</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
