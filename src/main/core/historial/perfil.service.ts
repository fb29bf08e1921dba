import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { ParsedInput } from '../../../shared/api/contract'
import type { Perfil } from '../../../shared/historial/contract'
import { nowStamp } from '../db/ids'
import type { AlmacenPerfil } from './perfil-local'

// In a local file the profile lives in the database, beside the letterhead: it is this copy's
// user and travels with its backups. On a shared server the host keeps it per notebook instead
// (perfil-local.ts): the rows are everyone's, so a row there would credit the last one saved.
const CLAVE = 'perfil'

/** Who uses this copy: the host's own profile where it keeps one, else the database's row. */
export async function obtenerPerfil(
  db: Kysely<Database>,
  local?: AlmacenPerfil
): Promise<Perfil | null> {
  if (local) return local.leer()
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
  input: ParsedInput<'perfil:guardar'>,
  local?: AlmacenPerfil
): Promise<Perfil> {
  const perfil: Perfil = { nombre: input.nombre, institucion: input.institucion }
  if (local) {
    local.guardar(perfil)
    return perfil
  }
  const value = JSON.stringify(perfil)
  const stamp = nowStamp()
  await db
    .insertInto('app_settings')
    .values({ key: CLAVE, value, updated_at: stamp })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: stamp }))
    .execute()
  return perfil
}
