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

const tiposDe = (clases: readonly BusquedaClase[]): ResultadoTipo[] =>
  (Object.keys(BUSQUEDA_TIPOS) as ResultadoTipo[]).filter((t) => clases.includes(BUSQUEDA_TIPOS[t]))

const sinResultados = (): BusquedaPagina => ({
  resultados: [],
  total: 0,
  porClase: { plan: 0, acta: 0, persona: 0, institucion: 0 }
})

/**
 * Searches the full-text index (migration 0007): ranked by bm25 with titles weighing more, each
 * result with its snippet and the place it opens. The text never reaches FTS as syntax.
 */
export async function buscar(
  db: Kysely<Database>,
  i: ParsedInput<'busqueda:buscar'>
): Promise<BusquedaPagina> {
  const match = expresionFts(i.texto)
  if (!match) return sinResultados()
  const cuentas = await sql<{ tipo: ResultadoTipo; n: number }>`
    select f.tipo, count(*) as n from busqueda b join busqueda_filas f on f.fila = b.rowid
    where busqueda match ${match} group by f.tipo`.execute(db)
  const porClase = sinResultados().porClase
  for (const c of cuentas.rows) porClase[BUSQUEDA_TIPOS[c.tipo]] += c.n
  const clases: readonly BusquedaClase[] = i.clases?.length ? i.clases : BUSQUEDA_CLASES
  const total = clases.reduce((n, c) => n + porClase[c], 0)
  const desde = i.desde ?? 0
  if (total === 0 || desde >= total) return { resultados: [], total, porClase }
  const tipos = tiposDe(clases)
  const { rows } = await sql<Coincidencia>`
    select f.tipo, f.ref_id as id,
      snippet(busqueda, 0, ${MARCA_INICIO}, ${MARCA_FIN}, '…', 16) as enTitulo,
      snippet(busqueda, 1, ${MARCA_INICIO}, ${MARCA_FIN}, '…', 16) as enCuerpo
    from busqueda b join busqueda_filas f on f.fila = b.rowid
    where busqueda match ${match} and f.tipo in (${sql.join(tipos)})
    order by bm25(busqueda, ${PESO_TITULO}, 1.0), f.fila
    limit ${i.limite ?? POR_DEFECTO} offset ${desde}`.execute(db)
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
    porClase
  }
}
