import type { ReactNode } from 'react'
import { Anchor, Card, Group, Table, Text, Title } from '@mantine/core'
import { Link } from 'wouter'
import type { Tablero } from '../../../shared/tablero/contract'
import { formatFecha } from '../../../shared/domain/fechas'
import { DIAS_POR_VENCER } from '../../../shared/domain/vencimientos'

/** The list of acuerdos behind a figure, as a link with its filters in the query string. */
export function enlaceAcuerdos(f: Record<string, string | undefined | null>): string {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(f)) if (v) q.set(k, v)
  return `/acuerdos?${q.toString()}`
}

/** The plan's open acuerdos past their plazo and falling due in the next 30 days, by institución. */
export function AcuerdosCard(props: { tablero: Tablero; instanciaId: string | null }): ReactNode {
  const { hoy, hasta, acuerdos, planId } = props.tablero
  const vencidos = (institucionId?: string | null) =>
    enlaceAcuerdos({ planId, situacion: 'vencido', institucionId, instanciaId: props.instanciaId })
  const porVencer = (institucionId?: string | null) =>
    enlaceAcuerdos({
      planId,
      situacion: 'abierto',
      plazoDesde: hoy,
      plazoHasta: hasta,
      institucionId,
      instanciaId: props.instanciaId
    })
  return (
    <Card withBorder component="section" aria-label="Acuerdos por institución">
      <Title order={2} size="h5" mb="xs">
        Acuerdos por institución
      </Title>
      <Group gap="xl" mb="xs">
        <Anchor component={Link} href={vencidos()} c="red" fw={600}>
          {acuerdos.vencidos} vencidos
        </Anchor>
        <Anchor component={Link} href={porVencer()} fw={600}>
          {acuerdos.porVencer} por vencer
        </Anchor>
        <Text size="xs" c="dimmed">
          Por vencer: de hoy al {formatFecha(hasta)} ({DIAS_POR_VENCER} días).
        </Text>
      </Group>
      <Table fz="sm" aria-label="Acuerdos vencidos y por vencer por institución">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Institución</Table.Th>
            <Table.Th>Vencidos</Table.Th>
            <Table.Th>Por vencer</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {acuerdos.porInstitucion.map((r) => (
            <Table.Tr key={r.institucionId ?? 'sin'}>
              <Table.Td>{r.sigla}</Table.Td>
              <Table.Td>
                {r.vencidos > 0 && r.institucionId ? (
                  <Anchor component={Link} href={vencidos(r.institucionId)} c="red">
                    {r.vencidos}
                  </Anchor>
                ) : (
                  r.vencidos
                )}
              </Table.Td>
              <Table.Td>
                {r.porVencer > 0 && r.institucionId ? (
                  <Anchor component={Link} href={porVencer(r.institucionId)}>
                    {r.porVencer}
                  </Anchor>
                ) : (
                  r.porVencer
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  )
}
