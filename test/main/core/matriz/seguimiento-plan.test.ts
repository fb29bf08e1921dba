import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  enBorrador,
  estadoActual
} from '../../../../src/main/core/matriz/exportar/seguimiento-datos'
import { openTestApp, type TestApp } from '../../../helpers/db'

// An acuerdo's state is read by a subquery per acuerdo. It must start from that acuerdo's own
// follow-ups (by the (acuerdo_id, sesion_id) index) and then look their sessions up by id: a
// plan walking the approved sessions by the (estado, fecha) index instead made the export
// quadratic (acuerdos × sessions; 3.9 s instead of 0.1 s at ten years). Speed is not timed here:
// the plan SQLite chose is read.

let t: TestApp
beforeAll(async () => {
  t = await openTestApp()
})
afterAll(() => t.close())

function plan(expr: typeof estadoActual | typeof enBorrador): string[] {
  const q = sql`select ${expr} from acuerdos a`.compile(t.app.db)
  return (
    t.app.handle.prepare(`explain query plan ${q.sql}`).all(...q.parameters) as {
      detail: string
    }[]
  ).map((r) => r.detail)
}

describe("the tracking workbook's acuerdo subqueries", () => {
  for (const [nombre, expr] of [
    ['estadoActual', estadoActual],
    ['enBorrador', enBorrador]
  ] as const)
    it(`${nombre} goes from the acuerdo's follow-ups to their sessions`, () => {
      const p = plan(expr)
      const busquedas = p.filter((d) => /^(SEARCH|SCAN) /.test(d) && !/^SCAN a\b/.test(d))
      expect(busquedas[0], p.join('\n')).toMatch(/^SEARCH sg\b.*\(acuerdo_id=\?/)
      for (const d of busquedas)
        expect(d, p.join('\n')).not.toMatch(/^SCAN|estado_fecha|\(estado=\?\)/)
    })
})
