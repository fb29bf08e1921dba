import { useState, type ReactNode } from 'react'
import { Alert, Group, Loader, Stack } from '@mantine/core'
import { useElementSize } from '@mantine/hooks'
import type { PlanArbol } from '../../../shared/domain/plan'
import type { Sesion, SesionDetalle } from '../../../shared/domain/sesiones'
import { useEscriturasDe } from '../api/pendientes'
import { useApiQuery } from '../api/queries'
import { SaveStatusProvider } from '../components/save-status'
import { DatosSesion, useDatosSesion } from './DatosSesion'
import { AprobacionModal } from './Aprobacion'
import { ErratasSeccion } from './ErratasSeccion'
import { SesionActual } from './guardar'
import { SesionEncabezado } from './SesionEncabezado'
import { SeccionesSesion } from './SeccionesSesion'
import { HistorialBoton } from '../historial/HistorialBoton'
import { presideDe } from '../../../shared/domain/firmas'

/** The screen the secretary lives in during a session: the whole acta, saved as it is typed. */
export function SesionScreen(props: { id: string }): ReactNode {
  return (
    <SaveStatusProvider>
      <SesionActual.Provider value={props.id}>
        <SesionContenido key={props.id} id={props.id} />
      </SesionActual.Provider>
    </SaveStatusProvider>
  )
}

/** «Preside» as the acta prints it when who chaired is chosen (one of those present), or null. */
function presidenteDe(d: SesionDetalle): string | null {
  const { presidenteId } = d.sesion
  const elegido = d.asistencia.find((a) => a.id === presidenteId && a.estado === 'presente')
  return elegido ? presideDe(elegido) : null
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
  const q = useApiQuery('sesion:obtener', { id: props.id })
  const { data: d, error } = q
  const escrituras = useEscriturasDe(props.id)
  // The forms take their values once, when they mount: they wait for a read that follows every
  // save of this session (one flushed by the screen just left may still be in flight).
  const alDia =
    escrituras.enCurso === 0 && !q.isFetching && q.dataUpdatedAt >= escrituras.guardadaEn
  const [mostrada, setMostrada] = useState(false)
  const lista = d !== undefined && (mostrada || alDia)
  if (lista && !mostrada) setMostrada(true)
  // A failed re-read is said, not left as an endless loader.
  if (error && !lista)
    return (
      <Alert color="red" title="No se pudo cargar la sesión">
        {error.message}
      </Alert>
    )
  if (!lista) return <Loader />
  return <SesionCargada key={d.sesion.id} d={d} />
}

function SesionCargada(props: { d: SesionDetalle }): ReactNode {
  const { d } = props
  const s = d.sesion
  const { editable } = d
  const plan = useApiQuery('plan:arbol', {})
  const [aprobando, setAprobando] = useState(false)
  const datos = useDatosSesion(s, editable)
  // The title row sticks under the app's header; the tabs stick under it.
  const encabezado = useElementSize()
  return (
    <Stack gap="sm">
      <SesionEncabezado d={d} onAprobar={() => setAprobando(true)} alMedir={encabezado.ref} />
      <Group justify="flex-end">
        <HistorialBoton entidad="sesion" id={s.id} />
      </Group>
      <EstadoAviso sesion={s} />
      <DatosSesion form={datos} editable={editable} presidente={presidenteDe(d)} />
      <SeccionesSesion
        d={d}
        datos={datos}
        acciones={opcionesAcciones(plan.data)}
        arriba={56 + encabezado.height + 12}
      />
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
  if (s.estado === 'aprobada') {
    const obs = s.observacionesAprobacion.replace(/[.\s]+$/, '')
    return (
      <Alert color="teal" title="Acta aprobada">
        {s.aprobadaEnSesionTitulo ? `Aprobada en la ${s.aprobadaEnSesionTitulo}. ` : 'Aprobada. '}
        {obs && `Observaciones: ${obs}. `}
        No se puede modificar. Huella SHA-256: <code data-testid="hash">{s.hash}</code>
      </Alert>
    )
  }
  if (s.estado === 'cerrada')
    return (
      <Alert color="blue">
        La sesión está finalizada. Reábrala para corregir el acta antes de aprobarla.
      </Alert>
    )
  return null
}
