import type { ReactNode } from 'react'
import { Button, Card, Group, Table, Title } from '@mantine/core'

/** A titled table of an acción's metas or indicadores, with "new" and per-row actions. */
export function ListaEditable(props: {
  titulo: string
  nuevo: string
  onNuevo: () => void
  columnas: { titulo: string; ancho?: number }[]
  filas: { id: string; celdas: ReactNode[]; acciones: ReactNode }[]
}): ReactNode {
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5">
          {props.titulo}
        </Title>
        <Button size="compact-sm" variant="light" onClick={props.onNuevo}>
          {props.nuevo}
        </Button>
      </Group>
      <Table striped aria-label={props.titulo}>
        <Table.Thead>
          <Table.Tr>
            {props.columnas.map((c) => (
              <Table.Th key={c.titulo} w={c.ancho}>
                {c.titulo}
              </Table.Th>
            ))}
            <Table.Th w={230} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.filas.map((f) => (
            <Table.Tr key={f.id}>
              {f.celdas.map((c, i) => (
                <Table.Td key={i}>{c}</Table.Td>
              ))}
              <Table.Td>{f.acciones}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  )
}
