import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { FeErrata } from '../../../shared/domain/sesiones'
import type { ConfigDocumentos, ParsedInput } from '../../../shared/api/contract'
import { newId, nowStamp } from '../db/ids'
import { conflict, notFound } from '../errors'
import { hoyChile } from './acuerdos.service'

/** A correction to an approved acta: linked to it, never an edit of it. */
export async function crearErrata(
  db: Kysely<Database>,
  input: ParsedInput<'errata:crear'>
): Promise<FeErrata> {
  const s = await db
    .selectFrom('sesiones')
    .select('estado')
    .where('id', '=', input.sesionId)
    .executeTakeFirst()
  if (!s) throw notFound('La sesión')
  if (s.estado !== 'aprobada')
    throw conflict('La fe de erratas corrige un acta aprobada; esta acta aún se puede editar.')
  const stamp = nowStamp()
  const row = {
    id: newId(),
    sesion_id: input.sesionId,
    texto: input.texto,
    fecha: hoyChile(),
    created_at: stamp,
    updated_at: stamp
  }
  await db.insertInto('fe_erratas').values(row).execute()
  return { id: row.id, texto: row.texto, fecha: row.fecha }
}

const CLAVES = { encabezado: 'documento.encabezado', logo: 'documento.logo' } as const
export const ENCABEZADO_PREDETERMINADO =
  'Gobierno de Chile\nMesa Intersectorial sobre Trata de Personas'

export async function obtenerConfig(db: Kysely<Database>): Promise<ConfigDocumentos> {
  const rows = await db
    .selectFrom('app_settings')
    .selectAll()
    .where('key', 'in', Object.values(CLAVES))
    .execute()
  const get = (k: string) => rows.find((r) => r.key === k)?.value
  return {
    encabezado: get(CLAVES.encabezado) ?? ENCABEZADO_PREDETERMINADO,
    logo: get(CLAVES.logo) || null
  }
}

export async function guardarConfig(
  db: Kysely<Database>,
  input: ParsedInput<'config:guardar'>
): Promise<ConfigDocumentos> {
  await db.transaction().execute(async (trx) => {
    const stamp = nowStamp()
    for (const [key, value] of [
      [CLAVES.encabezado, input.encabezado],
      [CLAVES.logo, input.logo ?? '']
    ] as const) {
      await trx
        .insertInto('app_settings')
        .values({ key, value, updated_at: stamp })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: stamp }))
        .execute()
    }
  })
  return obtenerConfig(db)
}
