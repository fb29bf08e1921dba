import type { ReactNode } from 'react'
import { Anchor, Card, Group, Table, Text, Title } from '@mantine/core'
import { LineChart } from '@mantine/charts'
import { Link } from 'wouter'
import type { TrayectoriaAccion } from '../../../shared/tablero/contract'
import { AVANCE_ESTADO_LABEL } from '../../../shared/domain/sesiones'
import { INDICADOR_TIPO_LABEL } from '../../../shared/domain/plan'
import { formatFecha } from '../../../shared/domain/fechas'
import { pct } from '../tablero/estados'

const numero = (n: number | null): string =>
  n === null ? '—' : n.toLocaleString('es-CL', { maximumFractionDigits: 1 })

const Borrador = (props: { aprobada: boolean }): ReactNode =>
  props.aprobada ? null : (
    <Text span size="xs" c="yellow.8">
      {' '}
      (acta en borrador)
    </Text>
  )

/** The acción's estado and % reported session after session: a small chart and the reports. */
export function AvanceEnElTiempo(props: { avances: TrayectoriaAccion['avances'] }): ReactNode {
  const { avances } = props
  return (
    <Card withBorder component="section" aria-label="Avance en el tiempo">
      <Title order={2} size="h5" mb="xs">
        Estado y avance en el tiempo
      </Title>
      {avances.length === 0 ? (
        <Text c="dimmed" size="sm">
          Ninguna sesión ha informado avance de esta acción.
        </Text>
      ) : (
        <>
          <LineChart
            h={160}
            data={avances.map((a) => ({ fecha: formatFecha(a.fecha), avance: a.porcentaje }))}
            dataKey="fecha"
            series={[{ name: 'avance', label: '% de avance', color: 'blue.6' }]}
            yAxisProps={{ domain: [0, 100] }}
            valueFormatter={pct}
            connectNulls
            curveType="linear"
            data-testid="grafico-avance"
          />
          <Table fz="sm" mt="xs" aria-label="Informes de avance">
            <Table.Tbody>
              {avances.map((a) => (
                <Table.Tr key={a.sesionId}>
                  <Table.Td>{formatFecha(a.fecha)}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} href={`/sesiones/${a.sesionId}`}>
                      {a.sesionTitulo}
                    </Anchor>
                    <Borrador aprobada={a.aprobada} />
                  </Table.Td>
                  <Table.Td>{AVANCE_ESTADO_LABEL[a.estado]}</Table.Td>
                  <Table.Td>{pct(a.porcentaje)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Card>
  )
}

/** One indicador: every measurement, on a chart (Chilean ticks, its unit) with its numeric target when one is stated. */
export function IndicadorHistoria(props: {
  indicador: TrayectoriaAccion['indicadores'][number]
}): ReactNode {
  const ind = props.indicador
  const unidad = ind.tipo === 'porcentaje' ? ' %' : ''
  return (
    <Card withBorder component="section" aria-label={`Indicador: ${ind.texto}`}>
      <Group justify="space-between" align="flex-start">
        <Text fw={500}>{ind.texto}</Text>
        <Text size="sm" c="dimmed">
          {INDICADOR_TIPO_LABEL[ind.tipo]} · Meta:{' '}
          {ind.metaValor === null ? 'sin valor fijado' : `${numero(ind.metaValor)}${unidad}`}
        </Text>
      </Group>
      {ind.mediciones.length === 0 ? (
        <Text c="dimmed" size="sm">
          Sin mediciones.
        </Text>
      ) : (
        <>
          <LineChart
            h={150}
            mt="xs"
            data={ind.mediciones.map((m) => ({ fecha: formatFecha(m.fecha), valor: m.valor }))}
            dataKey="fecha"
            series={[{ name: 'valor', label: 'Medición', color: 'teal.6' }]}
            referenceLines={
              ind.metaValor === null
                ? []
                : [{ y: ind.metaValor, label: `Meta ${numero(ind.metaValor)}`, color: 'red.6' }]
            }
            yAxisProps={{
              domain: [0, (max: number) => Math.max(max, ind.metaValor ?? 0)]
            }}
            valueFormatter={(v) => `${numero(v)}${unidad}`}
            connectNulls
            curveType="linear"
            data-testid="grafico-indicador"
          />
          <Table fz="sm" mt="xs" aria-label={`Mediciones de ${ind.texto}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Sesión</Table.Th>
                <Table.Th>Fecha de corte</Table.Th>
                <Table.Th>Valor</Table.Th>
                <Table.Th>Meta</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ind.mediciones.map((m) => (
                <Table.Tr key={m.sesionId}>
                  <Table.Td>
                    <Anchor component={Link} href={`/sesiones/${m.sesionId}`}>
                      {m.sesionTitulo}
                    </Anchor>
                    <Borrador aprobada={m.aprobada} />
                  </Table.Td>
                  <Table.Td>{formatFecha(m.fechaCorte ?? m.fecha)}</Table.Td>
                  <Table.Td>
                    {numero(m.valor)}
                    {m.valor !== null && unidad}
                    {ind.tipo === 'porcentaje' && m.numerador !== null && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        ({numero(m.numerador)}/{numero(m.denominador)})
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {ind.metaValor === null ? '—' : `${numero(ind.metaValor)}${unidad}`}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Card>
  )
}
