import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { ResultadoTipo } from '../../../shared/busqueda/contract'
import type { Terminos } from './consulta'

// What the search service asks of the full-text index, one implementation per dialect
// (consulta-sqlite.ts: FTS5; consulta-postgres.ts: tsvector): the rest of the service is the same
// on both. Entries are `busqueda_filas.fila`; a lower `rango` ranks first.

/** A title counts this many times a body (bm25's / ts_rank's column weights). */
export const PESO_TITULO = 10

export interface Ventana {
  fila: number
  rango: number
  tipo: ResultadoTipo
  id: string
}

export interface Rango {
  fila: number
  rango: number
}

/** An entry's title and body as snippets, the matched words between MARCA_INICIO and MARCA_FIN. */
export interface Recorte {
  fila: number
  enTitulo: string
  enCuerpo: string
}

export interface Motor {
  /** The newest `limite` matches (highest entry first) with their rank, type and row. */
  recientes(db: Kysely<Database>, t: Terminos, limite: number): Promise<Ventana[]>
  /** The matches among `filas` (a few hundred at most), with their rank. */
  entre(db: Kysely<Database>, t: Terminos, filas: number[]): Promise<Rango[]>
  /** The snippets of `filas` (a page's), around their matched words. */
  recortes(db: Kysely<Database>, t: Terminos, filas: number[]): Promise<Recorte[]>
}
