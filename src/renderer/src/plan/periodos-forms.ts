import * as s from '../../../shared/plan/schemas'
import type { PlanResumen } from '../../../shared/domain/plan'
import type { FormSpec } from '../components/EntityForm'
import { nombreSiguiente, periodoSiguiente } from '../../../shared/domain/periodo-siguiente'

/** "Nuevo período a partir de este": the copy's name and dates; `alCrear` opens the new one. */
export function nuevoPeriodoForm(plan: PlanResumen, alCrear: (id: string) => void): FormSpec {
  const siguiente = periodoSiguiente(plan)
  return {
    title: 'Nuevo período a partir de este',
    fields: [
      {
        name: 'nombre',
        label: 'Nombre del nuevo período',
        kind: 'text',
        required: true,
        description:
          'Se copian los ejes, objetivos, acciones, metas, indicadores y responsables de este período, para editarlos en el nuevo.'
      },
      { name: 'periodoDesde', label: 'Desde', kind: 'date', required: true },
      { name: 'periodoHasta', label: 'Hasta', kind: 'date', required: true }
    ],
    initialValues: {
      nombre: nombreSiguiente(plan.nombre, siguiente.periodoDesde, siguiente.periodoHasta),
      ...siguiente
    },
    schema: s.planCopiarSchema,
    toInput: (v) => ({
      id: plan.id,
      nombre: v.nombre,
      periodoDesde: v.periodoDesde,
      periodoHasta: v.periodoHasta
    }),
    save: async (escribir, input) => {
      const r = await escribir(
        'plan:copiar',
        input as Parameters<typeof escribir<'plan:copiar'>>[1]
      )
      if (r.ok) alCrear(r.value.id)
      return r
    }
  }
}

/** How a period is named in lists: its name and years, whether it is current or closed. */
export function rotuloPeriodo(p: PlanResumen, vigenteId: string | undefined): string {
  const estado = [p.id === vigenteId ? 'vigente' : null, p.cerradoAt ? 'cerrado' : null]
    .filter(Boolean)
    .join(', ')
  return `${p.nombre} (${p.periodoDesde.slice(0, 4)}–${p.periodoHasta.slice(0, 4)})${estado ? ` · ${estado}` : ''}`
}
