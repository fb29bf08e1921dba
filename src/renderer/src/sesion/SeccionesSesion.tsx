import { useEffect, useRef, useState, type ReactNode } from 'react'
import { Box, Tabs, Tooltip } from '@mantine/core'
import { useHotkeys } from '@mantine/hooks'
import { useLocation, useSearch } from 'wouter'
import type { SesionDetalle } from '../../../shared/domain/sesiones'
import { formatFecha } from '../../../shared/domain/fechas'
import { AsistenciaSection } from './AsistenciaSection'
import { TablaSection } from './TablaSection'
import { AvancesSection } from './AvancesSection'
import { AcuerdosSection } from './AcuerdosSection'
import { SeguimientoSection } from './SeguimientoSection'
import { ProximaSesion, type FormDatos } from './DatosSesion'
import { seguimientoPendientes } from '../../../shared/domain/seguimiento-pendientes'

export const SECCIONES = [
  { id: 'asistencia', titulo: 'Asistencia', region: 'Asistencia' },
  { id: 'tabla', titulo: 'Tabla', region: 'Tabla y desarrollo' },
  { id: 'seguimiento', titulo: 'Seguimiento', region: 'Seguimiento de acuerdos anteriores' },
  { id: 'avance', titulo: 'Avance', region: 'Avance del plan' },
  { id: 'acuerdos', titulo: 'Acuerdos', region: 'Acuerdos' },
  { id: 'proxima', titulo: 'Próxima sesión', region: 'Próxima sesión' }
] as const
type SeccionId = (typeof SECCIONES)[number]['id']
const esSeccion = (s: string | null): s is SeccionId => SECCIONES.some((x) => x.id === s)

/** What each tab counts, so the secretary sees where things stand without opening it. */
function contador(id: SeccionId, d: SesionDetalle): string {
  switch (id) {
    case 'asistencia':
      return `${d.asistencia.filter((a) => a.estado === 'presente').length}/${d.asistencia.length}`
    case 'tabla':
      return String(d.puntos.length)
    case 'seguimiento':
      return seguimientoPendientes(d.seguimiento)
    case 'avance':
      return String(d.avances.filter((a) => a.estado !== null).length)
    case 'acuerdos':
      return String(d.acuerdos.length)
    case 'proxima':
      return d.sesion.proximaFecha ? formatFecha(d.sesion.proximaFecha) : '—'
  }
}

/** The first field of a section: the one marked for it, or the first that can be typed in. */
function enfocarPrimerCampo(panel: HTMLElement | null): void {
  const campo =
    panel?.querySelector<HTMLElement>('[data-primer-campo]') ??
    panel?.querySelector<HTMLElement>(
      'input:not([type=hidden]):not([readonly]):not([disabled]), textarea:not([readonly]), button:not([disabled])'
    )
  campo?.focus()
}

/**
 * The acta's sections as tabs, one screen each: Alt+1…6 jump to them from anywhere (also while
 * typing), and focus lands in the section's first field. Panels stay mounted, so nothing typed
 * is lost when switching.
 */
export function SeccionesSesion(props: {
  d: SesionDetalle
  datos: FormDatos
  acciones: { value: string; label: string }[]
  /** Where the tabs stick: below the app's header and the session's title row. */
  arriba: number
}): ReactNode {
  const { d } = props
  // A search result opens the session at its section (?seccion=acuerdos); the address then
  // drops it, or the next session opened would open there too.
  const pedida = new URLSearchParams(useSearch()).get('seccion')
  const [location, navigate] = useLocation()
  const [activa, setActiva] = useState<SeccionId>(esSeccion(pedida) ? pedida : 'asistencia')
  const [vista, setVista] = useState(pedida)
  if (pedida !== vista) {
    setVista(pedida)
    if (esSeccion(pedida)) setActiva(pedida)
  }
  useEffect(() => {
    if (esSeccion(pedida)) navigate(`${location}?`, { replace: true })
  }, [pedida, location, navigate])
  const [salto, setSalto] = useState(0)
  const paneles = useRef<Partial<Record<SeccionId, HTMLDivElement | null>>>({})
  const abrir = (id: SeccionId) => {
    setActiva(id)
    setSalto((n) => n + 1)
  }
  useHotkeys(
    SECCIONES.map((s, i) => [`alt+${i + 1}`, () => abrir(s.id), { preventDefault: true }]),
    []
  )
  useEffect(() => {
    if (salto > 0) enfocarPrimerCampo(paneles.current[activa] ?? null)
  }, [salto, activa])
  return (
    <Tabs value={activa} onChange={(v) => v && abrir(v as SeccionId)} keepMounted>
      <Box
        style={{
          position: 'sticky',
          top: props.arriba,
          zIndex: 4,
          background: 'var(--mantine-color-body)'
        }}
      >
        <Tabs.List aria-label="Secciones del acta">
          {SECCIONES.map((s, i) => (
            <Tooltip key={s.id} label={`Alt+${i + 1}`} openDelay={300}>
              <Tabs.Tab value={s.id} aria-keyshortcuts={`Alt+${i + 1}`}>
                {s.titulo} <span data-testid={`contador-${s.id}`}>{contador(s.id, d)}</span>
              </Tabs.Tab>
            </Tooltip>
          ))}
        </Tabs.List>
      </Box>
      {SECCIONES.map((s) => (
        <Tabs.Panel
          key={s.id}
          value={s.id}
          pt="sm"
          ref={(el) => {
            paneles.current[s.id] = el
          }}
        >
          <section aria-label={s.region}>
            <Seccion id={s.id} d={d} datos={props.datos} acciones={props.acciones} />
          </section>
        </Tabs.Panel>
      ))}
    </Tabs>
  )
}

function Seccion(props: {
  id: SeccionId
  d: SesionDetalle
  datos: FormDatos
  acciones: { value: string; label: string }[]
}): ReactNode {
  const { d } = props
  const s = d.sesion
  const { editable } = d
  switch (props.id) {
    case 'asistencia':
      return (
        <AsistenciaSection
          sesionId={s.id}
          asistencia={d.asistencia}
          editable={editable}
          roles={{
            presidenteId: s.presidenteId,
            secretariaSubroganteId: s.secretariaSubroganteId,
            preside: props.datos.values.preside,
            secretariaActas: d.instancia.secretariaActas ?? ''
          }}
        />
      )
    case 'tabla':
      return <TablaSection d={d} />
    case 'seguimiento':
      return (
        <SeguimientoSection
          sesionId={s.id}
          fecha={s.fecha}
          seguimiento={d.seguimiento}
          editable={editable}
        />
      )
    case 'avance':
      return <AvancesSection d={d} />
    case 'acuerdos':
      return (
        <AcuerdosSection
          sesionId={s.id}
          fecha={s.fecha}
          acuerdos={d.acuerdos}
          opciones={{ acciones: props.acciones }}
          editable={editable}
        />
      )
    case 'proxima':
      return <ProximaSesion form={props.datos} editable={editable} />
  }
}
