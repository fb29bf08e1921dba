import fc from 'fast-check'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../../../src/main/core/db/migrator'
import { LATEST_SCHEMA_VERSION } from '../../../../src/main/core/db/migrations'
import { m0016 } from '../../../../src/main/core/db/migrations/0016_avance_fechas'
import { revisarActas } from '../../../../src/main/core/actas/sello'
import { ultimoAvance } from '../../../../src/main/core/tablero/consultas'
import { copiaV2, desdeCadaVersion, type Handle } from '../../../helpers/migraciones'

// Migration 0016 (each report's session date and approval, kept by triggers), from every earlier
// version and from a file written by version 2; then random edits of draft sessions and their
// reports: after each, the table and each acción's latest report equal a brute force over the
// rows, and reading the latest report seeks an index instead of reading the acción's history.

interface Fila {
  avance_id: string
  accion_id: string
  fecha: string
  creada: string
  aprobada: number
}

const tabla = (h: Handle) =>
  h.prepare('select * from avance_fechas order by avance_id').all() as Fila[]

/** What 0016 defines, computed from the reports and their sessions. */
const esperado = (h: Handle) =>
  h
    .prepare(
      `select av.id as avance_id, av.accion_id, s.fecha, s.created_at as creada,
         (s.estado = 'aprobada') as aprobada
       from avances av join sesiones s on s.id = av.sesion_id
       where av.accion_id is not null order by av.id`
    )
    .all() as Fila[]

/** Each acción's latest report (any acta, approved only), by sorting every report in JavaScript. */
function ultimosEsperados(h: Handle) {
  const filas = esperado(h).sort(
    (x, y) => y.fecha.localeCompare(x.fecha) || y.creada.localeCompare(x.creada)
  )
  const acciones = h.prepare('select id from acciones order by id').pluck().all() as string[]
  return acciones.map((id) => ({
    id,
    ul: filas.find((f) => f.accion_id === id)?.avance_id ?? null,
    ap: filas.find((f) => f.accion_id === id && f.aprobada === 1)?.avance_id ?? null
  }))
}

