import { sql, type SqlBool } from 'kysely'
import type { AcuerdoEstado } from '../../../shared/domain/sesiones'

// Outside a live session an acuerdo stands where the approved actas leave it: a draft's
// follow-up is not the mesa's word yet (it is shown apart, "acta en borrador").

/**
 * The latest follow-up state of acuerdo `a` (alias) in an approved acta, 'pendiente' if none.
 *
 * CROSS JOIN fixes the loop order: the acuerdo's own ~1 follow-ups, then their session by id.
 * With a plain join SQLite walked every approved session by the (estado, fecha) index and
 * looked each up in the acuerdo's follow-ups: acuerdos × sessions (3.9 s instead of 0.1 s for
 * the 3,000 acuerdos of ten years, quadratic beyond).
 */
export const estadoAprobado = sql<AcuerdoEstado>`coalesce((
  select sg.estado from seguimientos sg cross join sesiones s2 on s2.id = sg.sesion_id
  where sg.acuerdo_id = a.id and s2.estado = 'aprobada'
  order by s2.fecha desc, sg.created_at desc limit 1), 'pendiente')`

/**
 * Is acuerdo `a` open as the approved actas say. Its candidates come from indexes: open by every
 * follow-up (acuerdos_cierre, kept by triggers) or followed up in an acta not yet approved (few
 * sessions); any other was closed by an approved acta's follow-up. Each candidate then reads its
 * own follow-ups, so the cost follows the open acuerdos, not the whole history.
 */
export const abiertoSegunActas = sql<SqlBool>`(a.id in (
    select cc.acuerdo_id from acuerdos_cierre cc where cc.cerrado_en = '~'
    union all
    select sb.acuerdo_id from sesiones sd cross join seguimientos sb on sb.sesion_id = sd.id
    where sd.estado in ('borrador', 'cerrada')) -- every state but 'aprobada', by the estado index
  and ${estadoAprobado} <> 'cumplido')`
