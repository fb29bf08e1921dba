import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { Accion } from '../../../shared/domain/plan'
import type { CambioAccion, ComparacionPeriodos } from '../../../shared/domain/periodos'
import { planArbol } from './plan.service'
import { diffPalabras } from './diff-palabras'

const limpio = (s: string): string => s.replace(/\s+/g, ' ').trim()
const textos = (xs: { texto: string }[]): string => xs.map((x) => limpio(x.texto)).join('\n')

/** The plan's acciones in their order, by code. */
async function accionesDe(db: Kysely<Database>, planId: string) {
  const arbol = await planArbol(db, planId)
  const acciones = arbol.ejes.flatMap((e) => e.objetivos.flatMap((o) => o.acciones))
  return { plan: arbol.plan, acciones, porCodigo: new Map(acciones.map((a) => [a.codigo, a])) }
}

/** What else changed in an acción kept from one period to the next, in Spanish. */
function otrosCambios(a: Accion, b: Accion): string[] {
  const otros: string[] = []
  if (textos(a.metas) !== textos(b.metas)) otros.push('metas')
  const indicador = (i: Accion['indicadores'][number]) => `${limpio(i.texto)}|${i.metaValor}`
  if (a.indicadores.map(indicador).join('\n') !== b.indicadores.map(indicador).join('\n'))
    otros.push('indicadores')
  if (limpio(a.responsables) !== limpio(b.responsables) || a.instanciaId !== b.instanciaId)
    otros.push('responsables')
  return otros
}

type MetaDe = Accion['metas'][number]

const palabras = (t: string): Set<string> => new Set(limpio(t).toLowerCase().split(' '))

/** Shared words over all words of the two texts (0: nothing in common, 1: the same words). */
function parecido(x: string, y: string): number {
  const a = palabras(x)
  const b = palabras(y)
  const comunes = [...a].filter((w) => b.has(w)).length
  return comunes / (a.size + b.size - comunes)
}

/**
 * Each later meta with the earlier one it continues: the same text first, then the most alike
 * of those left (at least half their words shared), never by position: reordering metas or
 * adding one at the top moves no plazo.
 */
export function emparejarMetas(antes: MetaDe[], despues: MetaDe[]): [MetaDe, MetaDe][] {
  const libres = new Set(antes)
  const pares: [MetaDe, MetaDe][] = []
  const sinPar: MetaDe[] = []
  for (const b of despues) {
    const igual = [...libres].find((a) => limpio(a.texto) === limpio(b.texto))
    if (igual) {
      libres.delete(igual)
      pares.push([igual, b])
    } else sinPar.push(b)
  }
  for (const b of sinPar) {
    let mejor: MetaDe | undefined
    let puntaje = 0.5
    for (const a of libres) {
      const p = parecido(a.texto, b.texto)
      if (p >= puntaje) [mejor, puntaje] = [a, p]
    }
    if (mejor) {
      libres.delete(mejor)
      pares.push([mejor, b])
    }
  }
  return pares
}

/** Metas carried over from the earlier period whose plazo is not the same. */
function plazosMovidos(a: Accion, b: Accion): CambioAccion['plazos'] {
  const pares = emparejarMetas(a.metas, b.metas)
  return b.metas.flatMap((m) => {
    const antes = pares.find(([, d]) => d === m)?.[0]
    return antes && antes.plazo !== m.plazo
      ? [{ meta: m.texto, antes: antes.plazo, despues: m.plazo }]
      : []
  })
}

/**
 * "Comparar períodos": acción by acción (matched by code), what the later period added, removed
 * and reworded (a word-level diff of the text), and which metas moved their plazo. Added and
 * changed acciones come in the later period's order, removed ones after, in the earlier's.
 */
export async function compararPeriodos(
  db: Kysely<Database>,
  anteriorId: string,
  posteriorId: string
): Promise<ComparacionPeriodos> {
  const antes = await accionesDe(db, anteriorId)
  const despues = await accionesDe(db, posteriorId)
  const cambios: CambioAccion[] = []
  let sinCambios = 0
  for (const b of despues.acciones) {
    const a = antes.porCodigo.get(b.codigo)
    if (!a) {
      cambios.push({
        codigo: b.codigo,
        accionId: b.id,
        tipo: 'agregada',
        antes: null,
        despues: b.texto,
        texto: diffPalabras('', b.texto),
        plazos: [],
        otros: []
      })
      continue
    }
    const texto = diffPalabras(a.texto, b.texto)
    const plazos = plazosMovidos(a, b)
    const otros = otrosCambios(a, b)
    if (texto.every((f) => f.tipo === 'igual') && !plazos.length && !otros.length) sinCambios++
    else
      cambios.push({
        codigo: b.codigo,
        accionId: b.id,
        tipo: 'modificada',
        antes: a.texto,
        despues: b.texto,
        texto,
        plazos,
        otros
      })
  }
  for (const a of antes.acciones)
    if (!despues.porCodigo.has(a.codigo))
      cambios.push({
        codigo: a.codigo,
        accionId: a.id,
        tipo: 'eliminada',
        antes: a.texto,
        despues: null,
        texto: diffPalabras(a.texto, ''),
        plazos: [],
        otros: []
      })
  return { anterior: antes.plan, posterior: despues.plan, cambios, sinCambios }
}