describe('migration 0016: each report’s session date', () => {
  it('from every earlier version to the latest: the table, its indexes and its four triggers', async () => {
    await desdeCadaVersion(m0016.version, async ({ handle, db, desde }) => {
      expect(await migrate(db)).toEqual({ from: desde, to: LATEST_SCHEMA_VERSION })
      const n = (like: string) =>
        handle.prepare('select count(*) from sqlite_master where name like ?').pluck().get(like)
      expect([n('avance_fechas_%_idx'), n('avance_fechas_%')]).toEqual([2, 6])
    })
  })

  it('from a version 2 file: every report gets its row; no other row changes; sealed actas verify', async () => {
    const { handle, db } = copiaV2()
    await migrate(db, m0016.version - 1)
    const filas = (t: string) => handle.prepare(`select * from ${t} order by rowid`).all()
    const antes = ['avances', 'sesiones'].map(filas)
    await migrate(db)
    expect(['avances', 'sesiones'].map(filas)).toEqual(antes)
    expect(tabla(handle).length).toBeGreaterThan(10)
    expect(tabla(handle)).toEqual(esperado(handle))
    const r = await revisarActas(db)
    expect([r.alteradas, r.distintas]).toEqual([[], []])
  })

  it('random edits of drafts keep the table and every acción’s latest report equal to a brute force', async () => {
    const { handle, db } = copiaV2()
    await migrate(db)
    const borradores = () =>
      handle
        .prepare("select id from sesiones where estado <> 'aprobada' order by id")
        .pluck()
        .all() as string[]
    const acciones = handle.prepare('select id from acciones order by id').pluck().all() as string[]
    const avancesDe = (s: string) =>
      handle
        .prepare('select id from avances where sesion_id = ? order by id')
        .pluck()
        .all(s) as string[]
    let k = 0
    const pasos = {
      reportar: (s: string, a: string) =>
        handle
          .prepare(
            `insert or ignore into avances (id, sesion_id, accion_id, accion_codigo, estado,
               porcentaje, reporte, created_at, updated_at)
             values (?, ?, ?, 'x', 'en_curso', 50, '', '2020-01-01', '2020-01-01')`
          )
          .run(`av-${k++}`, s, a),
      mover: (s: string, dia: number) =>
        handle
          .prepare('update sesiones set fecha = ? where id = ?')
          .run(`20${10 + (dia % 20)}-0${1 + (dia % 9)}-1${dia % 10}`, s),
      // Approved as the database allows it: with a seal (its content is not checked here).
      aprobar: (s: string) =>
        handle
          .prepare(
            `update sesiones set estado = 'aprobada', hash = 'h', contenido_aprobado = '{}'
             where id = ?`
          )
          .run(s),
      cerrar: (s: string) =>
        handle.prepare("update sesiones set estado = 'cerrada' where id = ?").run(s),
      reabrir: (s: string) =>
        handle.prepare("update sesiones set estado = 'borrador' where id = ?").run(s),
      cambiarAccion: (s: string, a: string) => {
        const av = avancesDe(s)[0]
        if (av) handle.prepare('update or ignore avances set accion_id = ? where id = ?').run(a, av)
      },
      quitar: (s: string) => {
        const av = avancesDe(s)[0]
        if (av) handle.prepare('delete from avances where id = ?').run(av)
      }
    }
    const latest = async () => {
      const { rows } = await sql<{ id: string; ul: string | null; ap: string | null }>`
        select a.id, ${ultimoAvance(false, undefined)} as ul, ${ultimoAvance(true, undefined)} as ap
        from acciones a order by a.id`.execute(db)
      return rows
    }
    const paso = fc.tuple(
      fc.constantFrom(...(Object.keys(pasos) as (keyof typeof pasos)[])),
      fc.nat(),
      fc.nat()
    )
    await fc.assert(
      fc.asyncProperty(fc.array(paso, { minLength: 1, maxLength: 12 }), async (lista) => {
        handle.exec('savepoint prueba')
        try {
          for (const [p, i, j] of lista) {
            const bs = borradores()
            const s = bs[i % bs.length]!
            pasos[p](s, (p === 'mover' ? j : acciones[j % acciones.length]) as never)
            expect(tabla(handle)).toEqual(esperado(handle))
          }
          expect(await latest()).toEqual(ultimosEsperados(handle))
        } finally {
          handle.exec('rollback to prueba; release prueba')
        }
      }),
      { seed: 16, numRuns: 40 }
    )
    // Removing a draft session removes its reports' rows: a copy of a draft, with a report.
    const cols = (handle.prepare('pragma table_info(sesiones)').all() as { name: string }[])
      .map((c) => c.name)
      .filter((c) => c !== 'id' && c !== 'numero')
    handle
      .prepare(
        `insert into sesiones (id, numero, ${cols.join(', ')})
         select 's-copia', numero + 500, ${cols.join(', ')} from sesiones where id = ?`
      )
      .run(borradores()[0])
    pasos.reportar('s-copia', acciones[0]!)
    expect(tabla(handle).filter((f) => f.avance_id === `av-${k - 1}`)).toHaveLength(1)
    handle.prepare("delete from sesiones where id = 's-copia'").run()
    expect(tabla(handle).filter((f) => f.avance_id === `av-${k - 1}`)).toEqual([])
    expect(tabla(handle)).toEqual(esperado(handle))
  })

  it('the latest report of an acción is one index seek, not a pass over its reports', async () => {
    const { handle, db } = copiaV2()
    await migrate(db)
    for (const aprobada of [true, false]) {
      const q = sql`select a.id, ${ultimoAvance(aprobada, '2030-01-01')} from acciones a`.compile(
        db
      )
      const plan = handle.prepare(`explain query plan ${q.sql}`).all(...q.parameters) as {
        detail: string
      }[]
      const detalle = plan.map((r) => r.detail)
      const indice = aprobada ? 'avance_fechas_aprobado_idx' : 'avance_fechas_ultimo_idx'
      expect(detalle.some((d) => d.includes(indice))).toBe(true)
      expect(detalle.filter((d) => /TEMP B-TREE|avances|sesiones/.test(d))).toEqual([])
    }
  })
})
