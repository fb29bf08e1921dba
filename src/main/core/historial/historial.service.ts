import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { ParsedInput } from '../../../shared/api/contract'
import {
  LIMITE_HISTORIAL,
  type Cambio,
  type CampoCambiado,
  type EntidadHistorial,
  type PaginaHistorial
} from '../../../shared/historial/contract'

const COLUMNA: Record<EntidadHistorial, 'accion_id' | 'sesion_id' | 'acuerdo_id'> = {
  accion: 'accion_id',
  sesion: 'sesion_id',
  acuerdo: 'acuerdo_id'
}

// Keys and links are ids the user never reads: the row they point to has its own history.
const esEnlace = (campo: string): boolean => campo === 'id' || campo.endsWith('_id')

type Fila = Record<string, unknown>
const leer = (json: string | null): Fila | null => (json ? (JSON.parse(json) as Fila) : null)

/** The fields a change touched: all of a created or removed row, the differing ones otherwise. */
export function camposCambiados(antes: Fila | null, despues: Fila | null): CampoCambiado[] {
  const campos = Object.keys({ ...antes, ...despues }).filter((c) => !esEnlace(c))
  return campos
    .map((campo) => ({ campo, antes: antes?.[campo] ?? null, despues: despues?.[campo] ?? null }))
    .filter((c) => !antes || !despues || JSON.stringify(c.antes) !== JSON.stringify(c.despues))
}

/**
 * One page of an acción's, a session's or an acuerdo's changes, newest first. Keyset paging on
 * the history's own order (an index per kind), so a page costs the same however long the
 * history grows.
 */
export async function listarHistorial(
  db: Kysely<Database>,
  input: ParsedInput<'historial:listar'>
): Promise<PaginaHistorial> {
  const limite = input.limite ?? LIMITE_HISTORIAL
  let q = db
    .selectFrom('historial')
    .selectAll()
    .where(COLUMNA[input.entidad], '=', input.id)
    .orderBy('id', 'desc')
    .limit(limite + 1)
  if (input.antesDe) q = q.where('id', '<', input.antesDe)
  const filas = await q.execute()
  const cambios: Cambio[] = filas.slice(0, limite).map((f) => ({
    id: f.id,
    en: f.en,
    actor: f.actor,
    institucion: f.institucion,
    canal: f.canal,
    tabla: f.tabla,
    filaId: f.fila_id,
    operacion: f.operacion,
    campos: camposCambiados(leer(f.antes), leer(f.despues))
  }))
  return {
    cambios,
    siguiente: filas.length > limite ? (cambios[cambios.length - 1]?.id ?? null) : null
  }
}
