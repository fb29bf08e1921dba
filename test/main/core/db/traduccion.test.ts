import { describe, expect, it } from 'vitest'
import { traducirSql } from '../../../../src/main/core/db/postgres/traduccion'

// SQLite's join-order hint `cross join T a on …` is PostgreSQL's inner join; a true cross join
// (no ON) stays as it is.
describe('SQLite SQL read by PostgreSQL', () => {
  it('turns a CROSS JOIN with ON into a JOIN, in any case and spacing', () => {
    expect(traducirSql('from sesiones s cross join acuerdos a on a.sesion_id = s.id')).toBe(
      'from sesiones s join acuerdos a on a.sesion_id = s.id'
    )
    expect(traducirSql('x CROSS  JOIN\n  sesiones as s2 ON s2.id = y')).toBe(
      'x join\n  sesiones as s2 ON s2.id = y'
    )
    expect(traducirSql('a cross join acuerdos on acuerdos.id = a.id')).toBe(
      'a join acuerdos on acuerdos.id = a.id'
    )
    expect(
      traducirSql('c cross join acuerdos a on a.id = c.id cross join sesiones s on s.id = 1')
    ).toBe('c join acuerdos a on a.id = c.id join sesiones s on s.id = 1')
  })

  it('leaves a true cross join, and words that only look alike, untouched', () => {
    for (const texto of [
      'from planes p cross join sesiones s where s.fecha >= p.periodo_desde',
      'select 1 from t crossjoin u on x',
      'from (select 1) c cross join (select 2) d'
    ]) {
      expect(traducirSql(texto)).toBe(texto)
    }
  })
})
