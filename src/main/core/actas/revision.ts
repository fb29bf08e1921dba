import crypto from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { createKysely, openSqlite } from '../db/sqlite'
import { MENSAJE_SIN_PROTECCION, proteccionesFaltantes, VERSION_SELLO } from '../db/protecciones'
import { contenidoV1, tituloDe } from '../db/migrations/0003_contenido_v1'
import { leerSinTocarAsync } from '../verificacion'
import { MENSAJE_FILAS, MENSAJE_HUELLA, revisarActas } from './sello'

export const AVISO_RESELLADA =
  'aviso: sellada de nuevo al actualizar la aplicación, porque la versión anterior permitía que su contenido cambiara; el acta lo dice al imprimirse.'
export const MENSAJE_V2 =
  'su contenido ya no coincide con la huella registrada al aprobarla (la versión anterior permitía que cambiara, o el archivo fue modificado fuera de la aplicación).'

/**
 * The approved actas of a database file, checked read-only: the protecting triggers, every
 * sealed copy against its hash and its rows; in a version-2 file, every acta rebuilt as that
 * version hashed it. Returns the lines to show and whether anything is wrong.
 */
export async function revisarActasArchivo(
  file: string,
  version: number
): Promise<{ ok: boolean; lineas: string[] }> {
  const db = createKysely(openSqlite(file, { readonly: true }))
  try {
    return await revisarActasDe(db, version)
  } finally {
    await db.destroy()
  }
}

/** The same review over a file that must not be written to (see leerSinTocarAsync). */
export function revisarActasSinTocar(
  file: string,
  version: number
): Promise<{ ok: boolean; lineas: string[] }> {
  // The handle is closed by leerSinTocarAsync; kysely is only dropped.
  return leerSinTocarAsync(file, (h) => revisarActasDe(createKysely(h), version))
}

function revisarActasDe(
  db: Kysely<Database>,
  version: number
): Promise<{ ok: boolean; lineas: string[] }> {
  return version >= VERSION_SELLO ? selladas(db, version) : deVersion2(db)
}

async function selladas(
  db: Kysely<Database>,
  version: number
): Promise<{ ok: boolean; lineas: string[] }> {
  const faltan = await proteccionesFaltantes(db, version)
  const r = await revisarActas(db)
  const lineas = [
    ...(faltan.length ? [`${MENSAJE_SIN_PROTECCION} (faltan: ${faltan.join(', ')})`] : []),
    ...r.alteradas.map((a) => `${a.titulo}: ${MENSAJE_HUELLA}`),
    ...r.distintas.map((a) => `${a.titulo}: ${MENSAJE_FILAS}`),
    ...r.reselladas.map((a) => `${a.titulo}: ${AVISO_RESELLADA}`)
  ]
  return { ok: faltan.length + r.alteradas.length + r.distintas.length === 0, lineas }
}

async function deVersion2(db: Kysely<Database>): Promise<{ ok: boolean; lineas: string[] }> {
  const rows = await db
    .selectFrom('sesiones')
    .select(['id', 'hash'])
    .where('estado', '=', 'aprobada')
    .orderBy('fecha')
    .execute()
  const lineas: string[] = []
  for (const r of rows) {
    const texto = JSON.stringify(await contenidoV1(db as Kysely<unknown>, r.id))
    if (crypto.createHash('sha256').update(texto, 'utf8').digest('hex') !== r.hash)
      lineas.push(`${await tituloDe(db as Kysely<unknown>, r.id)}: ${MENSAJE_V2}`)
  }
  return { ok: lineas.length === 0, lineas }
}
