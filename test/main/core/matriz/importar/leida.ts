import type { PlanArbol } from '../../../../../src/shared/domain/plan'
import type { MatrizLeida } from '../../../../../src/main/core/matriz/importar/leer'

/** What reading the plan's own matrix gives: the plan as a workbook read back, to edit. */
export function leidaDe(plan: PlanArbol, glosario: { sigla: string; nombre: string }[] = []) {
  let fila = 2
  const leida: MatrizLeida = {
    hoja: 'Matriz',
    ejes: plan.ejes.map((e) => ({
      codigo: e.codigo,
      nombre: e.nombre,
      objetivos: e.objetivos.map((o) => ({
        codigo: o.codigo,
        texto: o.texto,
        acciones: o.acciones.map((a) => ({
          codigo: a.codigo,
          texto: a.texto,
          responsables: a.responsables,
          metas: a.metas.map((m) => m.texto),
          indicadores: a.indicadores.map((i) => i.texto),
          fila: ++fila
        }))
      }))
    })),
    glosario: glosario.map((g) => ({ sigla: g.sigla, nombre: g.nombre }))
  }
  const accion = (codigo: string) =>
    leida.ejes
      .flatMap((e) => e.objetivos.flatMap((o) => o.acciones))
      .find((a) => a.codigo === codigo)!
  const objetivo = (codigo: string) =>
    leida.ejes.flatMap((e) => e.objetivos).find((o) => o.codigo === codigo)!
  return { leida, accion, objetivo }
}
