import { useState, type ReactNode } from 'react'
import { Anchor, Badge, Breadcrumbs, Button, Group, Text, Title } from '@mantine/core'
import { Link, useLocation } from 'wouter'
import {
  SESION_ESTADO_LABEL,
  type SesionDetalle,
  type SesionEstado
} from '../../../shared/domain/sesiones'
import { formatFecha } from '../../../shared/domain/fechas'
import { call } from '../api/client'
import { descargar } from '../api/download'
import { notifyError } from '../components/notify'
import { SaveStatusBadge } from '../components/save-status'
import { useGuardar } from './guardar'
import { confirmDelete } from '../components/confirm'
import { preguntar } from '../components/preguntar'

const ESTADO_COLOR: Record<SesionEstado, string> = {
  borrador: 'yellow',
  cerrada: 'blue',
  aprobada: 'teal'
}

/** Where the session is, its title and state, the save badge, and what can be done with it. */
export function SesionEncabezado(props: {
  d: SesionDetalle
  onAprobar: () => void
  /** Measures the sticky title row, so the section tabs stick right below it. */
  alMedir?: (el: HTMLDivElement | null) => void
}): ReactNode {
  const { d, alMedir, onAprobar } = props
  const s = d.sesion
  return (
    <>
      <Breadcrumbs>
        <Anchor component={Link} href="/sesiones">
          Sesiones
        </Anchor>
        <Text size="sm">{d.instancia.nombre}</Text>
      </Breadcrumbs>
      <Group
        ref={alMedir}
        justify="space-between"
        align="flex-start"
        style={{ position: 'sticky', top: 56, zIndex: 5, background: 'var(--mantine-color-body)' }}
        py={6}
      >
        <div>
          <Title order={1} size="h2">
            {s.titulo}
          </Title>
          <Group gap="xs">
            <Text c="dimmed" size="sm">
              {d.instancia.nombre} · {formatFecha(s.fecha)}
            </Text>
            {s.creadaEn && (
              <Text c="dimmed" size="xs" data-testid="creada-en">
                Creada en: {s.creadaEn}
              </Text>
            )}
            <Badge color={ESTADO_COLOR[s.estado]} tt="none" data-testid="estado-sesion">
              {SESION_ESTADO_LABEL[s.estado]}
            </Badge>
            <SaveStatusBadge />
          </Group>
        </div>
        <SesionAcciones d={d} onAprobar={onAprobar} />
      </Group>
    </>
  )
}

/** What deleting a draft takes with it, said before it is done. */
function loQueSeElimina(d: SesionDetalle): string {
  const partes = [
    [d.asistencia.length, 'registro de asistencia', 'registros de asistencia'],
    [d.puntos.length, 'punto de tabla con su desarrollo', 'puntos de tabla con su desarrollo'],
    [d.acuerdos.length, 'acuerdo', 'acuerdos'],
    [d.avances.filter((a) => a.estado !== null).length, 'avance informado', 'avances informados'],
    [d.seguimiento.filter((a) => a.enEstaSesion).length, 'seguimiento', 'seguimientos']
  ] as const
  const lista = partes
    .filter(([n]) => n > 0)
    .map(([n, uno, varios]) => `${n} ${n === 1 ? uno : varios}`)
  const { notas, sesiones } = d.seguimientoPosterior
  // Its acuerdos go, and with them what later sessions recorded on them.
  const posterior =
    notas === 0
      ? ''
      : ` Con sus acuerdos se eliminarán ${notas === 1 ? 'la nota de seguimiento' : `las ${notas} notas de seguimiento`} que ${sesiones === 1 ? 'una sesión posterior registró' : `${sesiones} sesiones posteriores registraron`} sobre ellos.`
  return (
    (lista.length ? `Se eliminarán también: ${lista.join(', ')}.` : 'La sesión está vacía.') +
    posterior
  )
}

/** Finish, reopen, approve, delete a draft, and the acta as DOCX or PDF. */
function SesionAcciones(props: { d: SesionDetalle; onAprobar: () => void }): ReactNode {
  const { d } = props
  const sesionId = d.sesion.id
  const estado = d.sesion.estado
  const guardar = useGuardar()
  const [, navigate] = useLocation()
  const finalizar = async () => {
    if (
      await preguntar(
        'Finalizar sesión',
        'El acta queda lista para su aprobación y ya no se edita. Si hace falta corregirla, puede reabrirla mientras no esté aprobada.',
        'Finalizar sesión'
      )
    )
      await guardar('sesion:cerrar', { id: sesionId })
  }
  const eliminar = () =>
    confirmDelete(`la ${d.sesion.titulo}`, loQueSeElimina(d), () => {
      void guardar('sesion:eliminar', { id: sesionId }).then((ok) => ok && navigate('/sesiones'))
    })
  const [exportando, setExportando] = useState<string | null>(null)
  const exportar = async (formato: 'docx' | 'pdf') => {
    setExportando(formato)
    const r = await call('acta:documento', { sesionId, formato })
    setExportando(null)
    if (r.ok) descargar(r.value)
    else notifyError('No se pudo generar el documento', r.error)
  }
  return (
    <Group gap="xs">
      {estado === 'borrador' && (
        <>
          <Button variant="light" onClick={() => void finalizar()}>
            Finalizar sesión
          </Button>
          <Button variant="subtle" color="red" onClick={eliminar}>
            Eliminar sesión
          </Button>
        </>
      )}
      {estado === 'cerrada' && (
        <>
          <Button
            variant="default"
            onClick={() => void guardar('sesion:reabrir', { id: sesionId })}
          >
            Reabrir
          </Button>
          <Button color="teal" onClick={props.onAprobar}>
            Aprobar acta
          </Button>
        </>
      )}
      <Button
        variant="default"
        loading={exportando === 'docx'}
        onClick={() => void exportar('docx')}
      >
        Descargar DOCX
      </Button>
      <Button variant="default" loading={exportando === 'pdf'} onClick={() => void exportar('pdf')}>
        Descargar PDF
      </Button>
    </Group>
  )
}
