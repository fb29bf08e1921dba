import { Button, Group, Text } from '@mantine/core'
import * as s from '../../../shared/plan/schemas'
import * as si from '../../../shared/instituciones/contract'
import {
  INDICADOR_TIPOS,
  INDICADOR_TIPO_LABEL,
  type Accion,
  type Eje,
  type Indicador,
  type Instancia,
  type Institucion,
  type Meta,
  type Objetivo,
  type PlanResumen
} from '../../../shared/domain/plan'
import { plazoDesdeTexto } from '../../../shared/domain/plazo'
import { formatFecha } from '../../../shared/domain/fechas'
import { call } from '../api/client'
import type { Channel } from '../../../shared/api/contract'
import type { Input } from '../../../shared/api/contract'
import type { FormSpec, Values } from '../components/EntityForm'

// The dialog for each plan element: which fields, which contract call, which schema.

/** The form has checked the values against this channel's schema; the main process checks again. */
const via =
  <C extends Channel>(channel: C) =>
  (input: unknown) =>
    call(channel, input as Input<C>)

const orNull = (v: string | undefined): string | null => (v && v.trim() !== '' ? v : null)

export function planForm(plan: PlanResumen): FormSpec {
  return {
    title: 'Editar plan',
    fields: [
      { name: 'nombre', label: 'Nombre', kind: 'text', required: true },
      { name: 'periodoDesde', label: 'Desde', kind: 'date', required: true },
      { name: 'periodoHasta', label: 'Hasta', kind: 'date', required: true }
    ],
    initialValues: {
      nombre: plan.nombre,
      periodoDesde: plan.periodoDesde,
      periodoHasta: plan.periodoHasta
    },
    schema: s.planActualizarSchema,
    toInput: (v) => ({
      id: plan.id,
      nombre: v.nombre,
      periodoDesde: v.periodoDesde,
      periodoHasta: v.periodoHasta
    }),
    save: via('plan:actualizar')
  }
}

export function ejeForm(planId: string, eje?: Eje): FormSpec {
  const fields: FormSpec['fields'] = [
    {
      name: 'codigo',
      label: 'Código',
      kind: 'text',
      required: true,
      description: 'Por ejemplo: 5'
    },
    { name: 'nombre', label: 'Nombre del eje estratégico', kind: 'text', required: true }
  ]
  const initialValues = { codigo: eje?.codigo ?? '', nombre: eje?.nombre ?? '' }
  return eje
    ? {
        title: `Editar eje ${eje.codigo}`,
        fields,
        initialValues,
        schema: s.ejeActualizarSchema,
        toInput: (v) => ({ id: eje.id, codigo: v.codigo, nombre: v.nombre }),
        save: via('eje:actualizar')
      }
    : {
        title: 'Nuevo eje estratégico',
        fields,
        initialValues,
        schema: s.ejeCrearSchema,
        toInput: (v) => ({ planId, codigo: v.codigo, nombre: v.nombre }),
        save: via('eje:crear')
      }
}

export function objetivoForm(eje: Eje, objetivo?: Objetivo): FormSpec {
  const fields: FormSpec['fields'] = [
    {
      name: 'codigo',
      label: 'Código',
      kind: 'text',
      required: true,
      description: `Por ejemplo: ${eje.codigo}.1`
    },
    { name: 'texto', label: 'Objetivo', kind: 'textarea', required: true }
  ]
  const initialValues = {
    codigo: objetivo?.codigo ?? `${eje.codigo}.`,
    texto: objetivo?.texto ?? ''
  }
  return objetivo
    ? {
        title: `Editar objetivo ${objetivo.codigo}`,
        fields,
        initialValues,
        schema: s.objetivoActualizarSchema,
        toInput: (v) => ({ id: objetivo.id, codigo: v.codigo, texto: v.texto }),
        save: via('objetivo:actualizar')
      }
    : {
        title: `Nuevo objetivo en el eje ${eje.codigo}`,
        fields,
        initialValues,
        schema: s.objetivoCrearSchema,
        toInput: (v) => ({ ejeId: eje.id, codigo: v.codigo, texto: v.texto }),
        save: via('objetivo:crear')
      }
}

