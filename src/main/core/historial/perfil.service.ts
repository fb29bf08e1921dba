import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { ParsedInput } from '../../../shared/api/contract'
import type { Perfil } from '../../../shared/historial/contract'
import { nowStamp } from '../db/ids'

// The profile lives in the database file, beside the letterhead: it is this copy's user, it
// travels with its backups, and the core reads it at each write without asking its host. A
// multi-user server (issue #17) would instead know each request's user and set it per call
// (see db/quien.ts); this row would then be the fallback for local tools only.
const CLAVE = 'perfil'

export async function obtenerPerfil(db: Kysely<Database>): Promise<Perfil | null> {
  const fila = await db
    .selectFrom('app_settings')
    .select('value')
    .where('key', '=', CLAVE)
    .executeTakeFirst()
  if (!fila) return null
  const p = JSON.parse(fila.value) as Partial<Perfil>
  return typeof p.nombre === 'string' && p.nombre
    ? { nombre: p.nombre, institucion: p.institucion ?? null }
    : null
}

export async function guardarPerfil(
  db: Kysely<Database>,
  input: ParsedInput<'perfil:guardar'>
): Promise<Perfil> {
  const perfil: Perfil = { nombre: input.nombre, institucion: input.institucion }
  const value = JSON.stringify(perfil)
  const stamp = nowStamp()
  await db
    .insertInto('app_settings')
    .values({ key: CLAVE, value, updated_at: stamp })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: stamp }))
    .execute()
  return perfil
}
