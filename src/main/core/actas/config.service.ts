import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { ConfigDocumentos, ParsedInput } from '../../../shared/api/contract'
import { PAPELES, type Papel } from '../../../shared/actas/contract'
import { nowStamp } from '../db/ids'

/** The documents' letterhead (text and logo), paper and city, kept in app_settings. */
const CLAVES = {
  encabezado: 'documento.encabezado',
  logo: 'documento.logo',
  papel: 'documento.papel',
  ciudad: 'documento.ciudad'
} as const
export const ENCABEZADO_PREDETERMINADO =
  'Gobierno de Chile\nMesa Intersectorial sobre Trata de Personas'
export const CIUDAD_PREDETERMINADA = 'Santiago'

const papel = (v: string | undefined): Papel =>
  (PAPELES as readonly string[]).includes(v ?? '') ? (v as Papel) : 'carta'

export async function obtenerConfig(db: Kysely<Database>): Promise<ConfigDocumentos> {
  const rows = await db
    .selectFrom('app_settings')
    .selectAll()
    .where('key', 'in', Object.values(CLAVES))
    .execute()
  const get = (k: string) => rows.find((r) => r.key === k)?.value
  return {
    encabezado: get(CLAVES.encabezado) ?? ENCABEZADO_PREDETERMINADO,
    logo: get(CLAVES.logo) || null,
    papel: papel(get(CLAVES.papel)),
    ciudad: get(CLAVES.ciudad)?.trim() || CIUDAD_PREDETERMINADA
  }
}

export async function guardarConfig(
  db: Kysely<Database>,
  input: ParsedInput<'config:guardar'>
): Promise<ConfigDocumentos> {
  const valores: [string, string][] = [
    [CLAVES.encabezado, input.encabezado],
    [CLAVES.logo, input.logo ?? '']
  ]
  if (input.papel !== undefined) valores.push([CLAVES.papel, input.papel])
  if (input.ciudad !== undefined) valores.push([CLAVES.ciudad, input.ciudad.trim()])
  await db.transaction().execute(async (trx) => {
    const stamp = nowStamp()
    for (const [key, value] of valores) {
      await trx
        .insertInto('app_settings')
        .values({ key, value, updated_at: stamp })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: stamp }))
        .execute()
    }
  })
  return obtenerConfig(db)
}