export function accionForm(
  objetivo: Pick<Objetivo, 'id' | 'codigo'>,
  instancias: Instancia[],
  accion?: Accion
): FormSpec {
  const fields: FormSpec['fields'] = [
    {
      name: 'codigo',
      label: 'Código',
      kind: 'text',
      required: true,
      description: `Por ejemplo: ${objetivo.codigo}.a`
    },
    { name: 'texto', label: 'Acción', kind: 'textarea', required: true },
    {
      name: 'instanciaId',
      label: 'Instancia responsable',
      kind: 'select',
      options: instancias.map((i) => ({ value: i.id, label: i.nombre }))
    },
    {
      name: 'responsables',
      label: 'Instituciones responsables (texto de la matriz)',
      kind: 'textarea'
    }
  ]
  const initialValues = {
    codigo: accion?.codigo ?? `${objetivo.codigo}.`,
    texto: accion?.texto ?? '',
    instanciaId: accion?.instanciaId ?? '',
    responsables: accion?.responsables ?? ''
  }
  const campos = (v: Values) => ({
    codigo: v.codigo,
    texto: v.texto,
    instanciaId: orNull(v.instanciaId),
    responsables: v.responsables ?? ''
  })
  return accion
    ? {
        title: `Editar acción ${accion.codigo}`,
        fields,
        initialValues,
        schema: s.accionActualizarSchema,
        toInput: (v) => ({ id: accion.id, ...campos(v) }),
        save: via('accion:actualizar')
      }
    : {
        title: `Nueva acción en el objetivo ${objetivo.codigo}`,
        fields,
        initialValues,
        schema: s.accionCrearSchema,
        toInput: (v) => ({ objetivoId: objetivo.id, ...campos(v) }),
        save: via('accion:crear')
      }
}

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
    }
  ]
  const initialValues = {
    texto: indicador?.texto ?? '',
    tipo: indicador?.tipo ?? 'hito',
    numerador: indicador?.numerador ?? '',
    denominador: indicador?.denominador ?? ''
  }
  const campos = (v: Values) => ({
    texto: v.texto,
    tipo: v.tipo,
    numerador: esPorcentaje(v) ? orNull(v.numerador) : null,
    denominador: esPorcentaje(v) ? orNull(v.denominador) : null
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

export function institucionForm(institucion?: Institucion): FormSpec {
  const fields: FormSpec['fields'] = [
    { name: 'sigla', label: 'Sigla', kind: 'text', required: true },
    { name: 'nombre', label: 'Nombre', kind: 'text', required: true }
  ]
  const initialValues = { sigla: institucion?.sigla ?? '', nombre: institucion?.nombre ?? '' }
  return institucion
    ? {
        title: `Editar ${institucion.sigla}`,
        fields,
        initialValues,
        schema: si.institucionActualizarSchema,
        toInput: (v) => ({ id: institucion.id, sigla: v.sigla, nombre: v.nombre }),
        save: via('institucion:actualizar')
      }
    : {
        title: 'Nueva institución',
        fields,
        initialValues,
        schema: si.institucionCrearSchema,
        toInput: (v) => ({ sigla: v.sigla, nombre: v.nombre }),
        save: via('institucion:crear')
      }
}

export function instanciaForm(instancia: Instancia): FormSpec {
  return {
    title: `Editar ${instancia.nombre}`,
    fields: [
      { name: 'nombre', label: 'Nombre', kind: 'text', required: true },
      { name: 'coordinador', label: 'Coordinador', kind: 'text' },
      { name: 'secretariaActas', label: 'Secretaría de actas', kind: 'text' }
    ],
    initialValues: {
      nombre: instancia.nombre,
      coordinador: instancia.coordinador ?? '',
      secretariaActas: instancia.secretariaActas ?? ''
    },
    schema: si.instanciaActualizarSchema,
    toInput: (v) => ({
      id: instancia.id,
      nombre: v.nombre,
      coordinador: orNull(v.coordinador),
      secretariaActas: orNull(v.secretariaActas)
    }),
    save: via('instancia:actualizar')
  }
}
