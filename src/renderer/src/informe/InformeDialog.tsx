import { useState, type ReactNode } from 'react'
import {
  Button,
  Group,
  Modal,
  Progress,
  SegmentedControl,
  Select,
  Stack,
  Text
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import type { DocumentoGenerado, Tarea } from '../../../shared/domain/tareas'
import type { FormatoInforme } from '../../../shared/informe/contract'
import type { PlanResumen } from '../../../shared/domain/plan'
import { call } from '../api/client'
import { descargar } from '../api/download'
import { useApiQuery } from '../api/queries'
import { notifyError } from '../components/notify'
import { useTarea } from '../components/use-tarea'

/** The years a plan's report can be about: those of its period, up to this one, latest first. */
export function aniosDelPlan(p: PlanResumen | undefined, hoy: string): string[] {
  if (!p) return []
  const desde = Number(p.periodoDesde.slice(0, 4))
  const hasta = Math.min(Number(p.periodoHasta.slice(0, 4)), Number(hoy.slice(0, 4)))
  const anios: string[] = []
  for (let a = hasta; a >= desde; a--) anios.push(String(a))
  return anios
}

/** The dashboard's button that opens the report's dialog (mounted only while open). */
export function InformeBoton(props: { planId: string; hoy: string }): ReactNode {
  const [abierto, setAbierto] = useState(false)
  return (
    <>
      <Button variant="light" onClick={() => setAbierto(true)}>
        Informe anual…
      </Button>
      {abierto && <InformeDialog {...props} onClose={() => setAbierto(false)} />}
    </>
  )
}

interface Opciones {
  planId: string
  anio: string | null
  formato: FormatoInforme
}

/** Plan, year and format: the years follow the plan chosen. */
function OpcionesInforme(props: {
  o: Opciones
  anios: string[]
  planes: PlanResumen[] | undefined
  disabled: boolean
  onChange: (o: Opciones) => void
}): ReactNode {
  const { o, onChange } = props
  return (
    <>
      <Select
        label="Plan (período)"
        data={(props.planes ?? []).map((p) => ({
          value: p.id,
          label: `${p.nombre} (${p.periodoDesde.slice(0, 4)}–${p.periodoHasta.slice(0, 4)})`
        }))}
        value={o.planId}
        onChange={(v) => v && onChange({ ...o, planId: v, anio: null })}
        allowDeselect={false}
        disabled={props.disabled}
      />
      <Select
        label="Año"
        data={props.anios}
        value={o.anio}
        onChange={(v) => onChange({ ...o, anio: v })}
        allowDeselect={false}
        disabled={props.disabled}
        error={
          props.planes && !props.anios.length ? 'El período de este plan aún no comienza.' : null
        }
      />
      <SegmentedControl
        aria-label="Formato"
        data={[
          { value: 'docx', label: 'Word (DOCX)' },
          { value: 'pdf', label: 'PDF' }
        ]}
        value={o.formato}
        onChange={(v) => onChange({ ...o, formato: v as FormatoInforme })}
        disabled={props.disabled}
      />
    </>
  )
}

/** Hands the finished report over, or says why there is none. */
function entregar(t: Tarea, onClose: () => void): void {
  if (t.estado === 'lista' && t.resultado && 'base64' in t.resultado) {
    const doc = t.resultado as DocumentoGenerado
    descargar(doc)
    notifications.show({
      color: 'teal',
      title: 'Informe anual generado',
      message: `${doc.nombre} — revise su carpeta de descargas.`,
      autoClose: 6000
    })
    onClose()
  } else if (t.estado === 'error' && t.error) notifyError('No se pudo generar el informe', t.error)
}

/** The annual report the plan asks for: plan, year and format; progress and cancel. */
export function InformeDialog(props: {
  planId: string
  hoy: string
  onClose: () => void
}): ReactNode {
  const planes = useApiQuery('plan:listar', undefined)
  const [o, setO] = useState<Opciones>({ planId: props.planId, anio: null, formato: 'docx' })
  const { tarea, iniciar, cancelar } = useTarea()
  const enCurso = tarea?.estado === 'en_curso'
  const anios = aniosDelPlan(
    planes.data?.find((p) => p.id === o.planId),
    props.hoy
  )
  const anio = o.anio ?? anios[0] ?? null
  const generar = async () => {
    if (!anio) return
    const entrada = { planId: o.planId, anio: Number(anio), formato: o.formato }
    entregar(await iniciar(call('informe:exportar', entrada)), props.onClose)
  }
  return (
    <Modal opened onClose={() => !enCurso && props.onClose()} title="Informe anual" size="lg">
      <Stack>
        <Text size="sm" c="dimmed">
          Avance por eje y objetivo (según actas aprobadas), indicadores frente a su meta, sesiones
          del año con sus acuerdos y asistencia por institución, con gráficos.
        </Text>
        <OpcionesInforme
          o={{ ...o, anio }}
          anios={anios}
          planes={planes.data}
          disabled={enCurso}
          onChange={setO}
        />
        {tarea && enCurso && (
          <Stack gap={4}>
            <Progress value={tarea.progreso * 100} animated aria-label="Progreso del informe" />
            <Text size="xs" c="dimmed">
              {tarea.detalle}
            </Text>
          </Stack>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={enCurso ? cancelar : props.onClose}>
            {enCurso ? 'Cancelar informe' : 'Cerrar'}
          </Button>
          <Button onClick={() => void generar()} loading={enCurso} disabled={!anio}>
            Generar informe
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
