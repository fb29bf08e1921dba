import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { ParsedInput } from '../../../shared/api/contract'
import {
  BUSQUEDA_CLASES,
  BUSQUEDA_TIPOS,
  type BusquedaClase,
  type BusquedaPagina,
  type ResultadoTipo
} from '../../../shared/busqueda/contract'
import { expresionFts, fragmentos, MARCA_FIN, MARCA_INICIO } from './consulta'
import { ubicar, type Coincidencia } from './destinos'
import { FUENTES_0007 } from '../db/migrations/0007_busqueda'

/** A title counts this many times a body (bm25 column weights): a title match ranks first. */
const PESO_TITULO = 10
const POR_DEFECTO = 20
/**
 * The actas' matches counted and ranked at most: the newest ones (highest rowid). Counting and
 * ranking every match of a frequent word grew with the years (198 ms at ×10 history). The plan,
 * people and instituciones do not grow with the years: all their matches are always counted.
 */
export const VENTANA = 500

/** The indexed tables whose rows do not grow with the years of sessions (all but the actas'). */
const FIJAS = FUENTES_0007.filter((f) => BUSQUEDA_TIPOS[f.tipo as ResultadoTipo] !== 'acta').map(
  (f) => f.tabla
)

interface Ventana {
  fila: number
  rango: number
  tipo: ResultadoTipo
  id: string
}

const tiposDe = (clases: readonly BusquedaClase[]): ResultadoTipo[] =>
  (Object.keys(BUSQUEDA_TIPOS) as ResultadoTipo[]).filter((t) => clases.includes(BUSQUEDA_TIPOS[t]))

const sinResultados = (): BusquedaPagina => ({
  resultados: [],
  total: 0,
  porClase: { plan: 0, acta: 0, persona: 0, institucion: 0 }
})

/** A query that is an acción's code or its start ("2.1.c", "1.1"), lower-cased; else null. */
export function pareceCodigo(texto: string): string | null {
  const t = texto.trim().toLowerCase()
  return /^\d+(\.\d+)+(\.[a-z])?$/.test(t) ? t : null
}

/** A code as one FTS phrase: its pieces next to each other, not loose digits and letters anywhere. */
const frase = (codigo: string): string => `"${codigo.split('.').join(' ')}"`

/** Acciones whose code is `codigo` or begins with it, by code, as search hits on the code. */
async function accionesPorCodigo(db: Kysely<Database>, codigo: string): Promise<Coincidencia[]> {
  const filas = await db
    .selectFrom('acciones')
    .select(['id', 'codigo', 'texto'])
    .where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['codigo']), '=', codigo),
        eb(eb.fn('lower', ['codigo']), 'like', `${codigo}.%`)
      ])
    )
    .orderBy('codigo')
    .execute()
  return filas.map((a) => ({
    tipo: 'accion',
    id: a.id,
    enTitulo: `${MARCA_INICIO}${a.codigo}${MARCA_FIN} ${a.texto}`,
    enCuerpo: ''
  }))
}

/**
 * Searches the full-text index (migration 0007): ranked by bm25 with titles weighing more, each
 * result with its snippet and the place it opens. The text never reaches FTS as syntax.
 */
