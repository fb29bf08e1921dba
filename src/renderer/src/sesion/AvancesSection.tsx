import { useState, type ReactNode } from 'react'
import { Badge, Card, Grid, Group, NumberInput, Select, Stack, Text, Textarea } from '@mantine/core'
import {
  AVANCE_ESTADOS,
  AVANCE_ESTADO_LABEL,
  type AvanceAccion,
  type AvanceEstado
} from '../../../shared/domain/sesiones'
import { formatFecha } from '../../../shared/domain/fechas'
import { useAutosave } from '../components/use-autosave'
import { useGuardar } from './guardar'
import { IndicadorFila, num } from './IndicadorFila'

/** What was reported on each acción of this instancia, and its indicators' values. */
export function AvancesSection(props: {
  sesionId: string
  fecha: string
  avances: AvanceAccion[]
  editable: boolean
}): ReactNode {
  if (props.avances.length === 0)
    return <Text c="dimmed">Esta instancia no tiene acciones a su cargo en el plan.</Text>
  return (
    <Stack gap="sm">
      {props.avances.map((a) => (
        <AccionAvance
          key={a.accionId}
          sesionId={props.sesionId}
          fecha={props.fecha}
          a={a}
          editable={props.editable}
        />
      ))}
    </Stack>
  )
}

function AccionAvance(props: {
  sesionId: string
  fecha: string
  a: AvanceAccion
  editable: boolean
}): ReactNode {
  const { a } = props
  return (
    <Card
      withBorder
      padding="sm"
      component="section"
      aria-label={`Avance de la acción ${a.codigo}`}
      data-codigo={a.codigo}
    >
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Badge variant="light" tt="none" radius="sm" style={{ flexShrink: 0 }}>
          {a.codigo}
        </Badge>
        <Text size="sm">{a.texto}</Text>
      </Group>
      {a.anterior && (
        <Text size="xs" c="dimmed" mt={4}>
          Último reporte: {AVANCE_ESTADO_LABEL[a.anterior.estado]}
          {a.anterior.porcentaje !== null ? `, ${a.anterior.porcentaje} %` : ''} (
          {a.anterior.sesionTitulo}, {formatFecha(a.anterior.fecha)})
        </Text>
      )}
      <AvanceCampos sesionId={props.sesionId} a={a} editable={props.editable} />
      {a.indicadores.length > 0 && (
        <Stack
          gap="xs"
          mt="sm"
          pl="md"
          style={{ borderLeft: '3px solid var(--mantine-color-gray-3)' }}
        >
          <Text size="sm" fw={600}>
            Indicadores
          </Text>
          {a.indicadores.map((m) => (
            <IndicadorFila
              key={m.indicadorId}
              sesionId={props.sesionId}
              fecha={props.fecha}
              m={m}
              editable={props.editable}
            />
          ))}
        </Stack>
      )}
    </Card>
  )
}

/** State, percentage and report of one acción, saved once a state is chosen. */
function AvanceCampos(props: { sesionId: string; a: AvanceAccion; editable: boolean }): ReactNode {
  const { a } = props
  const guardar = useGuardar()
  const [v, setV] = useState({
    estado: a.estado,
    porcentaje: a.porcentaje ?? ('' as number | ''),
    reporte: a.reporte
  })
  useAutosave(
    v,
    (x) =>
      guardar('avance:guardar', {
        sesionId: props.sesionId,
        accionId: a.accionId,
        estado: x.estado!,
        porcentaje: num(x.porcentaje),
        reporte: x.reporte
      }),
    props.editable && v.estado !== null
  )
  return (
    <Grid mt="xs" gap="xs">
      <Grid.Col span={{ base: 6, md: 3 }}>
        <Select
          label="Estado"
          placeholder="Sin reporte"
          data={AVANCE_ESTADOS.map((e) => ({ value: e, label: AVANCE_ESTADO_LABEL[e] }))}
          value={v.estado}
          readOnly={!props.editable}
          onChange={(e) => setV({ ...v, estado: e as AvanceEstado | null })}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 6, md: 2 }}>
        <NumberInput
          label="% de avance"
          min={0}
          max={100}
          clampBehavior="strict"
          suffix=" %"
          value={v.porcentaje}
          readOnly={!props.editable}
          onChange={(x) => setV({ ...v, porcentaje: x === '' ? '' : Number(x) })}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Textarea
          label="Lo informado"
          autosize
          minRows={1}
          maxRows={8}
          value={v.reporte}
          readOnly={!props.editable}
          onChange={(e) => setV({ ...v, reporte: e.currentTarget.value })}
        />
      </Grid.Col>
    </Grid>
  )
}
