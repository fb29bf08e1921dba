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

/** A title counts this many times a body (bm25 column weights): a title match ranks first. */
const PESO_TITULO = 10
const POR_DEFECTO = 20
/**
 * Matches counted and ranked at most: the newest ones (highest rowid). Counting and ranking
 * every match of a frequent word grew with the years (198 ms at ×10 history).
 */
export const VENTANA = 500

/** The newest matches of `match` (at most VENTANA + 1, to know whether there are more). */
const ventana = (
  match: string
) => sql`(select rowid as fila, bm25(busqueda, ${PESO_TITULO}, 1.0) as rango
    from busqueda where busqueda match ${match} order by rowid desc limit ${VENTANA + 1})`

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
  // The window is materialized once, the newest VENTANA + 1 matches with their rank.
  const cuentas = await sql<{ tipo: ResultadoTipo; n: number }>`
    select f.tipo, count(*) as n from ${ventana(match)} m join busqueda_filas f on f.fila = m.fila
    group by f.tipo`.execute(db)
  const porClase = sinResultados().porClase
  const masDe = cuentas.rows.reduce((n, c) => n + c.n, 0) > VENTANA
  if (masDe) await quitarMasAntigua(db, match, porClase)
  porClase.plan += porCodigo.length
  for (const c of cuentas.rows) porClase[BUSQUEDA_TIPOS[c.tipo]] += c.n
  const total = clases.reduce((n, c) => n + porClase[c], 0)
  const acotada = masDe ? { masDe: VENTANA } : {}
  const desde = i.desde ?? 0
  if (total === 0 || desde >= total) return { resultados: [], total, porClase, ...acotada }
  const limite = i.limite ?? POR_DEFECTO
  const primeros = porCodigo.slice(desde, desde + limite)
  const fts = await pagina(db, match, tiposDe(clases), {
    limite: limite - primeros.length,
    desde: Math.max(0, desde - porCodigo.length)
  })
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

/** The window held one match more than VENTANA (to tell): the oldest of them is not counted. */
async function quitarMasAntigua(
  db: Kysely<Database>,
  match: string,
  porClase: BusquedaPagina['porClase']
): Promise<void> {
  const { rows } = await sql<{ tipo: ResultadoTipo }>`
    select f.tipo from ${ventana(match)} m join busqueda_filas f on f.fila = m.fila
    order by m.fila limit 1`.execute(db)
  if (rows[0]) porClase[BUSQUEDA_TIPOS[rows[0].tipo]] -= 1
}

/**
 * One page of the window's matches of the chosen types, best first (bm25, titles weighing more),
 * then their snippets: only the page's rows are looked up again, by rowid.
 */
async function pagina(
  db: Kysely<Database>,
  match: string,
  tipos: ResultadoTipo[],
  p: { limite: number; desde: number }
): Promise<Coincidencia[]> {
  const { rows: filas } = await sql<{ fila: number; tipo: ResultadoTipo; id: string }>`
    select m.fila, f.tipo, f.ref_id as id
    from (select * from ${ventana(match)} limit ${VENTANA}) m
    join busqueda_filas f on f.fila = m.fila
    where f.tipo in (${sql.join(tipos)})
    order by m.rango, m.fila
    limit ${p.limite} offset ${p.desde}`.execute(db)
  if (filas.length === 0) return []
  const { rows: trozos } = await sql<{ fila: number; enTitulo: string; enCuerpo: string }>`
    select rowid as fila,
      snippet(busqueda, 0, ${MARCA_INICIO}, ${MARCA_FIN}, '…', 16) as enTitulo,
      snippet(busqueda, 1, ${MARCA_INICIO}, ${MARCA_FIN}, '…', 16) as enCuerpo
    from busqueda where busqueda match ${match}
      and rowid in (select value from json_each(${JSON.stringify(filas.map((f) => f.fila))}))`.execute(
    db
  )
  const porFila = new Map(trozos.map((t) => [t.fila, t]))
  return filas.map((f) => ({
    tipo: f.tipo,
    id: f.id,
    enTitulo: porFila.get(f.fila)?.enTitulo ?? '',
    enCuerpo: porFila.get(f.fila)?.enCuerpo ?? ''
  }))
}
