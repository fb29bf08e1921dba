import { useState, type ReactNode } from 'react'
import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Card,
  Group,
  Loader,
  Stack,
  Text,
  Textarea,
  Title
} from '@mantine/core'
import { Link } from 'wouter'
import { SESION_ESTADO_LABEL, type SesionEstado } from '../../../shared/domain/sesiones'
import { formatFecha } from '../../../shared/domain/fechas'
import { call } from '../api/client'
import { descargar } from '../api/download'
import { useQuery } from '../api/use-query'
import { notifyError } from '../components/notify'
import { SaveStatusBadge, SaveStatusProvider, useSaveStatus } from '../components/save-status'
import { DatosSesion } from './DatosSesion'
import { AsistenciaSection } from './AsistenciaSection'
import { TablaSection } from './TablaSection'
import { AvancesSection } from './AvancesSection'
import { AcuerdosSection, SeguimientoSection } from './AcuerdosSection'
import { AprobacionModal } from './Aprobacion'

const ESTADO_COLOR: Record<SesionEstado, string> = {
  borrador: 'yellow',
  cerrada: 'blue',
  aprobada: 'teal'
}

function Seccion(props: { titulo: string; children: ReactNode }): ReactNode {
  return (
    <Card withBorder component="section" aria-label={props.titulo}>
      <Title order={2} size="h4" mb="sm">
        {props.titulo}
      </Title>
      {props.children}
    </Card>
  )
}

/** The screen the secretary lives in during a session: the whole acta, saved as it is typed. */
export function SesionScreen(props: { id: string }): ReactNode {
  return (
    <SaveStatusProvider>
      <SesionContenido id={props.id} />
    </SaveStatusProvider>
  )
}

function SesionContenido(props: { id: string }): ReactNode {
  const { data: d, error, reload } = useQuery('sesion:obtener', { id: props.id })
  const plan = useQuery('plan:arbol', {})
  const { track } = useSaveStatus()
  const [aprobando, setAprobando] = useState(false)
  const [errata, setErrata] = useState('')
  const [exportando, setExportando] = useState<string | null>(null)
  if (error && !d)
    return (
      <Alert color="red" title="No se pudo cargar la sesión">
        {error.message}
      </Alert>
    )
  if (!d) return <Loader />
  const s = d.sesion
  const editable = d.editable
  const changed = (): void => reload()
  const acciones = (plan.data?.ejes ?? [])
    .flatMap((e) => e.objetivos.flatMap((o) => o.acciones))
    .map((a) => ({
      value: a.id,
      label: `${a.codigo} ${a.texto.slice(0, 60)}${a.texto.length > 60 ? '…' : ''}`
    }))
  const exportar = async (formato: 'docx' | 'pdf') => {
    setExportando(formato)
    const r = await call('acta:documento', { sesionId: s.id, formato })
    setExportando(null)
    if (r.ok) descargar(r.value)
    else notifyError('No se pudo generar el documento', r.error)
  }
  const cambiarEstado = async (channel: 'sesion:cerrar' | 'sesion:reabrir') => {
    if (await track(call(channel, { id: s.id }))) changed()
  }
  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component={Link} href="/sesiones">
          Sesiones
        </Anchor>
        <Text size="sm">{d.instancia.nombre}</Text>
      </Breadcrumbs>
      <Group
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
            <Badge color={ESTADO_COLOR[s.estado]} tt="none" data-testid="estado-sesion">
              {SESION_ESTADO_LABEL[s.estado]}
            </Badge>
            <SaveStatusBadge />
          </Group>
        </div>
        <Group gap="xs">
          {s.estado === 'borrador' && (
            <Button variant="light" onClick={() => void cambiarEstado('sesion:cerrar')}>
              Cerrar sesión
            </Button>
          )}
          {s.estado === 'cerrada' && (
            <>
              <Button variant="default" onClick={() => void cambiarEstado('sesion:reabrir')}>
                Reabrir
              </Button>
              <Button color="teal" onClick={() => setAprobando(true)}>
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
          <Button
            variant="default"
            loading={exportando === 'pdf'}
            onClick={() => void exportar('pdf')}
          >
            Descargar PDF
          </Button>
        </Group>
      </Group>
      {s.estado === 'aprobada' && (
        <Alert color="teal" title="Acta aprobada">
          {s.aprobadaEnSesionTitulo ? `Aprobada en la ${s.aprobadaEnSesionTitulo}. ` : 'Aprobada. '}
          {s.observacionesAprobacion && `Observaciones: ${s.observacionesAprobacion}. `}
          No se puede modificar. Huella SHA-256: <code data-testid="hash">{s.hash}</code>
        </Alert>
      )}
      {s.estado === 'cerrada' && (
        <Alert color="blue">
          La sesión está cerrada. Reábrala para corregir el acta antes de aprobarla.
        </Alert>
      )}

      <Seccion titulo="Datos de la sesión">
        <DatosSesion key={s.id} sesion={s} editable={editable} onSaved={changed} />
      </Seccion>
      <Seccion titulo="Asistencia">
        <AsistenciaSection
          sesionId={s.id}
          asistencia={d.asistencia}

          editable={editable}
          onChanged={changed}
        />
      </Seccion>
      <Seccion titulo="Tabla y desarrollo">
        <TablaSection sesionId={s.id} puntos={d.puntos} editable={editable} onChanged={changed} />
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
          opciones={{ acciones }}
          editable={editable}
          onChanged={changed}
        />
      </Seccion>
      {s.estado === 'aprobada' && (
        <Seccion titulo="Fe de erratas">
          {d.erratas.map((e) => (
            <Text key={e.id} size="sm">
              {formatFecha(e.fecha)}: {e.texto}
            </Text>
          ))}
          <Group align="flex-end" mt="xs">
            <Textarea
              style={{ flex: 1 }}
              label="Nueva fe de erratas"
              autosize
              value={errata}
              onChange={(e) => setErrata(e.currentTarget.value)}
            />
            <Button
              disabled={!errata.trim()}
              onClick={async () => {
                if (await track(call('errata:crear', { sesionId: s.id, texto: errata }))) {
                  setErrata('')
                  changed()
                }
              }}
            >
              Registrar
            </Button>
          </Group>
        </Seccion>
      )}
      <AprobacionModal
        opened={aprobando}
        sesionId={s.id}
        posteriores={d.sesionesPosteriores}
        onClose={() => setAprobando(false)}
        onDone={() => {
          setAprobando(false)
          changed()
        }}
      />
    </Stack>
  )
}
