import { useState, type ReactNode } from 'react'
import {
  Anchor,
  Badge,
  Button,
  Card,
  Drawer,
  Group,
  Pagination,
  Table,
  Text,
  Title
} from '@mantine/core'
import { Link } from 'wouter'
import type { MetaVencida } from '../../../shared/tablero/contract'
import { formatFecha } from '../../../shared/domain/fechas'
import { useApiQuery } from '../api/queries'

const POR_PAGINA = 25

/** Metas past their plazo and not met, most overdue first; all of them a click away. */
export function MetasVencidasCard(props: {
  total: number
  filas: MetaVencida[]
  planId: string
  instanciaId: string | null
}): ReactNode {
  const [todas, setTodas] = useState(false)
  return (
    <Card withBorder component="section" aria-label="Metas vencidas">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5">
          Metas con plazo vencido{' '}
          <Badge color="red" variant="light" data-testid="metas-vencidas-total">
            {props.total}
          </Badge>
        </Title>
        {props.total > props.filas.length && (
          <Button variant="subtle" size="xs" onClick={() => setTodas(true)}>
            Ver las {props.total}
          </Button>
        )}
      </Group>
      {props.filas.length === 0 ? (
        <Text c="dimmed" size="sm">
          Ninguna meta tiene su plazo vencido.
        </Text>
      ) : (
        <TablaMetas filas={props.filas} />
      )}
      <Drawer
        opened={todas}
        onClose={() => setTodas(false)}
        position="right"
        size="xl"
        title="Metas con plazo vencido"
      >
        {todas && <MetasPaginadas planId={props.planId} instanciaId={props.instanciaId} />}
      </Drawer>
    </Card>
  )
}

function MetasPaginadas(props: { planId: string; instanciaId: string | null }): ReactNode {
  const [pagina, setPagina] = useState(1)
  const { data } = useApiQuery(
    'metavencida:listar',
    {
      planId: props.planId,
      instanciaId: props.instanciaId ?? undefined,
      offset: (pagina - 1) * POR_PAGINA,
      limit: POR_PAGINA
    },
    { mantenerAnterior: true }
  )
  if (!data) return null
  return (
    <>
      <TablaMetas filas={data.filas} />
      <Pagination
        mt="sm"
        total={Math.ceil(data.total / POR_PAGINA)}
        value={pagina}
        onChange={setPagina}
      />
    </>
  )
}

function TablaMetas(props: { filas: MetaVencida[] }): ReactNode {
  return (
    <Table fz="sm" aria-label="Metas vencidas">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Acción</Table.Th>
          <Table.Th>Meta</Table.Th>
          <Table.Th>Plazo</Table.Th>
          <Table.Th>Atraso</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.filas.map((m) => (
          <Table.Tr key={m.metaId}>
            <Table.Td>
              <Anchor component={Link} href={`/acciones/${m.accionId}`}>
                {m.accionCodigo}
              </Anchor>
            </Table.Td>
            <Table.Td>
              <Text size="sm" lineClamp={2} title={m.texto}>
                {m.texto}
              </Text>
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatFecha(m.plazo)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Text size="sm" c="red" fw={500}>
                {m.diasVencida.toLocaleString('es-CL')} días
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
