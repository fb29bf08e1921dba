import crypto from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import type { Database, SesionRow } from '../db/schema'
import { AppError } from '../errors'
import { tituloSesion } from '../../../shared/domain/sesiones'
import { contenidoActa, textoActa } from './contenido'
import { actaContenidoSchema, type ActaContenido } from './contenido-tipo'

type Db = Kysely<Database> | Transaction<Database>

export const MENSAJE_HUELLA =
  'El contenido no coincide con la huella registrada: el acta aprobada fue modificada fuera de la aplicación. Un respaldo anterior puede conservar la versión correcta.'
export const MENSAJE_FILAS =
  'Las filas del acta aprobada no coinciden con su copia sellada: el archivo fue modificado fuera de la aplicación. Los documentos imprimen la copia sellada.'

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

export interface RevisionActas {
  /** The sealed copy does not match its hash: refused on print. */
  alteradas: ActaAlterada[]
  /** The sealed copy matches, but the acta's own rows were changed behind the triggers. */
  distintas: ActaAlterada[]
  /** Sealed again by version 3 because version 2 had let their content drift (printed as such). */
  reselladas: ActaAlterada[]
}

/** What the acta's own rows say, without what it reads from other rows (names, followed-up texts). */
function propio(c: ActaContenido): unknown {
  const { instancia: _i, secretariaActas: _s, ...sesion } = c.sesion
  return {
    ...c,
    sesion,
    seguimientos: c.seguimientos.map((g) => ({ estado: g.estado, nota: g.nota }))
  }
}

/** Every approved acta checked again: its hash, and its rows against its sealed copy. */
export async function revisarActas(db: Db): Promise<RevisionActas> {
  const rows = await db
    .selectFrom('sesiones')
    .select([
      'id',
      'tipo',
      'numero',
      'anio',
      'estado',
      'hash',
      'contenido_aprobado',
      'hash_anterior',
      'preside'
    ])
    .where('estado', '=', 'aprobada')
    .orderBy('fecha')
    .execute()
  const r: RevisionActas = { alteradas: [], distintas: [], reselladas: [] }
  for (const row of rows) {
    const acta = { sesionId: row.id, titulo: tituloSesion(row) }
    if (row.hash_anterior) r.reselladas.push(acta)
    let sellado: ActaContenido
    try {
      sellado = leerSellado(row)
    } catch {
      r.alteradas.push(acta)
      continue
    }
    const vivo = await contenidoActa(db, row.id)
    // Sealed before «Preside» followed who chaired: it holds the row's own typed text, which the
    // rows still say. (Sealed since, it holds the chosen person, which the rows say as well.)
    if (sellado.sesion.preside === row.preside) vivo.sesion.preside = row.preside
    // The gender is the reading of the cargo at sealing time (none before it was read): what the
    // acta says, taken as sealed, so a better reading later does not make old actas differ.
    const sub = vivo.sesion.secretariaSubrogante
    const genero = sellado.sesion.secretariaSubrogante?.genero
    if (sub) {
      if (genero) sub.genero = genero
      else delete sub.genero
    }
    if (JSON.stringify(propio(vivo)) !== JSON.stringify(propio(sellado))) r.distintas.push(acta)
  }
  return r
}
