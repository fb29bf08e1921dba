import type { ReactNode } from 'react'
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
  Table,
  Text,
  Title
} from '@mantine/core'
import { Link } from 'wouter'
import { INDICADOR_TIPO_LABEL } from '../../../shared/domain/plan'
import { formatFecha } from '../../../shared/domain/fechas'
import { useQuery } from '../api/use-query'
import { useEntityForm } from '../components/EntityForm'
import { RowActions } from '../components/RowActions'
import { accionForm, indicadorForm, metaForm } from '../forms/plan-forms'

/** One acción in full: its place in the plan, metas with deadlines, indicadores, responsables. */
export function AccionScreen(props: { id: string }): ReactNode {
  const { data, error, loading, reload } = useQuery('accion:obtener', { id: props.id })
  const instancias = useQuery('instancia:listar', undefined)
  const [setForm, formModal] = useEntityForm(reload)

  if (error)
    return (
      <Alert color="red" title="No se pudo cargar la acción">
        {error.message}
      </Alert>
    )
  if (!data) return loading ? <Loader /> : null
  const { accion: a } = data
  const changed = (): void => void reload()

  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component={Link} href="/">
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
        <Button onClick={() => setForm(accionForm(data.objetivo, instancias.data ?? [], a))}>
          Editar acción
        </Button>
      </Group>

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

      <ListaEditable
        titulo="Metas"
        nuevo="Nueva meta"
        onNuevo={() => setForm(metaForm(a.id))}
        columnas={[{ titulo: 'Meta' }, { titulo: 'Plazo', ancho: 110 }]}
        filas={a.metas.map((m, i) => ({
          id: m.id,
          celdas: [m.texto, m.plazo ? formatFecha(m.plazo) : '—'],
          acciones: (
            <RowActions
              kind="meta"
              id={m.id}
              label={`la meta ${i + 1}`}
              onEdit={() => setForm(metaForm(a.id, m))}
              onChanged={changed}
            />
          )
        }))}
      />
      <ListaEditable
        titulo="Indicadores"
        nuevo="Nuevo indicador"
        onNuevo={() => setForm(indicadorForm(a.id))}
        columnas={[{ titulo: 'Indicador' }, { titulo: 'Tipo', ancho: 140 }]}
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
            INDICADOR_TIPO_LABEL[ind.tipo]
          ],
          acciones: (
            <RowActions
              kind="indicador"
              id={ind.id}
              label={`el indicador ${i + 1}`}
              onEdit={() => setForm(indicadorForm(a.id, ind))}
              onChanged={changed}
            />
          )
        }))}
      />
      {formModal}
    </Stack>
  )
}

/** A titled table of an acción's metas or indicadores, with "new" and per-row actions. */
function ListaEditable(props: {
  titulo: string
  nuevo: string
  onNuevo: () => void
  columnas: { titulo: string; ancho?: number }[]
  filas: { id: string; celdas: ReactNode[]; acciones: ReactNode }[]
}): ReactNode {
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5">
          {props.titulo}
        </Title>
        <Button size="compact-sm" variant="light" onClick={props.onNuevo}>
          {props.nuevo}
        </Button>
      </Group>
      <Table striped aria-label={props.titulo}>
        <Table.Thead>
          <Table.Tr>
            {props.columnas.map((c) => (
              <Table.Th key={c.titulo} w={c.ancho}>
                {c.titulo}
              </Table.Th>
            ))}
            <Table.Th w={230} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.filas.map((f) => (
            <Table.Tr key={f.id}>
              {f.celdas.map((c, i) => (
                <Table.Td key={i}>{c}</Table.Td>
              ))}
              <Table.Td>{f.acciones}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  )
}
