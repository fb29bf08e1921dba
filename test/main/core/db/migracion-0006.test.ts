import { describe, expect, it } from 'vitest'
import { migrate } from '../../../../src/main/core/db/migrator'
import { LATEST_SCHEMA_VERSION } from '../../../../src/main/core/db/migrations'
import { copiaV2, desdeCadaVersion, type Handle } from '../../../helpers/migraciones'
import { revisarActas } from '../../../../src/main/core/actas/sello'

// Migration 0006 (each acuerdo's closing, kept by triggers), from every earlier version and from
// a file written by version 2. Its own file: migrations.test.ts is at the size limit.

/** Each acuerdo's closing computed in JavaScript from its follow-ups, as 0006 defines it. */
function esperado(handle: Handle): Record<string, string> {
  const acuerdos = handle.prepare('select id from acuerdos').pluck().all() as string[]
  const seg = handle
    .prepare(
      `select sg.acuerdo_id, sg.estado, sg.created_at, s.fecha, s.created_at as sc
       from seguimientos sg join sesiones s on s.id = sg.sesion_id`
    )
    .all() as {
    acuerdo_id: string
    estado: string
    created_at: string
    fecha: string
    sc: string
  }[]
  return Object.fromEntries(
    acuerdos.map((id) => {
      const ultimo = seg
        .filter((x) => x.acuerdo_id === id)
        .sort((a, b) => a.fecha.localeCompare(b.fecha) || a.created_at.localeCompare(b.created_at))
        .at(-1)
      return [id, ultimo?.estado === 'cumplido' ? `${ultimo.fecha} ${ultimo.sc}` : '~']
    })
  )
}

const cierres = (handle: Handle) =>
  Object.fromEntries(
    (
      handle.prepare('select acuerdo_id, cerrado_en from acuerdos_cierre').all() as {
        acuerdo_id: string
        cerrado_en: string
      }[]
    ).map((r) => [r.acuerdo_id, r.cerrado_en])
  )

describe('migration 0006: where each acuerdo stands', () => {
  it('from a file written by version 2 (through 5): every acuerdo gets its closing; no other row changes; sealed actas still verify', async () => {
    const { handle, db } = copiaV2()
    await migrate(db, 5)
    const tablas = ['acuerdos', 'seguimientos', 'sesiones']
    const filas = (t: string) => handle.prepare(`select * from ${t} order by rowid`).all()
    const antes = tablas.map(filas)
    expect(await migrate(db, 6)).toEqual({ from: 5, to: 6 })
    expect(tablas.map(filas)).toEqual(antes)
    const c = cierres(handle)
    expect(Object.keys(c)).toHaveLength(24)
    expect(c).toEqual(esperado(handle))
    // Some closed, some open: the fixture has both.
    expect(Object.values(c).filter((x) => x !== '~').length).toBeGreaterThan(0)
    expect(Object.values(c).filter((x) => x === '~').length).toBeGreaterThan(0)
    expect(await revisarActas(db)).toEqual({ alteradas: [], distintas: [], reselladas: [] })
    await db.destroy()
  })

  it('from every earlier version to the latest', async () => {
    await desdeCadaVersion(6, async ({ handle, db, desde }) => {
      expect(await migrate(db)).toEqual({ from: desde, to: LATEST_SCHEMA_VERSION })
      expect(handle.prepare('select count(*) from acuerdos_cierre').pluck().get()).toBe(0)
    })
  })

  it('the triggers follow every follow-up written, changed, removed or moved, also for acuerdos of approved actas, whose sealed rows stay untouched', async () => {
    const { handle, db } = copiaV2()
    await migrate(db)
    const borrador = handle
      .prepare("select id from sesiones where estado = 'borrador' order by fecha desc limit 1")
      .pluck()
      .get() as string
    // An acuerdo of an approved session, not followed up in the draft yet.
    const acuerdo = handle
      .prepare(
        `select a.id from acuerdos a join sesiones s on s.id = a.sesion_id
         where s.estado = 'aprobada' and not exists
           (select 1 from seguimientos x where x.acuerdo_id = a.id and x.sesion_id = ?)
         limit 1`
      )
      .pluck()
      .get(borrador) as string
    const selladas = () =>
      handle.prepare("select * from sesiones where estado = 'aprobada' order by rowid").all()
    const antes = selladas()
    const revisar = () => expect(cierres(handle)).toEqual(esperado(handle))
    handle
      .prepare(
        `insert into seguimientos (id, acuerdo_id, sesion_id, estado, nota, created_at, updated_at)
         values ('sg-t', ?, ?, 'cumplido', '', '2099-01-01T00:00:00.000Z', '2099-01-01T00:00:00.000Z')`
      )
      .run(acuerdo, borrador)
    expect(cierres(handle)[acuerdo]).not.toBe('~')
    revisar()
    handle.prepare("update seguimientos set estado = 'en_curso' where id = 'sg-t'").run()
    expect(cierres(handle)[acuerdo]).toBe('~')
    handle.prepare("update seguimientos set estado = 'cumplido' where id = 'sg-t'").run()
    handle.prepare("update sesiones set fecha = '2099-12-31' where id = ?").run(borrador)
    expect(cierres(handle)[acuerdo]).toMatch(/^2099-12-31 /)
    revisar()
    handle.prepare("delete from seguimientos where id = 'sg-t'").run()
    revisar()
    // A new acuerdo starts open; removing it removes its row.
    handle
      .prepare(
        `insert into acuerdos (id, sesion_id, numero, texto, plazo, created_at, updated_at)
         values ('ac-t', ?, 99, 'x', null, '2099-01-01', '2099-01-01')`
      )
      .run(borrador)
    expect(cierres(handle)['ac-t']).toBe('~')
    handle.prepare("delete from acuerdos where id = 'ac-t'").run()
    expect(cierres(handle)['ac-t']).toBeUndefined()
    revisar()
    expect(selladas()).toEqual(antes)
    expect(await revisarActas(db)).toEqual({ alteradas: [], distintas: [], reselladas: [] })
    await db.destroy()
  })
})
