import { useState, type ReactNode } from 'react'
import { Alert, Loader, Stack } from '@mantine/core'
import type { PlanArbol } from '../../../shared/domain/plan'
import type { Sesion } from '../../../shared/domain/sesiones'
import { useApiQuery } from '../api/queries'
import { SaveStatusProvider } from '../components/save-status'
import { DatosSesion } from './DatosSesion'
import { AsistenciaSection } from './AsistenciaSection'
import { TablaSection } from './TablaSection'
import { AvancesSection } from './AvancesSection'
import { AcuerdosSection } from './AcuerdosSection'
import { SeguimientoSection } from './SeguimientoSection'
import { AprobacionModal } from './Aprobacion'
import { ErratasSeccion } from './ErratasSeccion'
import { SesionActual } from './guardar'
import { Seccion } from './Seccion'
import { SesionEncabezado } from './SesionEncabezado'

/** The screen the secretary lives in during a session: the whole acta, saved as it is typed. */
export function SesionScreen(props: { id: string }): ReactNode {
  return (
    <SaveStatusProvider>
      <SesionActual.Provider value={props.id}>
        <SesionContenido id={props.id} />
      </SesionActual.Provider>
    </SaveStatusProvider>
  )
}

/** The plan's acciones an acuerdo can serve, as "1.1.a Texto…" options. */
function opcionesAcciones(arbol: PlanArbol | undefined): { value: string; label: string }[] {
  return (arbol?.ejes ?? [])
    .flatMap((e) => e.objetivos.flatMap((o) => o.acciones))
    .map((a) => ({
      value: a.id,
      label: `${a.codigo} ${a.texto.slice(0, 60)}${a.texto.length > 60 ? '…' : ''}`
    }))
}

function SesionContenido(props: { id: string }): ReactNode {
  const { data: d, error } = useApiQuery('sesion:obtener', { id: props.id })
  const plan = useApiQuery('plan:arbol', {})
  const [aprobando, setAprobando] = useState(false)
  if (error && !d)
    return (
      <Alert color="red" title="No se pudo cargar la sesión">
        {error.message}
      </Alert>
    )
  if (!d) return <Loader />
  const s = d.sesion
  const { editable } = d
  return (
    <Stack gap="md">
      <SesionEncabezado d={d} onAprobar={() => setAprobando(true)} />
      <EstadoAviso sesion={s} />
      <Seccion titulo="Datos de la sesión">
        <DatosSesion key={s.id} sesion={s} editable={editable} />
      </Seccion>
      <Seccion titulo="Asistencia">
        <AsistenciaSection sesionId={s.id} asistencia={d.asistencia} editable={editable} />
      </Seccion>
      <Seccion titulo="Tabla y desarrollo">
        <TablaSection sesionId={s.id} puntos={d.puntos} editable={editable} />
      </Seccion>
      <Seccion titulo="Seguimiento de acuerdos anteriores">
        <SeguimientoSection sesionId={s.id} seguimiento={d.seguimiento} editable={editable} />
      </Seccion>
      <Seccion titulo="Avance del plan">
        <AvancesSection sesionId={s.id} fecha={s.fecha} avances={d.avances} editable={editable} />
      </Seccion>
      <Seccion titulo="Acuerdos">
        <AcuerdosSection
          sesionId={s.id}
          acuerdos={d.acuerdos}
          opciones={{ acciones: opcionesAcciones(plan.data) }}
          editable={editable}
        />
      </Seccion>
      {s.estado === 'aprobada' && <ErratasSeccion sesionId={s.id} erratas={d.erratas} />}
      <AprobacionModal
        opened={aprobando}
        sesionId={s.id}
        posteriores={d.sesionesPosteriores}
        onClose={() => setAprobando(false)}
        onDone={() => setAprobando(false)}
      />
    </Stack>
  )
}

/** What an approved or closed session means for editing it. */
function EstadoAviso(props: { sesion: Sesion }): ReactNode {
  const s = props.sesion
  if (s.estado === 'aprobada')
    return (
      <Alert color="teal" title="Acta aprobada">
        {s.aprobadaEnSesionTitulo ? `Aprobada en la ${s.aprobadaEnSesionTitulo}. ` : 'Aprobada. '}
        {s.observacionesAprobacion && `Observaciones: ${s.observacionesAprobacion}. `}
        No se puede modificar. Huella SHA-256: <code data-testid="hash">{s.hash}</code>
      </Alert>
    )
  if (s.estado === 'cerrada')
    return (
      <Alert color="blue">
        La sesión está cerrada. Reábrala para corregir el acta antes de aprobarla.
      </Alert>
    )
  return null
}
