import { describe, expect, it } from 'vitest'
import { traducirSql } from '../../../../src/main/core/db/postgres/traduccion'

// SQLite's join-order hint `cross join T a on …` is PostgreSQL's inner join; a true cross join
// (no ON) stays as it is.
describe('SQLite SQL read by PostgreSQL', () => {
  it('turns a CROSS JOIN with ON into a JOIN, in any case and spacing', () => {
    expect(
      traducirSql('select * from sesiones s cross join acuerdos a on a.sesion_id = s.id')
    ).toBe('select * from sesiones s join acuerdos a on a.sesion_id = s.id')
    expect(traducirSql('select * x CROSS  JOIN\n  sesiones as s2 ON s2.id = y')).toBe(
      'select * x join\n  sesiones as s2 ON s2.id = y'
    )
    expect(traducirSql('select * a cross join acuerdos on acuerdos.id = a.id')).toBe(
      'select * a join acuerdos on acuerdos.id = a.id'
    )
    expect(
      traducirSql(
        'select * c cross join acuerdos a on a.id = c.id cross join sesiones s on s.id = 1'
      )
    ).toBe('select * c join acuerdos a on a.id = c.id join sesiones s on s.id = 1')
  })

  it('quotes camelCase result names (kept as the code reads them), not columns or quoted text', () => {
    expect(
      traducirSql(
        "select a.institucion_id as institucionId, sum(x) as porVencer from t where y = 'noCambia' order by porVencer desc"
      )
    ).toBe(
      'select a.institucion_id as "institucionId", sum(x) as "porVencer" from t where y = \'noCambia\' order by "porVencer" desc'
    )
    expect(traducirSql('select "yaEsta", x.metaId, miFuncion(1)')).toBe(
      'select "yaEsta", x."metaId", miFuncion(1)'
    )
  })

  it('names a subquery in FROM that has no name, and only those', () => {
    expect(traducirSql('select count(*) as n from (select 1 from t where x = 2) where n > 0')).toBe(
      'select count(*) as n from (select 1 from t where x = 2) as mitp_sub0 where n > 0'
    )
    expect(traducirSql('select * from (select a from t) x join (select b from u) on x.a = b')).toBe(
      'select * from (select a from t) x join (select b from u) as mitp_sub0 on x.a = b'
    )
    expect(traducirSql('select * from (select 1 from (select 2))')).toBe(
      'select * from (select 1 from (select 2) as mitp_sub1) as mitp_sub0'
    )
    for (const texto of [
      'select * from (select 1) as t',
      "select * from t where a in (select b from u) and c = 'from (x)'",
      'select * from json_each($1) p'
    ]) {
      expect(traducirSql(texto)).toBe(texto)
    }
  })

  it('leaves a true cross join, and words that only look alike, untouched', () => {
    for (const texto of [
      'select * from planes p cross join sesiones s where s.fecha >= p.periodo_desde',
      'select 1 from t crossjoin u on x',
      'create table t (a int) -- cross join x y on, sesionId: the schema is not translated',
      'select * from (select 1) c cross join (select 2) d'
    ]) {
      expect(traducirSql(texto)).toBe(texto)
    }
  })
})