export async function buscar(
  db: Kysely<Database>,
  i: ParsedInput<'busqueda:buscar'>
): Promise<BusquedaPagina> {
  const codigo = pareceCodigo(i.texto)
  const match = codigo ? frase(codigo) : expresionFts(i.texto)
  if (!match) return sinResultados()
  const clases: readonly BusquedaClase[] = i.clases?.length ? i.clases : BUSQUEDA_CLASES
  // An acción's code is no word of the index: its acciones are found by code, first.
  const porCodigo = codigo && clases.includes('plan') ? await accionesPorCodigo(db, codigo) : []
  // One pass of the index: the newest VENTANA + 1 matches with their rank and type. (A prefix
  // query merges every word it names: each pass costs the same, so there is only one.)
  const { rows: todas } = await sql<Ventana>`
    select m.fila, m.rango, f.tipo, f.ref_id as id
    from (select rowid as fila, bm25(busqueda, ${PESO_TITULO}, 1.0) as rango
      from busqueda where busqueda match ${match} order by rowid desc limit ${VENTANA + 1}) m
    join busqueda_filas f on f.fila = m.fila`.execute(db)
  const lleno = todas.length > VENTANA
  const recientes = [...todas].sort((a, b) => b.fila - a.fila).slice(0, VENTANA)
  // Past a full window, the plan's, people's and instituciones' older matches are read too.
  const ventana = lleno
    ? [...recientes, ...(await fijasAntesDe(db, match, recientes.at(-1)!.fila))]
    : recientes
  const porClase = sinResultados().porClase
  porClase.plan += porCodigo.length
  for (const c of ventana) porClase[BUSQUEDA_TIPOS[c.tipo]] += 1
  const total = clases.reduce((n, c) => n + porClase[c], 0)
  // Only the actas' count is cut: 'más de' is said where they are listed.
  const acotada = lleno && clases.includes('acta') ? { masDe: VENTANA } : {}
  const desde = i.desde ?? 0
  if (total === 0 || desde >= total) return { resultados: [], total, porClase, ...acotada }
  const limite = i.limite ?? POR_DEFECTO
  const primeros = porCodigo.slice(desde, desde + limite)
  const tipos = new Set(tiposDe(clases))
  const inicio = Math.max(0, desde - porCodigo.length)
  const pagina = ventana
    .filter((c) => tipos.has(c.tipo))
    .sort((a, b) => a.rango - b.rango || a.fila - b.fila)
    .slice(inicio, inicio + limite - primeros.length)
  const fts = await conFragmentos(db, match, pagina)
  const rows = [...primeros, ...fts]
  const ubicados = await ubicar(db, rows)
  return {
    resultados: rows.flatMap((r) => {
      const u = ubicados.get(r.id)
      if (!u) return []
      const clase = BUSQUEDA_TIPOS[r.tipo]
      // The body's words where they matched (the title is shown anyway), else the title's.
      const snippet = r.enCuerpo.includes(MARCA_INICIO) ? r.enCuerpo : r.enTitulo
      return [{ tipo: r.tipo, clase, id: r.id, fragmentos: fragmentos(snippet), ...u }]
    }),
    total,
    porClase,
    ...acotada
  }
}

/**
 * The matches older than the window among the rows that do not grow with the years (the plan,
 * people, instituciones: a few hundred), ranked in one pass over the rowid range they span.
 */
async function fijasAntesDe(
  db: Kysely<Database>,
  match: string,
  antesDe: number
): Promise<Ventana[]> {
  const tablas = sql.join(
    FIJAS.map((t) => sql`select id from ${sql.table(t)}`),
    sql` union all `
  )
  const { rows: fijas } = await sql<{ fila: number; tipo: ResultadoTipo; id: string }>`
    select fila, tipo, ref_id as id from busqueda_filas
    where ref_id in (${tablas}) and fila < ${antesDe}`.execute(db)
  if (fijas.length === 0) return []
  const filas = fijas.map((f) => f.fila)
  const { rows } = await sql<{ fila: number; rango: number }>`
    select rowid as fila, bm25(busqueda, ${PESO_TITULO}, 1.0) as rango
    from busqueda where busqueda match ${match}
      and rowid >= ${Math.min(...filas)} and rowid <= ${Math.max(...filas)}
      and +rowid in (select value from json_each(${JSON.stringify(filas)}))`.execute(db)
  const porFila = new Map(fijas.map((f) => [f.fila, f]))
  return rows.map((r) => ({ ...r, tipo: porFila.get(r.fila)!.tipo, id: porFila.get(r.fila)!.id }))
}

/**
 * The page's matches with their snippets, in one pass over the rowid range they span (within the
 * window): SQLite computes the snippets only for the page's rows, which the filter keeps (`+`
 * keeps that list from being handed to FTS, which would run the query again for each one).
 */
async function conFragmentos(
  db: Kysely<Database>,
  match: string,
  pagina: Ventana[]
): Promise<Coincidencia[]> {
  if (pagina.length === 0) return []
  const filas = pagina.map((p) => p.fila)
  const { rows } = await sql<{ fila: number; enTitulo: string; enCuerpo: string }>`
    select rowid as fila,
      snippet(busqueda, 0, ${MARCA_INICIO}, ${MARCA_FIN}, '…', 16) as enTitulo,
      snippet(busqueda, 1, ${MARCA_INICIO}, ${MARCA_FIN}, '…', 16) as enCuerpo
    from busqueda where busqueda match ${match}
      and rowid >= ${Math.min(...filas)} and rowid <= ${Math.max(...filas)}
      and +rowid in (select value from json_each(${JSON.stringify(filas)}))`.execute(db)
  const porFila = new Map(rows.map((t) => [t.fila, t]))
  return pagina.map((p) => ({
    tipo: p.tipo,
    id: p.id,
    enTitulo: porFila.get(p.fila)?.enTitulo ?? '',
    enCuerpo: porFila.get(p.fila)?.enCuerpo ?? ''
  }))
}
