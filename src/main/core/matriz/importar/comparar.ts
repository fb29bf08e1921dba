import type { PlanArbol } from '../../../../shared/domain/plan'
import type { VistaPreviaImportacion } from '../../../../shared/domain/importacion'
import type { MatrizLeida } from './leer'
import { rotulosDe, rotulosEfectivos, type RotulosAccion } from '../rotulos'

const same = (a: string, b: string): boolean =>
  a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim()
const sameList = (a: string[], b: string[]): boolean =>
  a.length === b.length && a.every((x, i) => same(x, b[i]!))

type Vista = VistaPreviaImportacion

/** Ejes and objetivos added, renamed or gone, by code. */
function compararEjesYObjetivos(leida: MatrizLeida, plan: PlanArbol | null, v: Vista): void {
  const ejesAct = new Map((plan?.ejes ?? []).map((e) => [e.codigo, e]))
  const objAct = new Map(
    (plan?.ejes ?? []).flatMap((e) => e.objetivos.map((o) => [o.codigo, o] as const))
  )
  for (const e of leida.ejes) {
    const a = ejesAct.get(e.codigo)
    if (!a) v.ejes.agregados.push(e.codigo)
    else if (!same(a.nombre, e.nombre)) v.ejes.modificados.push(e.codigo)
    for (const o of e.objetivos) {
      const ao = objAct.get(o.codigo)
      if (!ao) v.objetivos.agregados.push(o.codigo)
      else if (!same(ao.texto, o.texto)) v.objetivos.modificados.push(o.codigo)
    }
  }
  const ejesNuevos = new Set(leida.ejes.map((e) => e.codigo))
  const objNuevos = new Set(leida.ejes.flatMap((e) => e.objetivos.map((o) => o.codigo)))
  v.ejes.eliminados = [...ejesAct.keys()].filter((c) => !ejesNuevos.has(c))
  v.objetivos.eliminados = [...objAct.keys()].filter((c) => !objNuevos.has(c))
}

/** Acciones added, changed (text, metas, indicadores, responsables) or gone, by code. */
function compararAcciones(leida: MatrizLeida, plan: PlanArbol | null, v: Vista): void {
  const actual = new Map(
    (plan?.ejes ?? []).flatMap((e) =>
      e.objetivos.flatMap((o) => o.acciones.map((a) => [a.codigo, a] as const))
    )
  )
  const nuevas = leida.ejes.flatMap((e) => e.objetivos.flatMap((o) => o.acciones))
  for (const n of nuevas) {
    const a = actual.get(n.codigo)
    if (!a) {
      v.acciones.agregadas.push(n.codigo)
      continue
    }
    if (!same(a.texto, n.texto)) v.acciones.modificadas.push(n.codigo)
    if (
      !sameList(
        a.metas.map((m) => m.texto),
        n.metas
      )
    )
      v.metasCambiadas.push(n.codigo)
    if (
      !sameList(
        a.indicadores.map((i) => i.texto),
        n.indicadores
      )
    )
      v.indicadoresCambiados.push(n.codigo)
    if (!same(a.responsables, n.responsables)) v.responsablesCambiados.push(n.codigo)
    if (n.rotulos) compararRotulos(rotulosDe(a), n.rotulos, n.codigo, v)
  }
  const codigosNuevos = new Set(nuevas.map((n) => n.codigo))
  v.acciones.eliminadas = [...actual.keys()].filter((c) => !codigosNuevos.has(c))
}

/** A label written otherwise ("Metas:" for "Meta:", a bullet dropped) changes its cell. */
function compararRotulos(plan: RotulosAccion, libro: RotulosAccion, codigo: string, v: Vista) {
  const [a, n] = [rotulosEfectivos(plan), rotulosEfectivos(libro)]
  const marcar = (lista: string[]) => {
    if (!lista.includes(codigo)) lista.push(codigo)
  }
  if (a.separador !== n.separador) marcar(v.acciones.modificadas)
  if (a.metas !== n.metas) marcar(v.metasCambiadas)
  if (a.indicadores !== n.indicadores) marcar(v.indicadoresCambiados)
}

/** Siglas added or renamed (compared without case). */
function compararGlosario(
  leida: MatrizLeida,
  glosario: { sigla: string; nombre: string }[],
  v: Vista
): void {
  const sigla = new Map(glosario.map((g) => [g.sigla.toLowerCase(), g]))
  for (const g of leida.glosario) {
    const a = sigla.get(g.sigla.toLowerCase())
    if (!a) v.glosario.agregadas.push(g.sigla)
    else if (!same(a.nombre, g.nombre)) v.glosario.modificadas.push(g.sigla)
  }
}

const sinCambios = (v: Vista): boolean =>
  [v.ejes, v.objetivos].every(
    (x) => !x.agregados.length && !x.modificados.length && !x.eliminados.length
  ) &&
  !v.acciones.agregadas.length &&
  !v.acciones.modificadas.length &&
  !v.acciones.eliminadas.length &&
  !v.metasCambiadas.length &&
  !v.indicadoresCambiados.length &&
  !v.responsablesCambiados.length &&
  !v.glosario.agregadas.length &&
  !v.glosario.modificadas.length

/** What applying the workbook to this plan would change, before anything is written. */
export function vistaPrevia(
  leida: MatrizLeida,
  plan: PlanArbol | null,
  glosario: { sigla: string; nombre: string }[]
): VistaPreviaImportacion {
  const v: VistaPreviaImportacion = {
    hoja: leida.hoja,
    totalAcciones: leida.ejes.flatMap((e) => e.objetivos.flatMap((o) => o.acciones)).length,
    ejes: { agregados: [], modificados: [], eliminados: [] },
    objetivos: { agregados: [], modificados: [], eliminados: [] },
    acciones: { agregadas: [], modificadas: [], eliminadas: [] },
    metasCambiadas: [],
    indicadoresCambiados: [],
    responsablesCambiados: [],
    glosario: { agregadas: [], modificadas: [] },
    sinCambios: true
  }
  compararEjesYObjetivos(leida, plan, v)
  compararAcciones(leida, plan, v)
  compararGlosario(leida, glosario, v)
  v.sinCambios = sinCambios(v)
  return v
}
