import type { Kysely } from 'kysely'
import type { Database, SesionRow } from '../db/schema'
import { tituloSesion, type ActaAnterior } from '../../../shared/domain/sesiones'
import { antesDe } from './historia'
import { impedimentoAprobacion } from './aprobable'
import { faltanFirmantes } from '../asistencia'

/**
 * The session held just before this one in the same instancia (any type): its acta is the one
 * the first item of the agenda, "Aprobación del acta anterior", approves.
 */
export async function actaAnterior(
  db: Kysely<Database>,
  sesion: SesionRow
): Promise<ActaAnterior | null> {
  const p = await db
    .selectFrom('sesiones')
    .selectAll()
    .where('instancia_id', '=', sesion.instancia_id)
    .where(antesDe(sesion))
    .orderBy('fecha', 'desc')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (!p) return null
  const aprobadaEn =
    p.estado !== 'aprobada' ? null : p.aprobada_en_sesion_id === sesion.id ? 'esta' : 'otra'
  // The approval's own refusals, in its order: where, then who signs it.
  const impedimento =
    p.estado === 'cerrada'
      ? (impedimentoAprobacion(p, sesion) ?? (await faltanFirmantes(db, p.id)))
      : null
  return {
    id: p.id,
    titulo: tituloSesion(p),
    fecha: p.fecha,
    estado: p.estado,
    aprobadaEn,
    aprobadaEnTitulo: p.aprobada_en_titulo ?? null,
    observaciones: p.observaciones_aprobacion,
    aprobable: p.estado === 'cerrada' && impedimento === null,
    impedimento
  }
}
