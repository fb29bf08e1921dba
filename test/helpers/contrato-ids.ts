import type { Channel } from '../../src/shared/api/channels'
import type { TestApp } from './db'
import type { ActaAprobadaFixture, FilasSesion } from './acta-aprobada'

/** For each id field of a channel's input, the row of a session's (`filas`) it should point at. */
export type IdPara = (canal: Channel, filas: FilasSesion) => (campo: string) => string | null

/**
 * The ids of the acta fixture's database by the field that names them (`id` by the channel's
 * domain, `accionId` by its name), so a walk of the contract can build a valid input for any
 * channel. Read while `t` is open.
 */
export function idsDelFixture(t: TestApp, f: ActaAprobadaFixture): IdPara {
  const q = (sql: string): string =>
    (t.app.handle.prepare(sql).get(f.accionId) as { id: string }).id
  const extra = {
    objetivo: q('select objetivo_id as id from acciones where id = ?'),
    eje: q(
      'select o.eje_id as id from acciones a join objetivos o on o.id = a.objetivo_id where a.id = ?'
    ),
    meta: q('select id from metas where accion_id = ? order by orden limit 1'),
    miembro: (t.app.handle.prepare('select id from miembros limit 1').get() as { id: string }).id
  }
  return (canal, filas) => {
    const dominio = canal.split(':')[0]!
    const porDominio: Record<string, string> = {
      sesion: filas.sesion,
      asistencia: filas.asistencia,
      punto: filas.punto,
      acuerdo: filas.acuerdo,
      accion: f.accionId,
      indicador: f.indicadorId,
      institucion: f.institucionId,
      persona: f.personaId,
      instancia: f.instanciaId,
      plan: f.planId,
      ...extra
    }
    return (campo) => {
      if (campo === 'id') return porDominio[dominio] ?? null
      if (campo === 'sesionId') return filas.sesion
      if (campo === 'acuerdoId') return f.s1.acuerdo
      if (campo === 'enSesionId') return f.borrador.sesion
      return porDominio[campo.replace(/Id$/, '')] ?? null
    }
  }
}
