import type { ReactNode } from 'react'
import { Alert, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core'
import { useApiQuery } from '../api/queries'
import { useEntityForm } from '../components/EntityForm'
import { RowActions } from '../components/RowActions'
import { institucionForm } from '../forms/glosario-forms'
import { marcaFila, useFilaPedida } from '../busqueda/fila-pedida'

/** The glossary of institutions, as at the foot of the matrix; editable. */
export function InstitucionesScreen(): ReactNode {
  const { data, error } = useApiQuery('institucion:listar', undefined)
  const [setForm, formModal] = useEntityForm()
  const pedida = useFilaPedida('institucion', !!data)
  if (error)
    return (
      <Alert color="red" title="No se pudo cargar el glosario">
        {error.message}
      </Alert>
    )
  if (!data) return <Loader />
  return (
    <Stack>
      <Group justify="space-between">
        <div>
          <Title order={1} size="h2">
            Glosario de instituciones
          </Title>
          <Text c="dimmed" size="sm">
            {data.length} instituciones
          </Text>
        </div>
        <Button onClick={() => setForm(institucionForm())}>Nueva institución</Button>
      </Group>
      <Table striped highlightOnHover aria-label="Glosario de instituciones">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={160}>Sigla</Table.Th>
            <Table.Th>Nombre</Table.Th>
            <Table.Th w={230} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.map((i) => (
            <Table.Tr key={i.id} {...marcaFila(i.id, pedida)}>
              <Table.Td fw={600}>{i.sigla}</Table.Td>
              <Table.Td>{i.nombre}</Table.Td>
              <Table.Td>
                <RowActions
                  kind="institucion"
                  id={i.id}
                  label={`la institución ${i.sigla}`}
                  onEdit={() => setForm(institucionForm(i))}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {formModal}
    </Stack>
  )
}
