import { useEffect, useRef, useState, type ReactNode } from 'react'
import { Anchor, Badge, Table } from '@mantine/core'
import { Link } from 'wouter'
import { SESION_ESTADO_LABEL, type SesionResumen } from '../../../shared/domain/sesiones'
import { formatFecha } from '../../../shared/domain/fechas'

/** Row height in px: fixed, so the window of rows to draw follows from the scroll position. */
export const ALTO_FILA = 41
/** Rows drawn above and below the visible ones, so a quick scroll does not show blanks. */
const MARGEN = 10

/**
 * The sessions, years of them: only the rows in view are in the DOM (a window over the list,
 * spacers above and below), and the next page is asked for as the end comes into view.
 */
export function SesionesTabla(props: {
  sesiones: SesionResumen[]
  hayMas: boolean
  cargarMas: () => void
}): ReactNode {
  const caja = useRef<HTMLDivElement>(null)
  const [scroll, setScroll] = useState(0)
  const [alto, setAlto] = useState(600)
  useEffect(() => {
    const el = caja.current
    if (!el) return
    const medir = () => setAlto(el.clientHeight)
    medir()
    const obs = new ResizeObserver(medir)
    obs.observe(el)
    return () => obs.disconnect()
  }, [])
  const { sesiones, hayMas, cargarMas } = props
  const desde = Math.max(0, Math.floor(scroll / ALTO_FILA) - MARGEN)
  const hasta = Math.min(sesiones.length, Math.ceil((scroll + alto) / ALTO_FILA) + MARGEN)
  useEffect(() => {
    if (hayMas && hasta >= sesiones.length - MARGEN) cargarMas()
  }, [hayMas, hasta, sesiones.length, cargarMas])
  return (
    <div
      ref={caja}
      data-testid="sesiones-lista"
      onScroll={(e) => setScroll(e.currentTarget.scrollTop)}
      style={{ height: 'calc(100vh - 300px)', minHeight: 320, overflowY: 'auto' }}
    >
      <Table striped highlightOnHover stickyHeader aria-label="Lista de sesiones" layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Sesión</Table.Th>
            <Table.Th>Instancia</Table.Th>
            <Table.Th w={110}>Fecha</Table.Th>
            <Table.Th w={110}>Estado</Table.Th>
            <Table.Th w={90}>Acuerdos</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {desde > 0 && <tr aria-hidden style={{ height: desde * ALTO_FILA }} />}
          {sesiones.slice(desde, hasta).map((s) => (
            <Table.Tr key={s.id} data-sesion-fila="" style={{ height: ALTO_FILA }}>
              <Table.Td style={{ whiteSpace: 'nowrap', overflow: 'hidden' }}>
                <Anchor component={Link} href={`/sesiones/${s.id}`}>
                  {s.titulo}
                </Anchor>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap', overflow: 'hidden' }}>
                {s.instanciaNombre}
              </Table.Td>
              <Table.Td>{formatFecha(s.fecha)}</Table.Td>
              <Table.Td>
                <Badge tt="none" variant="light">
                  {SESION_ESTADO_LABEL[s.estado]}
                </Badge>
              </Table.Td>
              <Table.Td>{s.acuerdos}</Table.Td>
            </Table.Tr>
          ))}
          {hasta < sesiones.length && (
            <tr aria-hidden style={{ height: (sesiones.length - hasta) * ALTO_FILA }} />
          )}
        </Table.Tbody>
      </Table>
    </div>
  )
}
