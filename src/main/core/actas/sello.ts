import crypto from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import type { Database, SesionRow } from '../db/schema'
import { AppError } from '../errors'
import { tituloSesion } from '../../../shared/domain/sesiones'
import { contenidoActa, textoActa } from './contenido'
import { actaContenidoSchema, type ActaContenido } from './contenido-tipo'

type Db = Kysely<Database> | Transaction<Database>

export const MENSAJE_HUELLA =
  'El contenido no coincide con la huella registrada: el acta aprobada fue alterada fuera de la aplicación. Restaure un respaldo.'

/** SHA-256 of the sealed text, in hex: printed on every document of an approved acta. */
export function huella(texto: string): string {
  return crypto.createHash('sha256').update(texto, 'utf8').digest('hex')
}

/** What approval stores: the content's exact text and its hash. */
export async function sellar(db: Db, sesionId: string): Promise<{ texto: string; hash: string }> {
  const texto = textoActa(await contenidoActa(db, sesionId))
  return { texto, hash: huella(texto) }
}

type Sellada = Pick<SesionRow, 'estado' | 'hash' | 'contenido_aprobado'>

/**
 * The sealed content of an approved acta, after recomputing its hash: a mismatch, a missing
 * copy or a copy that is not an acta is refused, never printed.
 */
export function leerSellado(sesion: Sellada): ActaContenido {
  const { hash, contenido_aprobado: texto } = sesion
  if (texto === null || hash === null || huella(texto) !== hash) {
    throw new AppError('integridad', MENSAJE_HUELLA)
  }
  let json: unknown
  try {
    json = JSON.parse(texto)
  } catch {
    throw new AppError('integridad', MENSAJE_HUELLA)
  }
  const parsed = actaContenidoSchema.safeParse(json)
  if (!parsed.success) throw new AppError('integridad', MENSAJE_HUELLA)
  return parsed.data
}

/** What a document prints: the sealed copy once approved, the live rows before. */
export async function contenidoParaDocumento(
  db: Db,
  sesion: Sellada & { id: string }
): Promise<{ contenido: ActaContenido; hash: string }> {
  if (sesion.estado === 'aprobada') {
    return { contenido: leerSellado(sesion), hash: sesion.hash ?? '' }
  }
  const contenido = await contenidoActa(db, sesion.id)
  return { contenido, hash: huella(textoActa(contenido)) }
}

export interface ActaAlterada {
  sesionId: string
  titulo: string
}

/** Every approved acta whose sealed copy no longer matches its hash (for `cli check`). */
export async function actasAlteradas(db: Db): Promise<ActaAlterada[]> {
  const rows = await db
    .selectFrom('sesiones')
    .select(['id', 'tipo', 'numero', 'anio', 'estado', 'hash', 'contenido_aprobado'])
    .where('estado', '=', 'aprobada')
    .orderBy('fecha')
    .execute()
  return rows
    .filter((r) => {
      try {
        leerSellado(r)
        return false
      } catch {
        return true
      }
    })
    .map((r) => ({ sesionId: r.id, titulo: tituloSesion(r) }))
}
