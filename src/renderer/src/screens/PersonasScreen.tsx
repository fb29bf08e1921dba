import type { ReactNode } from 'react'
import { Stack, Title } from '@mantine/core'
import { useApiQuery } from '../api/queries'
import { MiembrosSeccion } from '../personas/MiembrosSeccion'
import { NuevaPersonaForm } from '../personas/NuevaPersonaForm'
import { PersonasTabla } from '../personas/PersonasTabla'

/** The people who sit in the instancias, and who is a member (titular / suplente) of each. */
export function PersonasScreen(): ReactNode {
  const personas = useApiQuery('persona:listar', undefined)
  const instituciones = useApiQuery('institucion:listar', undefined)
  const instancias = useApiQuery('instancia:listar', undefined)
  return (
    <Stack>
      <Title order={1} size="h2">
        Personas y miembros
      </Title>
      <NuevaPersonaForm instituciones={instituciones.data ?? []} />
      <PersonasTabla personas={personas.data ?? []} />
      <MiembrosSeccion instancias={instancias.data ?? []} personas={personas.data ?? []} />
    </Stack>
  )
}
