import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { ConfigDocumentos, ParsedInput } from '../../../shared/api/contract'
import { nowStamp } from '../db/ids'

/** The documents' letterhead (text and logo), kept in app_settings. */
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
