import { useState, type ReactNode } from 'react'
import {
  Badge,
  Button,
  Card,
  Collapse,
  Grid,
  Group,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea
} from '@mantine/core'
import {
  AVANCE_ESTADOS,
  AVANCE_ESTADO_LABEL,
  type AvanceAccion,
  type AvanceEstado,
  type SesionDetalle
} from '../../../shared/domain/sesiones'
import { formatFecha } from '../../../shared/domain/fechas'
import { formatAvance } from '../../../shared/domain/porcentaje'
import { useAutosave } from '../components/use-autosave'
import { useGuardar } from './guardar'
import { useLeido } from '../components/use-leido'
import { IndicadorFila, num } from './IndicadorFila'

/** Whether the agenda names an acción's code ("1.1.a", not inside "11.1.a" nor "1.1.a.2"). */
const mencionada = (codigo: string, texto: string): boolean =>
  new RegExp(`(?<![\\w.])${codigo.replace(/\./g, '\\.')}(?![\\w]|\\.\\w)`).test(texto)

/**
 * The acciones this session deals with: those named on the agenda (by code) or served by an
 * acuerdo of this session or followed up in it, and those already reported here.
 */
export function accionesDeLaSesion(d: SesionDetalle): Set<string> {
  const textoTabla = d.puntos.map((p) => `${p.titulo} ${p.desarrollo}`).join(' ')
  const codigos = new Set(
    [...d.acuerdos, ...d.seguimiento].map((a) => a.accionCodigo).filter((c) => c !== null)
  )
  return new Set(
    d.avances
      .filter(
        (a) =>
          a.estado !== null ||
          a.indicadores.some((m) => m.valor !== null || m.numerador !== null) ||
          codigos.has(a.codigo) ||
          mencionada(a.codigo, textoTabla)
      )
      .map((a) => a.accionId)
  )
}

/** What was reported on the acciones this session deals with, and their indicators' values. */
export function AvancesSection(props: { d: SesionDetalle }): ReactNode {
  const { d } = props
  const [otras, setOtras] = useState<string[]>([])
  if (d.avances.length === 0)
    return <Text c="dimmed">Esta instancia no tiene acciones a su cargo en el plan.</Text>
  const deLaSesion = accionesDeLaSesion(d)
  const visibles = d.avances.filter((a) => deLaSesion.has(a.accionId) || otras.includes(a.accionId))
  const resto = d.avances.filter((a) => !visibles.includes(a))
  return (
    <Stack gap="sm">
      {visibles.length === 0 && (
        <Text c="dimmed" size="sm">
          Ninguna acción del plan está en la tabla ni tiene avance informado en esta sesión.
        </Text>
      )}
      {visibles.map((a) => (
        <AccionAvance
          key={a.accionId}
          sesionId={d.sesion.id}
          fecha={d.sesion.fecha}
          a={a}
          editable={d.editable}
        />
      ))}
      {d.editable && resto.length > 0 && (
        <Select
          label="Informar avance de otra acción…"
          placeholder="Busque por código o texto"
          searchable
          value={null}
          data={resto.map((a) => ({
            value: a.accionId,
            label: `${a.codigo} ${a.texto.slice(0, 80)}${a.texto.length > 80 ? '…' : ''}`
          }))}
          onChange={(id) => id && setOtras([...otras, id])}
        />
      )}
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
          {a.anterior.porcentaje !== null ? `, ${formatAvance(a.anterior.porcentaje)}` : ''} (
          {a.anterior.sesionTitulo}, {formatFecha(a.anterior.fecha)})
        </Text>
      )}
      <AvanceCampos sesionId={props.sesionId} a={a} editable={props.editable} />
      {a.indicadores.length > 0 && (
        <Indicadores a={a}>
          {a.indicadores.map((m) => (
            <IndicadorFila
              key={m.indicadorId}
              sesionId={props.sesionId}
              fecha={props.fecha}
              m={m}
              editable={props.editable}
            />
          ))}
        </Indicadores>
      )}
    </Card>
  )
}

/** The indicator inputs, folded until opened (open at once when some value is recorded). */
function Indicadores(props: { a: AvanceAccion; children: ReactNode }): ReactNode {
  const { a } = props
  const conValor = a.indicadores.filter((m) => m.valor !== null || m.numerador !== null).length
  const [abierto, setAbierto] = useState(conValor > 0)
  return (
    <Stack gap="xs" mt="sm" pl="md" style={{ borderLeft: '3px solid var(--mantine-color-gray-3)' }}>
      <Button
        variant="subtle"
        size="compact-sm"
        style={{ alignSelf: 'flex-start' }}
        aria-expanded={abierto}
        onClick={() => setAbierto(!abierto)}
      >
        {abierto ? '▾' : '▸'} Indicadores de {a.codigo} ({conValor}/{a.indicadores.length} con
        valor)
      </Button>
      <Collapse expanded={abierto}>
        <Stack gap="xs">{props.children}</Stack>
      </Collapse>
    </Stack>
  )
}

/**
 * State, percentage and report of one acción, saved once a state is chosen. A report is saved
 * with its state, so the other fields open only once it is chosen (typed before, it was lost),
 * and the state cannot be emptied again.
 */
function AvanceCampos(props: { sesionId: string; a: AvanceAccion; editable: boolean }): ReactNode {
  const { a } = props
  const servidor = {
    estado: a.estado,
    porcentaje: a.porcentaje ?? ('' as number | ''),
    reporte: a.reporte
  }
  const [v, setV] = useState(servidor)
  const leido = useLeido(servidor, v, (c) => setV((x) => ({ ...x, ...c })))
  const guardar = useGuardar(leido.recargar)
  const fueraDeRango = v.porcentaje !== '' && (v.porcentaje < 0 || v.porcentaje > 100)
  const sinEstado = props.editable && v.estado === null
  const primeroElEstado = sinEstado ? 'Elija primero el estado' : undefined
  useAutosave(
    v,
    (x) =>
      leido.guardar(x, (b) =>
        guardar('avance:guardar', {
          sesionId: props.sesionId,
          accionId: a.accionId,
          estado: x.estado!,
          porcentaje: num(x.porcentaje),
          reporte: x.reporte,
          antes: {
            ...(b.estado ? { estado: b.estado } : {}),
            porcentaje: num(b.porcentaje),
            reporte: b.reporte
          }
        })
      ),
    props.editable && v.estado !== null && !fueraDeRango
  )
  return (
    <Grid mt="xs" gap="xs">
      <Grid.Col span={{ base: 6, md: 3 }}>
        <Select
          label="Estado"
          placeholder="Sin reporte"
          data={AVANCE_ESTADOS.map((e) => ({ value: e, label: AVANCE_ESTADO_LABEL[e] }))}
          value={v.estado}
          allowDeselect={false}
          readOnly={!props.editable}
          onChange={(e) => e && setV({ ...v, estado: e as AvanceEstado })}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 6, md: 2 }}>
        <NumberInput
          label="% de avance"
          min={0}
          max={100}
          clampBehavior="none"
          error={fueraDeRango ? 'El avance va de 0 a 100 %.' : undefined}
          suffix=" %"
          value={v.porcentaje}
          readOnly={!props.editable}
          disabled={sinEstado}
          placeholder={primeroElEstado}
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
          disabled={sinEstado}
          placeholder={primeroElEstado}
          onChange={(e) => setV({ ...v, reporte: e.currentTarget.value })}
        />
      </Grid.Col>
    </Grid>
  )
}
