import { useState, type ReactNode } from 'react'
import {
  Badge,
  Card,
  Grid,
  Group,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput
} from '@mantine/core'
import {
  AVANCE_ESTADOS,
  AVANCE_ESTADO_LABEL,
  porcentajeDe,
  type AvanceAccion,
  type AvanceEstado,
  type Medicion
} from '../../../shared/domain/sesiones'
import { formatFecha } from '../../../shared/domain/fechas'
import { call } from '../api/client'
import { useSaveStatus } from '../components/save-status'
import { useAutosave } from '../components/use-autosave'

const num = (v: string | number): number | null => (v === '' || v === null ? null : Number(v))

function IndicadorFila(props: {
  sesionId: string
  fecha: string
  m: Medicion
  editable: boolean
}): ReactNode {
  const { m } = props
  const { track } = useSaveStatus()
  const [v, setV] = useState({
    valor: m.valor ?? ('' as number | ''),
    numerador: m.numerador ?? ('' as number | ''),
    denominador: m.denominador ?? ('' as number | ''),
    fechaCorte: m.fechaCorte ?? props.fecha,
    nota: m.nota
  })
  const pct = m.tipo === 'porcentaje'
  const completo = pct ? v.numerador !== '' && v.denominador !== '' : v.valor !== ''
  useAutosave(
    v,
    (x) =>
      track(
        call('medicion:guardar', {
          sesionId: props.sesionId,
          indicadorId: m.indicadorId,
          valor: pct ? null : num(x.valor),
          numerador: pct ? num(x.numerador) : null,
          denominador: pct ? num(x.denominador) : null,
          fechaCorte: x.fechaCorte,
          nota: x.nota
        })
      ),
    props.editable && completo && v.fechaCorte !== ''
  )
  const resultado = pct ? porcentajeDe(num(v.numerador), num(v.denominador)) : null
  return (
    <Grid align="flex-end" gap="xs">
      <Grid.Col span={12}>
        <Text size="sm">{m.indicadorTexto}</Text>
      </Grid.Col>
      {pct ? (
        <>
          <Grid.Col span={3}>
            <NumberInput
              size="xs"
              label={`Numerador: ${m.numeradorTexto ?? ''}`}
              aria-label={`Numerador de «${m.indicadorTexto}»`}
              value={v.numerador}
              min={0}
              readOnly={!props.editable}
              onChange={(x) => setV({ ...v, numerador: x === '' ? '' : Number(x) })}
            />
          </Grid.Col>
          <Grid.Col span={3}>
            <NumberInput
              size="xs"
              label={`Denominador: ${m.denominadorTexto ?? ''}`}
              aria-label={`Denominador de «${m.indicadorTexto}»`}
              value={v.denominador}
              min={0}
              readOnly={!props.editable}
              onChange={(x) => setV({ ...v, denominador: x === '' ? '' : Number(x) })}
            />
          </Grid.Col>
          <Grid.Col span={2}>
            <Badge size="lg" variant="light" tt="none" data-testid="porcentaje">
              {resultado === null ? '— %' : `${resultado.toLocaleString('es-CL')} %`}
            </Badge>
          </Grid.Col>
        </>
      ) : (
        <Grid.Col span={4}>
          <NumberInput
            size="xs"
            label={m.tipo === 'hito' ? 'Logrado (1) / no (0)' : 'Valor'}
            aria-label={`Valor de «${m.indicadorTexto}»`}
            value={v.valor}
            min={0}
            readOnly={!props.editable}
            onChange={(x) => setV({ ...v, valor: x === '' ? '' : Number(x) })}
          />
        </Grid.Col>
      )}
      <Grid.Col span={pct ? 2 : 3}>
        <TextInput
          size="xs"
          type="date"
          label="Fecha de corte"
          value={v.fechaCorte}
          readOnly={!props.editable}
          onChange={(e) => setV({ ...v, fechaCorte: e.currentTarget.value })}
        />
      </Grid.Col>
      <Grid.Col span={pct ? 2 : 5}>
        <TextInput
          size="xs"
          label="Nota"
          value={v.nota}
          readOnly={!props.editable}
          onChange={(e) => setV({ ...v, nota: e.currentTarget.value })}
        />
      </Grid.Col>
    </Grid>
  )
}

function AccionAvance(props: {
  sesionId: string
  fecha: string
  a: AvanceAccion
  editable: boolean
}): ReactNode {
  const { a } = props
  const { track } = useSaveStatus()
  const [v, setV] = useState({
    estado: a.estado,
    porcentaje: a.porcentaje ?? ('' as number | ''),
    reporte: a.reporte
  })
  useAutosave(
    v,
    (x) =>
      track(
        call('avance:guardar', {
          sesionId: props.sesionId,
          accionId: a.accionId,
          estado: x.estado!,
          porcentaje: num(x.porcentaje),
          reporte: x.reporte
        })
      ),
    props.editable && v.estado !== null
  )
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
