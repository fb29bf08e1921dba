import { useState, type ReactNode } from 'react'
import { Badge, Grid, NumberInput, Text, TextInput } from '@mantine/core'
import { porcentajeDe, type Medicion } from '../../../shared/domain/sesiones'
import { useAutosave } from '../components/use-autosave'
import { useGuardar } from './guardar'
import { useLeido } from '../components/use-leido'
import { FechaInput } from '../fechas/FechaInput'
import { isIsoDate } from '../../../shared/domain/fechas'
import { MENSAJE_FECHA } from '../../../shared/api/campos'

export const num = (v: string | number): number | null =>
  v === '' || v === null ? null : Number(v)
const numero = (x: string | number): number | '' => (x === '' ? '' : Number(x))

interface Valores {
  valor: number | ''
  numerador: number | ''
  denominador: number | ''
  fechaCorte: string
  nota: string
}

/** One indicator's measurement in this session, saved once it is complete. */
function useMedicion(sesionId: string, fecha: string, m: Medicion, editable: boolean) {
  const servidor: Valores = {
    valor: m.valor ?? '',
    numerador: m.numerador ?? '',
    denominador: m.denominador ?? '',
    fechaCorte: m.fechaCorte ?? fecha,
    nota: m.nota
  }
  const [v, setV] = useState<Valores>(servidor)
  const leido = useLeido(servidor, v, (c) => setV((x) => ({ ...x, ...c })))
  const guardar = useGuardar(leido.recargar)
  const pct = m.tipo === 'porcentaje'
  const entrada = (x: Valores) => ({
    valor: pct ? null : num(x.valor),
    numerador: pct ? num(x.numerador) : null,
    denominador: pct ? num(x.denominador) : null,
    fechaCorte: x.fechaCorte,
    nota: x.nota
  })
  const completo = pct ? v.numerador !== '' && v.denominador !== '' : v.valor !== ''
  useAutosave(
    v,
    (x) =>
      leido.guardar(x, (b) =>
        guardar('medicion:guardar', {
          sesionId,
          indicadorId: m.indicadorId,
          ...entrada(x),
          antes: entrada(b)
        })
      ),
    editable && completo && isIsoDate(v.fechaCorte)
  )
  return { v, setV, pct }
}

export function IndicadorFila(props: {
  sesionId: string
  fecha: string
  m: Medicion
  editable: boolean
}): ReactNode {
  const { m } = props
  const { v, setV, pct } = useMedicion(props.sesionId, props.fecha, m, props.editable)
  const ro = !props.editable
  return (
    <Grid align="flex-end" gap="xs">
      <Grid.Col span={12}>
        <Text size="sm">{m.indicadorTexto}</Text>
      </Grid.Col>
      {pct ? (
        <PorcentajeCampos m={m} v={v} setV={setV} ro={ro} />
      ) : (
        <Grid.Col span={4}>
          <NumberInput
            size="xs"
            label={m.tipo === 'hito' ? 'Logrado (1) / no (0)' : 'Valor'}
            aria-label={`Valor de «${m.indicadorTexto}»`}
            value={v.valor}
            min={0}
            readOnly={ro}
            onChange={(x) => setV({ ...v, valor: numero(x) })}
          />
        </Grid.Col>
      )}
      <Grid.Col span={pct ? 2 : 3}>
        <FechaInput
          size="xs"
          label="Fecha de corte"
          value={v.fechaCorte}
          readOnly={ro}
          required
          error={isIsoDate(v.fechaCorte) ? undefined : MENSAJE_FECHA}
          onChange={(x) => setV({ ...v, fechaCorte: x })}
        />
      </Grid.Col>
      <Grid.Col span={pct ? 2 : 5}>
        <TextInput
          size="xs"
          label="Nota"
          value={v.nota}
          readOnly={ro}
          onChange={(e) => setV({ ...v, nota: e.currentTarget.value })}
        />
      </Grid.Col>
    </Grid>
  )
}

/** Numerator and denominator of a percentage indicator, and the percentage they give. */
function PorcentajeCampos(props: {
  m: Medicion
  v: Valores
  setV: (v: Valores) => void
  ro: boolean
}): ReactNode {
  const { m, v, setV, ro } = props
  const resultado = porcentajeDe(num(v.numerador), num(v.denominador))
  return (
    <>
      <Grid.Col span={3}>
        <NumberInput
          size="xs"
          label={`Numerador: ${m.numeradorTexto ?? ''}`}
          aria-label={`Numerador de «${m.indicadorTexto}»`}
          value={v.numerador}
          min={0}
          readOnly={ro}
          onChange={(x) => setV({ ...v, numerador: numero(x) })}
        />
      </Grid.Col>
      <Grid.Col span={3}>
        <NumberInput
          size="xs"
          label={`Denominador: ${m.denominadorTexto ?? ''}`}
          aria-label={`Denominador de «${m.indicadorTexto}»`}
          value={v.denominador}
          min={0}
          readOnly={ro}
          onChange={(x) => setV({ ...v, denominador: numero(x) })}
        />
      </Grid.Col>
      <Grid.Col span={2}>
        <Badge size="lg" variant="light" tt="none" data-testid="porcentaje">
          {resultado === null ? '— %' : `${resultado.toLocaleString('es-CL')} %`}
        </Badge>
      </Grid.Col>
    </>
  )
}
