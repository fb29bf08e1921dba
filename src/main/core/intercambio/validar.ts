import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { columnas as columnasDe, esNumerico } from '../db/catalogo'
import { FILA_0014, SINCRONIZADAS_0014 } from '../db/migrations/0014_sellos'
import { BORRADO } from './fusion'
import { CLAVE, COMUN, ORIGEN } from './alias'
import { leer, MAX_CONTADOR } from './hlc'

const UN_ANIO = 366 * 24 * 3600 * 1000

// A package's checksum proves it was not altered after export, not that whoever wrote it was
// this app: every table, field and value is checked against this database's own schema before
// anything is decided or written, so a crafted file cannot rename a primary key, reach a table
// that is not exchanged or make SQLite fail in English.

/** Each row's own bookkeeping: never taken from a partner. */
const PROPIAS = new Set(['id', 'created_at', 'updated_at'])

export interface CampoRevisado {
  tabla: string
  campo: string
  valor: string
  sello: string
}

/** A checker of one field of a package: why it is refused, or null. */
export async function revisorDeCampos(
  db: Kysely<Database>
): Promise<(c: CampoRevisado) => string | null> {
  const columnas = new Map<string, Set<string>>()
  // Columns declared as numbers: SQLite would keep a text there as text («tres» as a number).
  const numericas = new Set<string>()
  for (const tabla of SINCRONIZADAS_0014) {
    const rows = await columnasDe(db, tabla)
    columnas.set(tabla, new Set(rows.map((r) => r.name)))
    for (const r of rows) if (esNumerico(r.type)) numericas.add(`${tabla}.${r.name}`)
  }
  return (c) => {
    const propias = columnas.get(c.tabla)
    if (!propias) return `trae datos de «${c.tabla}», que no se intercambia`
    const clave = [CLAVE, ORIGEN].find((p) => c.campo.startsWith(p))
    const columna = clave ? c.campo.slice(clave.length) : c.campo
    const especial = c.campo === FILA_0014 || c.campo === BORRADO || c.campo === COMUN
    if (!especial && (!propias.has(columna) || PROPIAS.has(columna)))
      return `trae un campo «${c.campo}» que «${c.tabla}» no tiene o que no se intercambia`
    let sello: ReturnType<typeof leer>
    try {
      sello = leer(c.sello)
    } catch {
      return `trae un sello de tiempo ilegible en «${c.tabla}.${c.campo}»`
    }
    // Taken, a stamp far ahead would become this laptop's clock: every later save here would
    // step its counter, and one near the counter's end made saving fail at once.
    if (sello.ms > Date.now() + UN_ANIO || sello.contador > MAX_CONTADOR / 2)
      return `trae un cambio fechado en el futuro en «${c.tabla}.${c.campo}» (revise la fecha y hora del equipo que lo exportó)`
    let valor: unknown
    try {
      valor = JSON.parse(c.valor)
    } catch {
      return `trae un valor ilegible en «${c.tabla}.${c.campo}»`
    }
    if (valor !== null && typeof valor === 'object')
      return `trae un valor que no es texto ni número en «${c.tabla}.${c.campo}»`
    if (valor !== null && typeof valor !== 'number' && numericas.has(`${c.tabla}.${c.campo}`))
      return `trae un valor que no es un número en «${c.tabla}.${c.campo}»`
    return null
  }
}
