import type { ReactNode } from 'react'
import { Button, Group, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { perfilSchema, type Perfil } from '../../../shared/historial/contract'
import { useEscribir } from '../api/escrituras'
import { notifyError, notifySaved } from '../components/notify'
import { validarCon } from '../forms/validar'

interface Valores {
  nombre: string
  institucion: string
}

/** Who uses this copy: the name and institución every change is recorded under. */
export function PerfilForm(props: { perfil: Perfil | null; alGuardar?: () => void }): ReactNode {
  const escribir = useEscribir()
  const form = useForm<Valores>({
    mode: 'controlled',
    initialValues: {
      nombre: props.perfil?.nombre ?? '',
      institucion: props.perfil?.institucion ?? ''
    },
    validate: validarCon(perfilSchema, (v: Valores) => v)
  })
  const guardar = form.onSubmit(async (values) => {
    const r = await escribir('perfil:guardar', values)
    if (!r.ok) {
      if (r.error.fields) form.setErrors(r.error.fields)
      return notifyError('No se pudo guardar', r.error)
    }
    notifySaved('Perfil guardado.')
    form.resetDirty()
    props.alGuardar?.()
  })
  return (
    <form onSubmit={guardar} noValidate aria-label="Perfil">
      <Stack>
        <TextInput label="Su nombre" required {...form.getInputProps('nombre')} />
        <TextInput label="Institución" {...form.getInputProps('institucion')} />
        <Group>
          <Button type="submit">Guardar perfil</Button>
        </Group>
      </Stack>
    </form>
  )
}
