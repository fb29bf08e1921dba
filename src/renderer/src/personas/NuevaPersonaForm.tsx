import type { ReactNode } from 'react'
import { Button, Card, Grid, Select, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import type { Institucion } from '../../../shared/domain/plan'
import { personaCrearSchema } from '../../../shared/personas/contract'
import { useEscribir } from '../api/escrituras'
import { notifyError, notifySaved } from '../components/notify'
import { validarCon } from '../forms/validar'

interface PersonaValues {
  nombre: string
  cargo: string
  institucionId: string | null
  correo: string
  telefono: string
}

const VACIA: PersonaValues = {
  nombre: '',
  cargo: '',
  institucionId: null,
  correo: '',
  telefono: ''
}

const aEntrada = (v: PersonaValues) => ({
  ...v,
  cargo: v.cargo || null,
  correo: v.correo || null,
  telefono: v.telefono || null
})

/** One line to add a person: name, position, institution, e-mail, phone. */
export function NuevaPersonaForm(props: { instituciones: Institucion[] }): ReactNode {
  const escribir = useEscribir()
  const form = useForm<PersonaValues>({
    mode: 'controlled',
    initialValues: VACIA,
    validate: validarCon(personaCrearSchema, aEntrada)
  })
  const crear = form.onSubmit(async (v) => {
    const r = await escribir('persona:crear', aEntrada(v))
    if (!r.ok) {
      form.setErrors(r.error.fields ?? {})
      return notifyError('No se pudo guardar', r.error)
    }
    form.reset()
    notifySaved('Persona agregada.')
  })
  return (
    <Card withBorder component="form" aria-label="Nueva persona" onSubmit={crear}>
      <Grid align="flex-end" gap="xs">
        <Grid.Col span={{ base: 12, md: 3 }}>
          <TextInput label="Nombre" required {...form.getInputProps('nombre')} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 2 }}>
          <TextInput label="Cargo" {...form.getInputProps('cargo')} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 2 }}>
          <Select
            label="Institución"
            searchable
            clearable
            data={props.instituciones.map((i) => ({ value: i.id, label: i.sigla }))}
            {...form.getInputProps('institucionId')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 2 }}>
          <TextInput label="Correo" {...form.getInputProps('correo')} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 1 }}>
          <TextInput label="Teléfono" {...form.getInputProps('telefono')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 2 }}>
          <Button type="submit" fullWidth>
            Agregar persona
          </Button>
        </Grid.Col>
      </Grid>
    </Card>
  )
}
