import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { hasSqliteHeader, openSqlite, type SqliteHandle } from '../db/sqlite'

// The `.mitp` package carried between laptops: one SQLite file with a manifest and the changed
// fields, and a SHA-256 over both in a canonical order, so that a file damaged on a USB stick or
// edited by hand is refused before anything is read from it into the database.

export const FORMATO_PAQUETE = 1
const APP = 'secretaria-mitp'

const instalacion = z.object({ id: z.string().min(1).max(64), nombre: z.string().max(200) })
const vector = z.record(z.string().max(64), z.string().max(120))
const manifiestoSchema = z.object({
  app: z.literal(APP),
  formato: z.number().int(),
  id: z.string().min(1).max(64),
  creado: z.string().max(40),
  de: instalacion,
  para: instalacion,
  /** What the sender had seen when it wrote the package. */
  vector,
  /** What the sender believed the addressee had seen: the package holds everything after it. */
  base: vector,
  /** The sender's ids before a backup was restored there (restaurada.ts); absent if none. */
  anteriores: z.array(z.string().min(1).max(64)).max(1000).optional()
})

export type Manifiesto = z.infer<typeof manifiestoSchema>

export interface CampoPaquete {
  readonly tabla: string
  readonly filaId: string
  readonly campo: string
  /** JSON text of the value. */
  readonly valor: string
  readonly sello: string
}

export class ErrorPaquete extends Error {}

const ESQUEMA = `
  CREATE TABLE manifiesto (clave TEXT PRIMARY KEY, valor TEXT NOT NULL);
  CREATE TABLE campos (
    tabla TEXT NOT NULL, fila_id TEXT NOT NULL, campo TEXT NOT NULL,
    valor TEXT NOT NULL, sello TEXT NOT NULL,
    PRIMARY KEY (tabla, fila_id, campo)
  ) WITHOUT ROWID;`

const LEER_CAMPOS =
  'SELECT tabla, fila_id AS filaId, campo, valor, sello FROM campos ORDER BY tabla, fila_id, campo'

/** JSON with every object's keys sorted: the same text for the same manifest on any side. */
function canonico(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(canonico).join(',')}]`
  if (x !== null && typeof x === 'object') {
    const o = x as Record<string, unknown>
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonico(o[k])}`)
      .join(',')}}`
  }
  return JSON.stringify(x)
}

/** The manifest (without its sum) and every field, in one order, as the sum covers them. */
function suma(m: Manifiesto, campos: Iterable<CampoPaquete>): string {
  const h = createHash('sha256')
  h.update(canonico(m))
  for (const c of campos)
    h.update(`\n${JSON.stringify([c.tabla, c.filaId, c.campo, c.valor, c.sello])}`)
  return h.digest('hex')
}

/** Writes the package under a temporary name and renames it: no half package under its name. */
export function escribirPaquete(
  ruta: string,
  datos: Omit<Manifiesto, 'app' | 'formato'>,
  campos: Iterable<CampoPaquete>
): { sha256: string; campos: number } {
  const m: Manifiesto = { app: APP, formato: FORMATO_PAQUETE, ...datos }
  const tmp = path.join(path.dirname(ruta), `.${path.basename(ruta)}.${process.pid}.tmp`)
  fs.rmSync(tmp, { force: true })
  const db = openSqlite(tmp)
  try {
    db.pragma('journal_mode = DELETE')
    db.exec(ESQUEMA)
    const poner = db.prepare('INSERT INTO campos VALUES (?, ?, ?, ?, ?)')
    let n = 0
    db.transaction(() => {
      for (const c of campos) {
        poner.run(c.tabla, c.filaId, c.campo, c.valor, c.sello)
        n++
      }
    })()
    const sha256 = suma(m, db.prepare(LEER_CAMPOS).iterate() as Iterable<CampoPaquete>)
    const clave = db.prepare('INSERT INTO manifiesto VALUES (?, ?)')
    clave.run('manifiesto', JSON.stringify(m))
    clave.run('sha256', sha256)
    db.close()
    fs.renameSync(tmp, ruta)
    return { sha256, campos: n }
  } catch (e) {
    if (db.open) db.close()
    fs.rmSync(tmp, { force: true })
    throw e
  }
}

export interface PaqueteAbierto {
  readonly manifiesto: Manifiesto
  readonly sha256: string
  /** The fields in the sum's order; read again from the file on each call. */
  campos(): Iterable<CampoPaquete>
  cerrar(): void
}

function noEsPaquete(nombre: string): ErrorPaquete {
  return new ErrorPaquete(`«${nombre}» no es un paquete de Secretaría MITP.`)
}

function dañado(nombre: string): ErrorPaquete {
  return new ErrorPaquete(
    `El paquete «${nombre}» está dañado o incompleto. Pida que lo exporten de nuevo; no se importó nada.`
  )
}

function leerManifiesto(db: SqliteHandle, nombre: string): { m: Manifiesto; sha256: string } {
  const filas = db.prepare('SELECT clave, valor FROM manifiesto').all() as {
    clave: string
    valor: string
  }[]
  const valor = (k: string) => filas.find((f) => f.clave === k)?.valor
  let crudo: unknown
  try {
    crudo = JSON.parse(valor('manifiesto') ?? 'null')
  } catch {
    throw noEsPaquete(nombre)
  }
  const app = (crudo as { app?: unknown } | null)?.app
  const formato = (crudo as { formato?: unknown } | null)?.formato
  if (app !== APP) throw noEsPaquete(nombre)
  if (formato !== FORMATO_PAQUETE) {
    throw new ErrorPaquete(
      `El paquete «${nombre}» tiene el formato ${String(formato)} y esta versión de la aplicación lee el formato ${FORMATO_PAQUETE}. Actualice la aplicación en los dos equipos.`
    )
  }
  const m = manifiestoSchema.safeParse(crudo)
  const sha256 = valor('sha256')
  if (!m.success || !sha256) throw dañado(nombre)
  return { m: m.data, sha256 }
}

/** Opens a package and checks it whole (form, format, sum) before anything is read from it. */
export function abrirPaquete(ruta: string): PaqueteAbierto {
  const nombre = path.basename(ruta)
  if (!fs.existsSync(ruta)) throw new ErrorPaquete(`No se encontró el paquete «${nombre}».`)
  if (fs.statSync(ruta).size === 0 || !hasSqliteHeader(ruta)) throw noEsPaquete(nombre)
  let db: SqliteHandle
  try {
    db = openSqlite(ruta, { readonly: true })
  } catch {
    throw dañado(nombre)
  }
  try {
    const tablas = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all()
    if (tablas.join() !== 'campos,manifiesto') throw noEsPaquete(nombre)
    const { m, sha256 } = leerManifiesto(db, nombre)
    const campos = () => db.prepare(LEER_CAMPOS).iterate() as Iterable<CampoPaquete>
    if (suma(m, campos()) !== sha256) {
      throw new ErrorPaquete(
        `El paquete «${nombre}» fue modificado después de exportarse (su suma SHA-256 no coincide). No se importó nada.`
      )
    }
    return { manifiesto: m, sha256, campos, cerrar: () => db.close() }
  } catch (e) {
    db.close()
    if (e instanceof ErrorPaquete) throw e
    throw dañado(nombre)
  }
}
