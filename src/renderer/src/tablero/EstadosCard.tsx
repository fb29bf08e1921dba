import { useState, type ReactNode } from 'react'
import { Anchor, Card, Drawer, Loader, Table, Text, Title, UnstyledButton } from '@mantine/core'
import { BarChart } from '@mantine/charts'
import { Link } from 'wouter'
import type { EstadoTablero, FilaEstados } from '../../../shared/tablero/contract'
import { AVANCE_ESTADO_LABEL } from '../../../shared/domain/sesiones'
import { formatFecha } from '../../../shared/domain/fechas'
import { useApiQuery } from '../api/queries'
import { ESTADOS, pct } from './estados'

interface Seleccion {
  fila: FilaEstados
  estado: EstadoTablero
}

/**
 * Acciones by estado per eje or per instancia: a stacked bar chart and the same figures in a
 * table, every count opening the acciones behind it. Means from approved actas; drafts apart.
 */
export function EstadosCard(props: {
  titulo: string
  grupo: 'eje' | 'instancia'
  filas: FilaEstados[]
  planId: string
  instanciaId: string | null
}): ReactNode {
  const [sel, setSel] = useState<Seleccion | null>(null)
  const abrir = (fila: FilaEstados, estado: EstadoTablero) => fila.id && setSel({ fila, estado })
  const data = props.filas.map((f) => ({
    grupo: props.grupo === 'eje' ? `Eje ${f.codigo}` : f.codigo || f.nombre,
    ...Object.fromEntries(ESTADOS.map((e) => [e.estado, f.porEstado[e.estado]]))
  }))
  return (
    <Card withBorder component="section" aria-label={props.titulo}>
      <Title order={2} size="h5" mb="xs">
        {props.titulo}
      </Title>
      <BarChart
        h={Math.max(160, 34 * props.filas.length + 60)}
        data={data}
        dataKey="grupo"
        type="stacked"
        orientation="vertical"
        yAxisProps={{ width: 100, interval: 0 }}
        valueFormatter={(v) => v.toLocaleString('es-CL')}
        withLegend
        series={ESTADOS.map((e) => ({ name: e.estado, label: e.label, color: e.color }))}
        barProps={(s) => ({
          cursor: 'pointer',
          onClick: (_: unknown, i: number) =>
            props.filas[i] && abrir(props.filas[i]!, s.name as EstadoTablero)
        })}
      />
      <EstadosTabla titulo={props.titulo} grupo={props.grupo} filas={props.filas} onAbrir={abrir} />
      <AccionesDrawer
        sel={sel}
        grupo={props.grupo}
        planId={props.planId}
        instanciaId={props.instanciaId}
        onClose={() => setSel(null)}
      />
    </Card>
  )
}

/** The same figures as the chart, each count a button to the acciones behind it. */
function EstadosTabla(props: {
  titulo: string
  grupo: 'eje' | 'instancia'
  filas: FilaEstados[]
  onAbrir: (fila: FilaEstados, estado: EstadoTablero) => void
}): ReactNode {
  return (
    <Table mt="sm" fz="sm" aria-label={`${props.titulo}, en cifras`}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{props.grupo === 'eje' ? 'Eje' : 'Instancia'}</Table.Th>
          {ESTADOS.map((e) => (
            <Table.Th key={e.estado}>{e.label}</Table.Th>
          ))}
          <Table.Th title="Promedio del último % informado en actas aprobadas">
            % de avance
          </Table.Th>
          <Table.Th title="Contando lo informado en actas aún no aprobadas">
            Con borradores
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.filas.map((f) => (
          <Table.Tr key={f.id ?? 'sin'} data-grupo={f.codigo}>
            <Table.Td>{f.codigo ? `${f.codigo}. ${f.nombre}` : f.nombre}</Table.Td>
            {ESTADOS.map((e) => (
              <Table.Td key={e.estado}>
                {f.id && f.porEstado[e.estado] > 0 ? (
                  <UnstyledButton
                    c="blue"
                    td="underline"
                    onClick={() => props.onAbrir(f, e.estado)}
                    aria-label={`${f.porEstado[e.estado]} ${e.label}, ${f.nombre}`}
                  >
                    {f.porEstado[e.estado]}
                  </UnstyledButton>
                ) : (
                  f.porEstado[e.estado]
                )}
              </Table.Td>
            ))}
            <Table.Td data-testid="promedio">
              {pct(f.promedio)}
              <DeCuantas de={f.conPorcentaje} total={f.acciones} />
            </Table.Td>
            <Table.Td c="dimmed">
              {pct(f.promedioConBorradores)}
              {f.enBorrador > 0 && ` (${f.enBorrador} en borrador)`}
              <DeCuantas de={f.conPorcentajeConBorradores} total={f.acciones} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

/** Of how many acciones a mean is: those with no % reported are left out of it, and said. */
function DeCuantas(props: { de: number; total: number }): ReactNode {
  const { de, total } = props
  if (de === total) return null
  const acciones = total === 1 ? 'acción' : 'acciones'
  return (
    <Text size="xs" c="dimmed" data-testid="promedio-de">
      {de === 0
        ? `ninguna de ${total} ${acciones} tiene % informado`
        : `promedio de ${de} de ${total} ${acciones}; ${total - de} sin % informado`}
    </Text>
  )
}

/** The acciones behind one figure, each a link to its page. */
function AccionesDrawer(props: {
  sel: Seleccion | null
  grupo: 'eje' | 'instancia'
  planId: string
  instanciaId: string | null
  onClose: () => void
}): ReactNode {
  const { sel } = props
  const filtro =
    props.grupo === 'eje'
      ? { ejeId: sel?.fila.id ?? undefined, instanciaId: props.instanciaId ?? undefined }
      : { instanciaId: sel?.fila.id ?? undefined }
  const { data } = useApiQuery(
    'accionestado:listar',
    { planId: props.planId, estado: sel?.estado ?? 'sin_reporte', ...filtro },
    { enabled: !!sel }
  )
  const etiqueta = ESTADOS.find((e) => e.estado === sel?.estado)?.label ?? ''
  return (
    <Drawer
      opened={!!sel}
      onClose={props.onClose}
      position="right"
      size="lg"
      title={sel ? `${etiqueta}: ${sel.fila.nombre}` : ''}
    >
      {!data ? (
        <Loader />
      ) : (
        <Table fz="sm" aria-label="Acciones">
          <Table.Tbody>
            {data.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>
                  <Anchor component={Link} href={`/acciones/${a.id}`}>
                    {a.codigo}
                  </Anchor>
                </Table.Td>
                <Table.Td>{a.texto}</Table.Td>
                <Table.Td>
                  {a.estado ? AVANCE_ESTADO_LABEL[a.estado] : 'Sin reporte'}
                  {a.porcentaje !== null && ` · ${pct(a.porcentaje)}`}
                  {a.fecha && (
                    <Text size="xs" c="dimmed">
                      al {formatFecha(a.fecha)}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Drawer>
  )
}
