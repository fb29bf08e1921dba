import { Button, Group, Text } from '@mantine/core'
import * as s from '../../../shared/plan/schemas'
import {
  INDICADOR_TIPOS,
  INDICADOR_TIPO_LABEL,
  type Indicador,
  type Meta
} from '../../../shared/domain/plan'
import { plazoDesdeTexto } from '../../../shared/domain/plazo'
import { formatFecha } from '../../../shared/domain/fechas'
import type { FormSpec, Values } from '../components/EntityForm'
import { numeroONulo, orNull, via } from './via'

// The dialogs for what hangs from an acción: its metas and its indicadores.

export function metaForm(accionId: string, meta?: Meta): FormSpec {
  const fields: FormSpec['fields'] = [
    { name: 'texto', label: 'Meta', kind: 'textarea', required: true },
    {
      name: 'plazo',
      label: 'Plazo',
      kind: 'date',
      description: 'Déjelo vacío si la meta no tiene plazo.'
    }
  ]
  const initialValues = { texto: meta?.texto ?? '', plazo: meta?.plazo ?? '' }
  const extra: FormSpec['extra'] = (form) => {
    const leido = plazoDesdeTexto(form.values.texto ?? '')
    return (
      <Group gap="xs">
        <Text size="sm" c="dimmed">
          Plazo según el texto: {leido ? formatFecha(leido) : 'no indica'}
        </Text>
        <Button
          size="compact-sm"
          variant="light"
          disabled={!leido}
          onClick={() => form.setFieldValue('plazo', leido ?? '')}
        >
          Usar este plazo
        </Button>
      </Group>
    )
  }
  return meta
    ? {
        title: 'Editar meta',
        fields,
        initialValues,
        extra,
        schema: s.metaActualizarSchema,
        toInput: (v) => ({ id: meta.id, texto: v.texto, plazo: orNull(v.plazo) }),
        save: via('meta:actualizar')
      }
    : {
        title: 'Nueva meta',
        fields,
        initialValues,
        extra,
        schema: s.metaCrearSchema,
        toInput: (v) => ({ accionId, texto: v.texto, plazo: orNull(v.plazo) }),
        save: via('meta:crear')
      }
}

export function indicadorForm(accionId: string, indicador?: Indicador): FormSpec {
  const esPorcentaje = (v: Values): boolean => v.tipo === 'porcentaje'
  const fields: FormSpec['fields'] = [
    { name: 'texto', label: 'Indicador', kind: 'textarea', required: true },
    {
      name: 'tipo',
      label: 'Tipo',
      kind: 'select',
      required: true,
      options: INDICADOR_TIPOS.map((t) => ({ value: t, label: INDICADOR_TIPO_LABEL[t] }))
    },
    { name: 'numerador', label: 'Numerador', kind: 'text', required: true, visible: esPorcentaje },
    {
      name: 'denominador',
      label: 'Denominador',
      kind: 'text',
      required: true,
      visible: esPorcentaje
    },
    {
      name: 'metaValor',
      label: 'Meta numérica',
      kind: 'text',
      description:
        'El valor que la meta fija para este indicador (por ejemplo 12 o 80,5). Déjelo vacío si no lo fija.'
    }
  ]
  const initialValues = {
    texto: indicador?.texto ?? '',
    tipo: indicador?.tipo ?? 'hito',
    numerador: indicador?.numerador ?? '',
    denominador: indicador?.denominador ?? '',
    metaValor: indicador?.metaValor?.toLocaleString('es-CL', { useGrouping: false }) ?? ''
  }
  const campos = (v: Values) => ({
    texto: v.texto,
    tipo: v.tipo,
    numerador: esPorcentaje(v) ? orNull(v.numerador) : null,
    denominador: esPorcentaje(v) ? orNull(v.denominador) : null,
    metaValor: numeroONulo(v.metaValor)
  })
  return indicador
    ? {
        title: 'Editar indicador',
        fields,
        initialValues,
        schema: s.indicadorActualizarSchema,
        toInput: (v) => ({ id: indicador.id, ...campos(v) }),
        save: via('indicador:actualizar')
      }
    : {
        title: 'Nuevo indicador',
        fields,
        initialValues,
        schema: s.indicadorCrearSchema,
        toInput: (v) => ({ accionId, ...campos(v) }),
        save: via('indicador:crear')
      }
}
