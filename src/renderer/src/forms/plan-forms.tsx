import * as s from '../../../shared/plan/schemas'
import type { Accion, Eje, Instancia, Objetivo, PlanResumen } from '../../../shared/domain/plan'
import type { FormSpec, Values } from '../components/EntityForm'
import { orNull, via } from './via'

// The dialog for each level of the plan: which fields, which contract call, which schema.

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
