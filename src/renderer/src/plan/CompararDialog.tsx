import { useState, type ReactNode } from 'react'
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  Paper,
  Select,
  Stack,
  Text
} from '@mantine/core'
import { Link } from 'wouter'
import type { PlanResumen } from '../../../shared/domain/plan'
import type { CambioAccion, Fragmento } from '../../../shared/domain/periodos'
import { formatFecha } from '../../../shared/domain/fechas'
import { useApiQuery } from '../api/queries'
import { call } from '../api/client'
import { descargar } from '../api/download'
import { notifyError } from '../components/notify'
import { rotuloPeriodo } from './periodos-forms'

const COLOR = { agregada: 'teal', eliminada: 'red', modificada: 'blue' } as const
const TIPO = { agregada: 'Agregada', eliminada: 'Eliminada', modificada: 'Modificada' } as const

/** The acción's text word by word: removed words struck in red, added ones underlined in green. */
function Diferencia(props: { texto: Fragmento[] }): ReactNode {
  return (
    <Text size="sm" data-testid="diferencia">
      {props.texto.map((f, i) => (
        <span key={i}>
          {i > 0 && ' '}
          {f.tipo === 'quitado' ? (
            <Text component="del" c="red.8" inherit>
              {f.texto}
            </Text>
          ) : f.tipo === 'agregado' ? (
            <Text component="ins" c="teal.8" fw={600} inherit>
              {f.texto}
            </Text>
          ) : (
            f.texto
          )}
        </span>
      ))}
    </Text>
  )
}

const plazo = (p: string | null): string => (p ? formatFecha(p) : 'sin plazo')

function Cambio(props: { cambio: CambioAccion }): ReactNode {
  const { cambio } = props
  return (
    <Paper withBorder p="sm" component="section" aria-label={`Acción ${cambio.codigo}`}>
      <Group justify="space-between" mb={4}>
        <Group gap="xs">
          <Text fw={600}>{cambio.codigo}</Text>
          <Badge color={COLOR[cambio.tipo]} variant="light">
            {TIPO[cambio.tipo]}
          </Badge>
          {cambio.otros.length > 0 && (
            <Text size="xs" c="dimmed">
              También cambió: {cambio.otros.join(', ')}
            </Text>
          )}
        </Group>
        <Anchor component={Link} href={`/acciones/${cambio.accionId}`} size="sm">
          Ver acción
        </Anchor>
      </Group>
      <Diferencia texto={cambio.texto} />
      {cambio.plazos.map((p, i) => (
        <Text key={i} size="sm" c="dimmed">
          Plazo movido: {p.meta} — {plazo(p.antes)} → {plazo(p.despues)}
        </Text>
      ))}
    </Paper>
  )
}

/** "Comparar períodos": acción by acción, what the later one added, removed and reworded. */
export function CompararDialog(props: {
  planes: PlanResumen[]
  actual: string
  onClose: () => void
}): ReactNode {
  const i = props.planes.findIndex((p) => p.id === props.actual)
  const [anterior, setAnterior] = useState(props.planes[Math.max(i - 1, 0)]!.id)
  const [posterior, setPosterior] = useState(props.planes[i > 0 ? i : 1]?.id ?? props.actual)
  const distintos = anterior !== posterior
  const entrada = { anteriorId: anterior, posteriorId: posterior }
  const { data, error } = useApiQuery('periodos:comparar', entrada, { enabled: distintos })
  const [exportando, setExportando] = useState(false)
  const opciones = props.planes.map((p) => ({ value: p.id, label: rotuloPeriodo(p, undefined) }))
  const exportar = async () => {
    setExportando(true)
    const r = await call('periodos:exportar', entrada)
    setExportando(false)
    if (r.ok) descargar(r.value)
    else notifyError('No se pudo exportar la comparación', r.error)
  }
  return (
    <Modal opened onClose={props.onClose} title="Comparar períodos" size="xl">
      <Stack onClick={(e) => (e.target as HTMLElement).closest('a') && props.onClose()}>
        <Group grow>
          <Select
            label="Período anterior"
            data={opciones}
            value={anterior}
            allowDeselect={false}
            onChange={(v) => v && setAnterior(v)}
          />
          <Select
            label="Período posterior"
            data={opciones}
            value={posterior}
            allowDeselect={false}
            onChange={(v) => v && setPosterior(v)}
          />
        </Group>
        {!distintos && <Text c="dimmed">Elija dos períodos distintos.</Text>}
        {error && (
          <Alert color="red" title="No se pudo comparar">
            {error.message}
          </Alert>
        )}
        {distintos && !data && !error && <Loader />}
        {data && (
          <>
            <Group justify="space-between">
              <Text size="sm" data-testid="resumen-comparacion">
                {data.cambios.length} {data.cambios.length === 1 ? 'acción' : 'acciones'} con
                cambios; {data.sinCambios} sin cambios.
              </Text>
              <Button variant="default" loading={exportando} onClick={() => void exportar()}>
                Exportar a Excel
              </Button>
            </Group>
            {data.cambios.map((c) => (
              <Cambio key={`${c.tipo}-${c.codigo}`} cambio={c} />
            ))}
          </>
        )}
      </Stack>
    </Modal>
  )
}
