import type { ReactNode } from 'react'
import { Alert, Button, Loader, Stack, Table, Title } from '@mantine/core'
import { useApiQuery } from '../api/queries'
import { useEntityForm } from '../components/EntityForm'
import { instanciaForm } from '../forms/glosario-forms'

/** Subcomisiones, Mesa RAV and the MITP, with their coordinator and minutes secretary. */
export function InstanciasScreen(): ReactNode {
  const { data, error } = useApiQuery('instancia:listar', undefined)
  const [setForm, formModal] = useEntityForm()
  if (error)
    return (
      <Alert color="red" title="No se pudo cargar las instancias">
        {error.message}
      </Alert>
    )
  if (!data) return <Loader />
  return (
    <Stack>
      <Title order={1} size="h2">
        Instancias
      </Title>
      <Table striped aria-label="Instancias">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Instancia</Table.Th>
            <Table.Th>Coordinador</Table.Th>
            <Table.Th>Secretaría de actas</Table.Th>
            <Table.Th w={100} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Td fw={600}>{i.nombre}</Table.Td>
              <Table.Td>{i.coordinador ?? '—'}</Table.Td>
              <Table.Td>{i.secretariaActas ?? '—'}</Table.Td>
              <Table.Td>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  aria-label={`Editar ${i.nombre}`}
                  onClick={() => setForm(instanciaForm(i))}
                >
                  Editar
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {formModal}
    </Stack>
  )
}
