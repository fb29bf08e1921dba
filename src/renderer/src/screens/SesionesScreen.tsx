import { useState, type ReactNode } from 'react'
import { Alert, Group, Select, Stack, Text, Title } from '@mantine/core'
import { useApiQuery } from '../api/queries'
import { NuevaSesionForm } from '../sesiones/NuevaSesionForm'
import { SesionesTabla } from '../sesiones/SesionesTabla'
import { useSesiones } from '../sesiones/use-sesiones'

/** The sessions of every instancia, and a new one in a few keystrokes. */
export function SesionesScreen(): ReactNode {
  const [instanciaId, setInstanciaId] = useState<string | null>(null)
  const instancias = useApiQuery('instancia:listar', undefined)
  const lista = useSesiones(instanciaId)
  return (
    <Stack>
      <Title order={1} size="h2">
        Sesiones
      </Title>
      <NuevaSesionForm instancias={instancias.data ?? []} />
      <Group>
        <Select
          label="Filtrar por instancia"
          placeholder="Todas"
          clearable
          data={(instancias.data ?? []).map((i) => ({ value: i.id, label: i.nombre }))}
          value={instanciaId}
          onChange={setInstanciaId}
        />
      </Group>
      {lista.error && <Alert color="red">{lista.error.message}</Alert>}
      <SesionesTabla sesiones={lista.sesiones} hayMas={lista.hayMas} cargarMas={lista.cargarMas} />
      {!lista.cargando && lista.sesiones.length === 0 && (
        <Text c="dimmed">No hay sesiones registradas.</Text>
      )}
    </Stack>
  )
}
