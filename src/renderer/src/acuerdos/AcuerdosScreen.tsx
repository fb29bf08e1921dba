import { useState, type ReactNode } from 'react'
import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  Pagination,
  Stack,
  Table,
  Text,
  Title
} from '@mantine/core'
import { Link, useSearch } from 'wouter'
import type { AcuerdoListado } from '../../../shared/acuerdos/contract'
import { ACUERDO_SITUACION_LABEL } from '../../../shared/domain/sesiones'
import { formatFecha, isIsoDate } from '../../../shared/domain/fechas'
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

/** Dates still being typed are not sent: the list keeps the last complete filter. */
const completo = (f: FiltroAcuerdos): FiltroAcuerdos => ({
  ...f,
  plazoDesde: f.plazoDesde && isIsoDate(f.plazoDesde) ? f.plazoDesde : undefined,
  plazoHasta: f.plazoHasta && isIsoDate(f.plazoHasta) ? f.plazoHasta : undefined
})

function AcuerdosLista(props: { inicial: FiltroAcuerdos }): ReactNode {
  const [filtro, setFiltro] = useState(props.inicial)
  const [pagina, setPagina] = useState(1)
  const [exportando, setExportando] = useState(false)
  const f = completo(filtro)
  const { data, error } = useApiQuery(
    'acuerdo:listar',
    { ...f, offset: (pagina - 1) * POR_PAGINA, limit: POR_PAGINA },
    { mantenerAnterior: true }
  )
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
        onChange={(n) => {
          setFiltro(n)
          setPagina(1)
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
            {data.total === 1 ? '1 acuerdo' : `${data.total} acuerdos`} · situación al{' '}
            {formatFecha(data.hoy)}
          </Text>
          <TablaAcuerdos filas={data.filas} />
          <Pagination
            total={Math.ceil(data.total / POR_PAGINA)}
            value={pagina}
            onChange={setPagina}
          />
        </>
      )}
    </Stack>
  )
}

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
