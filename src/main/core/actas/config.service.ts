import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { ConfigDocumentos, ParsedInput } from '../../../shared/api/contract'
import { PAPELES, type Papel } from '../../../shared/actas/contract'
import { nowStamp } from '../db/ids'
import { desactualizado } from '../concurrencia'

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
    const { escribir, guardados } = await sinPisar(trx, input, valores)
    for (const [key, value] of escribir) {
      // Compare-and-set, as every update (concurrencia.ts): as read here, or absent.
      const leido = guardados.get(key)
      const r = await trx
        .insertInto('app_settings')
        .values({ key, value, updated_at: stamp })
        .onConflict((oc) =>
          oc
            .column('key')
            .doUpdateSet({ value, updated_at: stamp })
            .where(
              leido === undefined
                ? sql<boolean>`1 = 0`
                : sql<boolean>`${sql.ref('app_settings.value')} = ${leido}`
            )
        )
        .executeTakeFirst()
      if (!r.numInsertedOrUpdatedRows) throw desactualizado()
    }
  })
  return obtenerConfig(db)
}

/**
 * The keys to write: with `antes` (what the screen read), a setting the caller did not change is
 * left as stored, and one someone else changed since is refused (concurrencia.ts, the same rule
 * over key/value rows). Without it (the CLI, seeds) every one given is written.
 */
async function sinPisar(
  trx: Kysely<Database>,
  input: ParsedInput<'config:guardar'>,
  valores: [string, string][]
): Promise<{ escribir: [string, string][]; guardados: Map<string, string> }> {
  const filas = await trx.selectFrom('app_settings').select(['key', 'value']).execute()
  const guardados = new Map(filas.map((f) => [f.key, f.value]))
  const { antes } = input
  if (!antes) return { escribir: valores, guardados }
  const actual = await obtenerConfig(trx)
  const campoDe = (key: string) =>
    (Object.keys(CLAVES) as (keyof typeof CLAVES)[]).find((c) => CLAVES[c] === key)!
  const ajenos: string[] = []
  const escribir = valores.filter(([key]) => {
    const c = campoDe(key)
    if (antes[c] === undefined) return true
    if ((input[c] ?? null) === (antes[c] ?? null)) return false
    if ((actual[c] ?? null) !== (antes[c] ?? null)) ajenos.push(c)
    return true
  })
  if (ajenos.length) throw desactualizado(ajenos)
  return { escribir, guardados }
}
