import type { SesionRow } from '../db/schema'
import { tituloSesion } from '../../../shared/domain/sesiones'

type Sesion = Pick<
  SesionRow,
  'id' | 'instancia_id' | 'fecha' | 'tipo' | 'numero' | 'anio' | 'estado'
>

/**
 * Why the acta of `s` cannot be approved in `en`, or null when it can. The acta is approved in
 * a later session still in progress: an approved or finalizada session's acta is written (and
 * its tabla printed). On the same date "later" is only a later number of the same type, since
 * numbers of different types say nothing of which meeting came first. The approval refuses
 * with this message and the session's read offers the approval only where it is null.
 */
export function impedimentoAprobacion(s: Sesion, en: Sesion | undefined): string | null {
  const posterior =
    en &&
    en.instancia_id === s.instancia_id &&
    en.id !== s.id &&
    (en.fecha > s.fecha || (en.fecha === s.fecha && en.tipo === s.tipo && en.numero > s.numero))
  if (!posterior) return 'El acta se aprueba en una sesión posterior de la misma instancia.'
  if (en.estado === 'aprobada')
    return `La ${tituloSesion(en)} ya tiene su acta aprobada: no se pueden aprobar actas en ella.`
  if (en.estado !== 'borrador')
    return `La ${tituloSesion(en)} ya fue finalizada: reábrala para aprobar en ella el acta.`
  return null
}
