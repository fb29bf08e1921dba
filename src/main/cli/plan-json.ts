import type { PlanArbol, Institucion } from '../../shared/domain/plan'

/** The plan as the CLI prints it: the matrix's own words, without ids or ordering numbers. */
export interface PlanJson {
  plan: { nombre: string; periodoDesde: string; periodoHasta: string }
  ejes: {
    codigo: string
    nombre: string
    objetivos: {
      codigo: string
      texto: string
      acciones: {
        codigo: string
        texto: string
        metas: { texto: string; plazo: string | null }[]
        indicadores: {
          texto: string
          tipo: string
          numerador: string | null
          denominador: string | null
        }[]
        responsables: string
        instancia: string | null
      }[]
    }[]
  }[]
  glosario: { sigla: string; nombre: string }[]
}

export function toPlanJson(arbol: PlanArbol, glosario: Institucion[]): PlanJson {
  const instancia = new Map(arbol.instancias.map((i) => [i.id, i.nombre]))
  return {
    plan: {
      nombre: arbol.plan.nombre,
      periodoDesde: arbol.plan.periodoDesde,
      periodoHasta: arbol.plan.periodoHasta
    },
    ejes: arbol.ejes.map((e) => ({
      codigo: e.codigo,
      nombre: e.nombre,
      objetivos: e.objetivos.map((o) => ({
        codigo: o.codigo,
        texto: o.texto,
        acciones: o.acciones.map((a) => ({
          codigo: a.codigo,
          texto: a.texto,
          metas: a.metas.map((m) => ({ texto: m.texto, plazo: m.plazo })),
          indicadores: a.indicadores.map((i) => ({
            texto: i.texto,
            tipo: i.tipo,
            numerador: i.numerador,
            denominador: i.denominador
          })),
          responsables: a.responsables,
          instancia: a.instanciaId ? (instancia.get(a.instanciaId) ?? null) : null
        }))
      }))
    })),
    glosario: glosario.map((g) => ({ sigla: g.sigla, nombre: g.nombre }))
  }
}

/** A readable outline for a terminal. */
export function planText(p: PlanJson): string {
  const out: string[] = [`${p.plan.nombre} (${p.plan.periodoDesde} a ${p.plan.periodoHasta})`]
  for (const e of p.ejes) {
    out.push('', `${e.codigo}. ${e.nombre}`)
    for (const o of e.objetivos) {
      out.push(`  ${o.codigo}. ${o.texto}`)
      for (const a of o.acciones) {
        out.push(`    ${a.codigo}. ${a.texto}`)
        for (const m of a.metas)
          out.push(`      Meta${m.plazo ? ` (plazo ${m.plazo})` : ''}: ${m.texto}`)
        for (const i of a.indicadores) out.push(`      Indicador [${i.tipo}]: ${i.texto}`)
        out.push(`      Responsables: ${a.responsables.replace(/\n/g, ' / ')}`)
      }
    }
  }
  out.push('', 'Glosario de términos:')
  for (const g of p.glosario) out.push(`  ${g.sigla}: ${g.nombre}`)
  return out.join('\n')
}
