import { describe, expect, it } from 'vitest'
import { migrate } from '../../../../src/main/core/db/migrator'
import { LATEST_SCHEMA_VERSION } from '../../../../src/main/core/db/migrations'
import { copiaV2, desdeCadaVersion, type Handle } from '../../../helpers/migraciones'
import { revisarActas } from '../../../../src/main/core/actas/sello'
import { detalleSesion } from '../../../../src/main/core/sesiones/sesion-detalle.service'

// Migration 0009 (each acuerdo's life: where and when it was made, how long it lived; the
// sessions' order and drafts indexed), from every earlier version and from a file written by
// version 2; and the session screen's open acuerdos, read through it, against a brute force.

interface Vida {
  acuerdo_id: string
  cerrado_en: string
  abierto_en: string | null
  instancia_id: string | null
  nivel: number | null
}

const vidas = (handle: Handle) =>
  handle.prepare('select * from acuerdos_cierre order by acuerdo_id').all() as Vida[]

/** Each acuerdo's life computed in JavaScript from its session, as 0009 defines it. */
function esperado(handle: Handle): Vida[] {
  const sesionDe = handle.prepare(
    `select s.instancia_id, s.fecha || ' ' || s.created_at as abierto_en
     from acuerdos a join sesiones s on s.id = a.sesion_id where a.id = ?`
  )
  return vidas(handle).map((v) => {
    const s = sesionDe.get(v.acuerdo_id) as { instancia_id: string; abierto_en: string }
    const dias =
      (Date.parse(v.cerrado_en.slice(0, 10)) - Date.parse(s.abierto_en.slice(0, 10))) / 86_400_000
    const k = Math.max(0, Math.ceil(Math.log2(Math.max(dias, 1))))
    return { ...v, ...s, nivel: v.cerrado_en === '~' ? 21 : Math.min(k, 20) }
  })
}

/** The acuerdos a session shows as still open, by brute force over every row. */
function abiertosEn(handle: Handle, sesionId: string): string[] {
  const s = handle.prepare('select * from sesiones where id = ?').get(sesionId) as {
    instancia_id: string
    fecha: string
    created_at: string
  }
  const antes = (x: { fecha: string; created_at: string }) =>
    x.fecha < s.fecha || (x.fecha === s.fecha && x.created_at < s.created_at)
  const sesiones = handle.prepare('select * from sesiones').all() as {
    id: string
    instancia_id: string
    fecha: string
    created_at: string
  }[]
  const porId = new Map(sesiones.map((x) => [x.id, x]))
  const acuerdos = handle.prepare('select id, sesion_id from acuerdos').all() as {
    id: string
    sesion_id: string
  }[]
  const seg = handle.prepare('select * from seguimientos').all() as {
    acuerdo_id: string
    sesion_id: string
    estado: string
    created_at: string
  }[]
  return acuerdos
    .filter((a) => {
      const p = porId.get(a.sesion_id)!
      if (p.instancia_id !== s.instancia_id || !antes(p)) return false
      const suyos = seg.filter((x) => x.acuerdo_id === a.id)
      if (suyos.some((x) => x.sesion_id === sesionId)) return true
      const ultimo = suyos
        .filter((x) => antes(porId.get(x.sesion_id)!))
        .sort(
          (x, y) =>
            porId.get(x.sesion_id)!.fecha.localeCompare(porId.get(y.sesion_id)!.fecha) ||
            x.created_at.localeCompare(y.created_at)
        )
        .at(-1)
      return ultimo?.estado !== 'cumplido'
    })
    .map((a) => a.id)
    .sort()
}

describe('migration 0009: each acuerdo’s life', () => {
  it('from a file written by version 2 (through 8): every acuerdo gets its life; no other row changes; sealed actas still verify', async () => {
    const { handle, db } = copiaV2()
    await migrate(db, 8)
    const tablas = ['acuerdos', 'seguimientos', 'sesiones']
    const filas = (t: string) => handle.prepare(`select * from ${t} order by rowid`).all()
    const antes = tablas.map(filas)
    expect(await migrate(db, 9)).toEqual({ from: 8, to: 9 })
    expect(tablas.map(filas)).toEqual(antes)
    expect(vidas(handle)).toHaveLength(24)
    expect(vidas(handle)).toEqual(esperado(handle))
    expect(await revisarActas(db)).toEqual({ alteradas: [], distintas: [], reselladas: [] })
    await db.destroy()
  })

  it('from every earlier version to the latest', async () => {
    await desdeCadaVersion(9, async ({ handle, db, desde }) => {
      expect(await migrate(db)).toEqual({ from: desde, to: LATEST_SCHEMA_VERSION })
      expect(
        handle.prepare("select count(*) from sqlite_master where name like '%vida%'").pluck().get()
      ).toBe(4)
    })
  })

  it('the triggers follow acuerdos made, closed, reopened and moved with their session; every session shows the acuerdos a brute force finds open', async () => {
    const { handle, db } = copiaV2()
    await migrate(db)
    const sesiones = () =>
      handle.prepare('select id from sesiones order by fecha, created_at').pluck().all() as string[]
    const revisar = async () => {
      expect(vidas(handle)).toEqual(esperado(handle))
      for (const id of sesiones()) {
        const d = await detalleSesion(db, id)
        expect([id, d.seguimiento.map((a) => a.id).sort()]).toEqual([id, abiertosEn(handle, id)])
      }
    }
    await revisar()
    const borrador = handle
      .prepare("select id from sesiones where estado = 'borrador' order by fecha desc limit 1")
      .pluck()
      .get() as string
    handle
      .prepare(
        `insert into acuerdos (id, sesion_id, numero, texto, plazo, created_at, updated_at)
         values ('ac-t', ?, 99, 'x', null, '2099-01-01', '2099-01-01')`
      )
      .run(borrador)
    expect(vidas(handle).find((v) => v.acuerdo_id === 'ac-t')?.nivel).toBe(21)
    // Moved far from the rest: still open in every later session, whatever the years between.
    handle.prepare("update sesiones set fecha = '1990-01-01' where id = ?").run(borrador)
    expect(vidas(handle).find((v) => v.acuerdo_id === 'ac-t')?.abierto_en).toMatch(/^1990-01-01 /)
    await revisar()
    // Closed in the latest session, decades later: the longest-lived group.
    const ultima = sesiones().at(-1)!
    const seguir = handle.prepare(
      `insert into seguimientos (id, acuerdo_id, sesion_id, estado, nota, created_at, updated_at)
       values (?, 'ac-t', ?, ?, '', '2099-01-01T00:00:00.000Z', '2099-01-01T00:00:00.000Z')`
    )
    seguir.run('sg-1', ultima, 'cumplido')
    expect(vidas(handle).find((v) => v.acuerdo_id === 'ac-t')?.nivel).toBeGreaterThan(12)
    await revisar()
    handle.prepare("update seguimientos set estado = 'en_curso' where id = 'sg-1'").run()
    await revisar()
    handle.prepare("delete from seguimientos where id = 'sg-1'").run()
    handle.prepare("delete from acuerdos where id = 'ac-t'").run()
    await revisar()
    await db.destroy()
  })
})
