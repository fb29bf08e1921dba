import { useState, type ReactNode } from 'react'
import { Alert, Anchor, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core'
import { Link, useSearch } from 'wouter'
import type { AcuerdoCursor, AcuerdoListado } from '../../../shared/acuerdos/contract'
import { ACUERDO_SITUACION_LABEL } from '../../../shared/domain/sesiones'
import { formatFecha } from '../../../shared/domain/fechas'
import { fechaSchema, MENSAJE_FECHA } from '../../../shared/api/campos'
import { useApiQuery } from '../api/queries'
import { call } from '../api/client'
import { descargar } from '../api/download'
import { notifyError } from '../components/notify'
import { SituacionBadge } from '../sesion/SituacionBadge'
import { AcuerdosFiltros, filtroDesde, type FiltroAcuerdos } from './AcuerdosFiltros'

const POR_PAGINA = 25

/** Every acuerdo of every session in one list, filtered, by plazo, with its follow-ups. */
export function AcuerdosScreen(): ReactNode {
  const search = useSearch()
  // A new link from the dashboard starts over from its filters.
  return <AcuerdosLista key={search} inicial={filtroDesde(search)} />
}

/**
 * The plazo fields' errors, said next to each field: a text that is no date (31-02-2014), or a
 * range whose end comes before its start. Never silently dropped nor sent to fail the list.
 */
export function erroresPlazo(f: FiltroAcuerdos): { plazoDesde?: string; plazoHasta?: string } {
  const e: { plazoDesde?: string; plazoHasta?: string } = {}
  for (const k of ['plazoDesde', 'plazoHasta'] as const) {
    const r = f[k] ? fechaSchema.safeParse(f[k]) : null
    if (r && !r.success) e[k] = r.error.issues[0]?.message ?? MENSAJE_FECHA
  }
  if (!e.plazoDesde && !e.plazoHasta && f.plazoDesde && f.plazoHasta && f.plazoDesde > f.plazoHasta)
    e.plazoHasta = 'La fecha final no puede ser anterior a la inicial.'
  return e
}

/** A field with an error is not sent: the list keeps to the rest of the filter. */
const completo = (f: FiltroAcuerdos): FiltroAcuerdos => {
  const e = erroresPlazo(f)
  return {
    ...f,
    plazoDesde: e.plazoDesde ? undefined : f.plazoDesde,
    plazoHasta: e.plazoHasta ? undefined : f.plazoHasta
  }
}

/** Where the page after `a` starts: its place in the list's order. */
const cursorDe = (a: AcuerdoListado): AcuerdoCursor => ({
  plazo: a.plazo,
  sesionFecha: a.sesionFecha,
  numero: a.numero,
  id: a.id
})

function AcuerdosLista(props: { inicial: FiltroAcuerdos }): ReactNode {
  const [filtro, setFiltro] = useState(props.inicial)
  // Each page is asked for after the last row of the one before (the core seeks there, where
  // an offset walked every earlier row): the rows that ended the pages seen so far.
  const [cursores, setCursores] = useState<AcuerdoCursor[]>([])
  const [exportando, setExportando] = useState(false)
  const f = completo(filtro)
  const despuesDe = cursores.at(-1)
  const { data, error, isPlaceholderData } = useApiQuery(
    'acuerdo:listar',
    { ...f, limit: POR_PAGINA, ...(despuesDe ? { despuesDe } : {}) },
    { mantenerAnterior: true }
  )
  const ultima = data?.filas.at(-1)
  const exportar = async () => {
    setExportando(true)
    const r = await call('acuerdo:exportar', f)
    setExportando(false)
    if (r.ok) descargar(r.value)
    else notifyError('No se pudo exportar', r.error)
  }
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h3">
          Acuerdos de todas las sesiones
        </Title>
        <Button variant="light" loading={exportando} onClick={exportar}>
          Exportar a Excel
        </Button>
      </Group>
      <AcuerdosFiltros
        filtro={filtro}
        errores={erroresPlazo(filtro)}
        onChange={(n) => {
          setFiltro(n)
          setCursores([])
        }}
      />
      {error && (
        <Alert color="red" title="No se pudo cargar la lista">
          {error.message}
        </Alert>
      )}
      {!data ? (
        <Loader />
      ) : (
        <>
          <Text size="sm" c="dimmed" data-testid="acuerdos-total">
            {totalTexto(data.total, data.totalExacto)} · situación al {formatFecha(data.hoy)}
          </Text>
          <TablaAcuerdos filas={data.filas} />
          <Group gap="sm">
            <Button
              variant="default"
              size="xs"
              disabled={cursores.length === 0}
              onClick={() => setCursores(cursores.slice(0, -1))}
            >
              Anterior
            </Button>
            <Text size="sm" data-testid="acuerdos-pagina">
              Página {cursores.length + 1} de {data.totalExacto ? '' : 'más de '}
              {Math.max(1, Math.ceil(data.total / POR_PAGINA))}
            </Text>
            <Button
              variant="default"
              size="xs"
              disabled={!data.hayMas || !ultima || isPlaceholderData}
              onClick={() => ultima && setCursores([...cursores, cursorDe(ultima)])}
            >
              Siguiente
            </Button>
          </Group>
        </>
      )}
    </Stack>
  )
}

/** «25 acuerdos», or «Más de 1000 acuerdos» when the core stopped counting. */
const totalTexto = (n: number, exacto: boolean): string =>
  !exacto ? `Más de ${n.toLocaleString('es-CL')} acuerdos` : n === 1 ? '1 acuerdo' : `${n} acuerdos`

function TablaAcuerdos(props: { filas: AcuerdoListado[] }): ReactNode {
  return (
    <Table striped fz="sm" aria-label="Acuerdos">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Sesión</Table.Th>
          <Table.Th>Acuerdo</Table.Th>
          <Table.Th>Responsable</Table.Th>
          <Table.Th>Plazo</Table.Th>
          <Table.Th>Situación</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.filas.map((a) => (
          <Table.Tr key={a.id} data-situacion={a.situacion}>
            <Table.Td>
              <Anchor component={Link} href={`/sesiones/${a.sesionId}`}>
                {a.sesionTitulo}
              </Anchor>
              <Text size="xs" c="dimmed">
                {a.instancia} · {formatFecha(a.sesionFecha)} · N° {a.numero}
              </Text>
            </Table.Td>
            <Table.Td>
              {a.texto}
              {a.accionId && (
                <Text size="xs">
                  Acción{' '}
                  <Anchor component={Link} href={`/acciones/${a.accionId}`}>
                    {a.accionCodigo}
                  </Anchor>
                </Text>
              )}
              {a.historial.map((h, k) => (
                <Text key={k} size="xs" c="dimmed">
                  {formatFecha(h.fecha)}, {h.sesionTitulo}: {ACUERDO_SITUACION_LABEL[h.estado]}
                  {h.enBorrador && ' (acta en borrador)'}
                  {h.nota && ` — ${h.nota}`}
                </Text>
              ))}
            </Table.Td>
            <Table.Td>{a.responsable || '—'}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {a.plazo ? formatFecha(a.plazo) : '—'}
            </Table.Td>
            <Table.Td>
              <SituacionBadge s={a.situacion} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
