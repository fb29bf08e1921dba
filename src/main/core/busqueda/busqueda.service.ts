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
import { dialectoDe } from '../db/dialecto'
import { fraseDe, fragmentos, MARCA_FIN, MARCA_INICIO, terminosDe, type Terminos } from './consulta'
import { MOTOR_SQLITE } from './consulta-sqlite'
import { MOTOR_POSTGRES } from './consulta-postgres'
import type { Motor, Ventana } from './motor'
import { ubicar, type Coincidencia } from './destinos'
import { FUENTES_0007 } from '../db/migrations/0007_busqueda'

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

const tiposDe = (clases: readonly BusquedaClase[]): ResultadoTipo[] =>
  (Object.keys(BUSQUEDA_TIPOS) as ResultadoTipo[]).filter((t) => clases.includes(BUSQUEDA_TIPOS[t]))

/** The full-text index's SQL for the database's dialect. */
const motorDe = (db: Kysely<Database>): Motor =>
  dialectoDe(db) === 'postgres' ? MOTOR_POSTGRES : MOTOR_SQLITE

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
 * Searches the full-text index (migration 0007; on PostgreSQL, its tsvector): ranked with titles
 * weighing more, each result with its snippet and the place it opens. The text never reaches the
 * index as syntax.
 */
export async function buscar(
  db: Kysely<Database>,
  i: ParsedInput<'busqueda:buscar'>
): Promise<BusquedaPagina> {
  const codigo = pareceCodigo(i.texto)
  const match = codigo ? fraseDe(codigo) : terminosDe(i.texto)
  if (!match) return sinResultados()
  const motor = motorDe(db)
  const clases: readonly BusquedaClase[] = i.clases?.length ? i.clases : BUSQUEDA_CLASES
  // An acción's code is no word of the index: its acciones are found by code, first.
  const porCodigo = codigo && clases.includes('plan') ? await accionesPorCodigo(db, codigo) : []
  // One pass of the index: the newest VENTANA + 1 matches with their rank and type.
  const todas = await motor.recientes(db, match, VENTANA + 1)
  const lleno = todas.length > VENTANA
  const recientes = [...todas].sort((a, b) => b.fila - a.fila).slice(0, VENTANA)
  // Past a full window, the plan's, people's and instituciones' older matches are read too.
  const ventana = lleno
    ? [...recientes, ...(await fijasAntesDe(db, motor, match, recientes.at(-1)!.fila))]
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
  const fts = await conFragmentos(db, motor, match, pagina)
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
  motor: Motor,
  match: Terminos,
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
  const rows = await motor.entre(
    db,
    match,
    fijas.map((f) => f.fila)
  )
  const porFila = new Map(fijas.map((f) => [f.fila, f]))
  return rows.map((r) => ({ ...r, tipo: porFila.get(r.fila)!.tipo, id: porFila.get(r.fila)!.id }))
}

/** The page's matches with their snippets (computed only for the page's rows). */
async function conFragmentos(
  db: Kysely<Database>,
  motor: Motor,
  match: Terminos,
  pagina: Ventana[]
): Promise<Coincidencia[]> {
  if (pagina.length === 0) return []
  const rows = await motor.recortes(
    db,
    match,
    pagina.map((p) => p.fila)
  )
  const porFila = new Map(rows.map((t) => [t.fila, t]))
  return pagina.map((p) => ({
    tipo: p.tipo,
    id: p.id,
    enTitulo: porFila.get(p.fila)?.enTitulo ?? '',
    enCuerpo: porFila.get(p.fila)?.enCuerpo ?? ''
  }))
}
