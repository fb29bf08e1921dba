import { AppError } from '../../errors'
import type { AppDatabase } from '../open'
import { copiar, type Paso, type Progreso } from './copiar'
import {
  NO_COPIADAS,
  ordenDeCopia,
  referenciasPostgres,
  tablasDe,
  type Referencia,
  type Tabla
} from './esquema'
import { contar, resumir, type Resumen } from './leer'

// `migrar` (#17): an embedded database copied whole to a PostgreSQL server, or back, into a
// target that holds nothing yet; then both sides summed, table by table, and compared.

/** One table's rows and checksum on each side after the copy. */
export interface Comparacion {
  tabla: string
  origen: Resumen
  destino: Resumen
  igual: boolean
}

export interface ResultadoMigrar {
  tablas: Comparacion[]
  ok: boolean
}

/** Rows an empty target may have: the installation's own (replaced by the source's). */
const PROPIAS_DE_VACIA = new Set(['instalacion'])

const iguales = (a: string[], b: string[]) => a.join('\u0000') === b.join('\u0000')

/** The tables to copy, each with its columns; refused when the two schemas differ at all. */
export function pasosDe(origen: Map<string, Tabla>, destino: Map<string, Tabla>): Paso[] {
  const nombres = (m: Map<string, Tabla>) => [...m.keys()].filter((t) => !NO_COPIADAS.has(t)).sort()
  const diferencias: string[] = []
  const soloOrigen = nombres(origen).filter((t) => !destino.has(t))
  const soloDestino = nombres(destino).filter((t) => !origen.has(t))
  if (soloOrigen.length) diferencias.push(`solo en el origen: ${soloOrigen.join(', ')}`)
  if (soloDestino.length) diferencias.push(`solo en el destino: ${soloDestino.join(', ')}`)
  const pasos: Paso[] = []
  for (const nombre of nombres(destino).filter((t) => origen.has(t))) {
    const o = origen.get(nombre)!
    const d = destino.get(nombre)!
    const columnas = [...d.columnas].sort()
    if (!iguales(columnas, [...o.columnas].sort()) || !iguales(o.clave, d.clave))
      diferencias.push(`${nombre} tiene otras columnas o clave`)
    else pasos.push({ origen: o, destino: d, columnas })
  }
  if (diferencias.length)
    throw new AppError(
      'entrada_invalida',
      `El origen y el destino no tienen el mismo esquema (${diferencias.join('; ')}). No se escribió nada.`
    )
  return pasos
}

/** Refuses a target with any row of its own beyond an empty database's: nothing is written. */
async function exigirVacia(destino: AppDatabase, pasos: Paso[]): Promise<void> {
  const conDatos: string[] = []
  for (const p of pasos) {
    if (PROPIAS_DE_VACIA.has(p.destino.nombre)) continue
    const n = await contar(destino, p.destino.nombre)
    if (n > 0) conDatos.push(`${n} en ${p.destino.nombre}`)
  }
  if (conDatos.length)
    throw new AppError(
      'conflicto',
      `El destino ${destino.path} ya tiene datos (filas: ${conDatos.join(', ')}). No se escribió nada: la migración solo copia a una base vacía (un archivo nuevo, o una base del servidor recién creada por informática).`
    )
}

/** Both sides of every table summed after the copy (the check does not trust the copy). */
async function comparar(
  origen: AppDatabase,
  destino: AppDatabase,
  pasos: Paso[]
): Promise<Comparacion[]> {
  const tablas: Comparacion[] = []
  for (const p of [...pasos].sort((a, b) => a.destino.nombre.localeCompare(b.destino.nombre))) {
    const o = await resumir({ app: origen, tabla: p.origen }, p.columnas)
    const d = await resumir({ app: destino, tabla: p.destino }, p.columnas)
    tablas.push({
      tabla: p.destino.nombre,
      origen: o,
      destino: d,
      igual: o.filas === d.filas && o.suma === d.suma
    })
  }
  return tablas
}

/**
 * Reads the source as of one instant, whoever writes to it meanwhile: one read transaction (on
 * a server, repeatable read: every page and the checksums after the copy see the same rows).
 */
async function enFoto<T>(app: AppDatabase, f: (foto: AppDatabase) => Promise<T>): Promise<T> {
  const tx =
    app.dialecto === 'postgres'
      ? app.db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only')
      : app.db.transaction()
  return tx.execute((trx) => f({ ...app, db: trx }))
}

/** Copies `origen` into the empty `destino` (one transaction), then compares both sides. */
export async function migrar(
  origen: AppDatabase,
  destino: AppDatabase,
  progreso: Progreso = () => {}
): Promise<ResultadoMigrar> {
  if (origen.schemaVersion !== destino.schemaVersion)
    throw new AppError(
      'entrada_invalida',
      `El origen tiene el esquema ${origen.schemaVersion} y el destino el ${destino.schemaVersion}. No se escribió nada.`
    )
  return enFoto(origen, (foto) => migrarFoto(foto, destino, progreso))
}

async function migrarFoto(
  origen: AppDatabase,
  destino: AppDatabase,
  progreso: Progreso
): Promise<ResultadoMigrar> {
  const pasos = pasosDe(await tablasDe(origen), await tablasDe(destino))
  // SQLite checks references at commit (defer_foreign_keys); PostgreSQL as each row is written.
  const refs: Referencia[] =
    destino.dialecto === 'postgres' ? await referenciasPostgres(destino) : []
  const { orden, diferidas } = ordenDeCopia(
    pasos.map((p) => p.destino),
    refs
  )
  const enOrden = orden.map((t) => pasos.find((p) => p.destino === t)!)
  const totales = new Map<string, number>()
  for (const p of enOrden) totales.set(p.destino.nombre, await contar(origen, p.origen.nombre))
  await copiar(origen, destino, enOrden, diferidas, totales, progreso, (d) => exigirVacia(d, pasos))
  const tablas = await comparar(origen, destino, pasos)
  return { tablas, ok: tablas.every((t) => t.igual) }
}
