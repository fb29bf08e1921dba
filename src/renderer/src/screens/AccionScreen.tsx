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
  Title
} from '@mantine/core'
import { Link } from 'wouter'
import type { Output } from '../../../shared/api/contract'
import { INDICADOR_TIPO_LABEL, type Accion } from '../../../shared/domain/plan'
import { formatFecha } from '../../../shared/domain/fechas'
import { useApiQuery } from '../api/queries'
import { TRAYECTORIA_MAXIMO, TRAYECTORIA_PAGINA } from '../../../shared/tablero/contract'
import { useEntityForm, type FormSpec } from '../components/EntityForm'
import { RowActions } from '../components/RowActions'
import { accionForm } from '../forms/plan-forms'
import { indicadorForm, metaForm } from '../forms/accion-forms'
import { ListaEditable } from './ListaEditable'
import { Trayectoria } from '../accion/Trayectoria'
import { MetaVencidaBadge } from '../components/MetaVencidaBadge'
import { HistorialBoton } from '../historial/HistorialBoton'

type AccionDetalle = Output<'accion:obtener'>

/** One acción in full: its place in the plan, metas with deadlines, indicadores, responsables. */
export function AccionScreen(props: { id: string }): ReactNode {
  const { data, error } = useApiQuery('accion:obtener', { id: props.id })
  const instancias = useApiQuery('instancia:listar', undefined)
  // The latest few of each list first; «Ver más» asks for more (the page stays bounded).
  const [limite, setLimite] = useState(TRAYECTORIA_PAGINA)
  const historia = useApiQuery(
    'trayectoria:obtener',
    { accionId: props.id, limite },
    { mantenerAnterior: true }
  )
  const planes = useApiQuery('plan:listar', {})
  const [setForm, formModal] = useEntityForm()

  if (error)
    return (
      <Alert color="red" title="No se pudo cargar la acción">
        {error.message}
      </Alert>
    )
  if (!data) return <Loader />
  const { accion: a } = data
  // An acción of a closed period is read-only (the database refuses): nothing to edit.
  const cerrado = !!planes.data?.find((p) => p.id === data.planId)?.cerradoAt

  return (
    <Stack gap="md">
      <AccionEncabezado
        data={data}
        onEditar={
          cerrado ? null : () => setForm(accionForm(data.objetivo, instancias.data ?? [], a))
        }
      />
      <fieldset disabled={cerrado} style={{ border: 0, margin: 0, padding: 0 }}>
        <Stack gap="md">
          <Card withBorder>
            <Title order={2} size="h5" mb="xs">
              Responsables
            </Title>
            <Text style={{ whiteSpace: 'pre-line' }}>
              {a.responsables || 'Sin texto de responsables'}
            </Text>
            <Text size="sm" c="dimmed" mt={4}>
              Instancia: {data.instancia?.nombre ?? 'sin instancia asignada'}
            </Text>
          </Card>
          <MetasLista
            accion={a}
            vencidas={new Set(historia.data?.metasVencidas ?? [])}
            onForm={setForm}
          />
          <IndicadoresLista accion={a} onForm={setForm} />
        </Stack>
      </fieldset>
      {historia.data && (
        <Trayectoria
          t={historia.data}
          onMas={
            historia.data.hayMas && limite < TRAYECTORIA_MAXIMO
              ? () => setLimite(Math.min(TRAYECTORIA_MAXIMO, limite * 2))
              : null
          }
        />
      )}
      {formModal}
    </Stack>
  )
}

/** Where the acción sits in the plan, its code and text, and the button to edit it. */
function AccionEncabezado(props: {
  data: AccionDetalle
  /** null: its period is closed. */
  onEditar: (() => void) | null
}): ReactNode {
  const { data } = props
  const a = data.accion
  return (
    <>
      <Breadcrumbs>
        <Anchor component={Link} href={`/plan?plan=${data.planId}`}>
          Plan de acción
        </Anchor>
        <Text size="sm">
          Eje {data.eje.codigo}. {data.eje.nombre}
        </Text>
        <Text size="sm">Objetivo {data.objetivo.codigo}</Text>
      </Breadcrumbs>
      <Text c="dimmed" size="sm">
        {data.objetivo.codigo}. {data.objetivo.texto}
      </Text>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Title order={1} size="h3">
          <Badge size="lg" radius="sm" mr="xs" tt="none">
            {a.codigo}
          </Badge>
          <span data-testid="accion-texto">{a.texto}</span>
        </Title>
        <Group gap="xs" wrap="nowrap">
          <HistorialBoton entidad="accion" id={a.id} />
          {props.onEditar && <Button onClick={props.onEditar}>Editar acción</Button>}
        </Group>
      </Group>
    </>
  )
}

function MetasLista(props: {
  accion: Accion
  vencidas: Set<string>
  onForm: (f: FormSpec) => void
}): ReactNode {
  const { accion: a, onForm } = props
  return (
    <ListaEditable
      titulo="Metas"
      nuevo="Nueva meta"
      onNuevo={() => onForm(metaForm(a.id))}
      columnas={[{ titulo: 'Meta' }, { titulo: 'Plazo', ancho: 110 }]}
      filas={a.metas.map((m, i) => ({
        id: m.id,
        celdas: [
          m.texto,
          <>
            {m.plazo ? formatFecha(m.plazo) : '—'}
            {props.vencidas.has(m.id) && <MetaVencidaBadge />}
          </>
        ],
        acciones: (
          <RowActions
            kind="meta"
            id={m.id}
            label={`la meta ${i + 1}`}
            onEdit={() => onForm(metaForm(a.id, m))}
          />
        )
      }))}
    />
  )
}

function IndicadoresLista(props: { accion: Accion; onForm: (f: FormSpec) => void }): ReactNode {
  const { accion: a, onForm } = props
  return (
    <ListaEditable
      titulo="Indicadores"
      nuevo="Nuevo indicador"
      onNuevo={() => onForm(indicadorForm(a.id))}
      columnas={[
        { titulo: 'Indicador' },
        { titulo: 'Tipo', ancho: 140 },
        { titulo: 'Meta', ancho: 90 }
      ]}
      filas={a.indicadores.map((ind, i) => ({
        id: ind.id,
        celdas: [
          <>
            {ind.texto}
            {ind.tipo === 'porcentaje' && (
              <Text size="xs" c="dimmed">
                ({ind.numerador}) / ({ind.denominador}) × 100
              </Text>
            )}
          </>,
          INDICADOR_TIPO_LABEL[ind.tipo],
          ind.metaValor === null
            ? '—'
            : `${ind.metaValor.toLocaleString('es-CL')}${ind.tipo === 'porcentaje' ? ' %' : ''}`
        ],
        acciones: (
          <RowActions
            kind="indicador"
            id={ind.id}
            label={`el indicador ${i + 1}`}
            onEdit={() => onForm(indicadorForm(a.id, ind))}
          />
        )
      }))}
    />
  )
}
