import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Kysely } from 'kysely'
import { preparadas } from '../../../../src/main/core/db/preparadas'
import { createKysely, openSqlite, type SqliteHandle } from '../../../../src/main/core/db/sqlite'
import { tempDir } from '../../../helpers/db'

// Each connection keeps its statements by text (preparadas.ts), on a real SQLite file: a text
// runs again on the same statement, a statement still being read is never reused, the oldest
// text is dropped past the limit, and a schema change is seen by a kept statement.

let abiertos: { h: SqliteHandle; cleanup: () => void }[] = []
afterEach(() => {
  for (const a of abiertos) {
    if (a.h.open) a.h.close()
    a.cleanup()
  }
  abiertos = []
})

function base(): SqliteHandle {
  const t = tempDir('mitp-prep-')
  const h = openSqlite(path.join(t.dir, 'p.db'))
  abiertos.push({ h, cleanup: t.cleanup })
  h.exec('create table t (x integer); insert into t values (1), (2), (3)')
  return h
}

describe('prepared statements kept per connection', () => {
  it('the same text gets the same statement, with its own parameters each time', () => {
    const h = base()
    const preparar = preparadas(h)
    const a = preparar('select x from t where x >= ?')
    expect(a.pluck().all(2)).toEqual([2, 3])
    const b = preparar('select x from t where x >= ?')
    expect(b).toBe(a)
    expect(b.pluck().all(3)).toEqual([3])
    expect(preparar('select x from t where x < ?')).not.toBe(a)
  })

  it('a statement still being read is not handed out again: the same text inside its loop runs on a fresh one', () => {
    const h = base()
    const preparar = preparadas(h)
    const texto = 'select x from t order by x'
    const vistos: [number, number[]][] = []
    for (const fila of preparar(texto).iterate() as Iterable<{ x: number }>) {
      const dentro = preparar(texto)
      vistos.push([fila.x, (dentro.all() as { x: number }[]).map((r) => r.x)])
    }
    expect(vistos).toEqual([
      [1, [1, 2, 3]],
      [2, [1, 2, 3]],
      [3, [1, 2, 3]]
    ])
    // Once the loop is done, the kept one is free again.
    const kept = preparar(texto)
    expect(kept.busy).toBe(false)
    expect(preparar(texto)).toBe(kept)
  })

  it('keeps at most `maximo` texts, dropping the one used longest ago', () => {
    const h = base()
    const preparar = preparadas(h, 3)
    const uno = preparar('select 1')
    const dos = preparar('select 2')
    preparar('select 3')
    expect(preparar('select 1')).toBe(uno) // used again: now the most recent
    preparar('select 4') // drops 'select 2'
    expect(preparar('select 1')).toBe(uno)
    expect(preparar('select 2')).not.toBe(dos)
  })

  it('a kept statement sees a schema change (SQLite compiles it again)', () => {
    const h = base()
    const preparar = preparadas(h)
    expect(preparar('select * from t limit 1').get()).toEqual({ x: 1 })
    h.exec('alter table t add column y text default "z"')
    expect(preparar('select * from t limit 1').get()).toEqual({ x: 1, y: 'z' })
  })

  it('through kysely: a query streamed to its end, then run again, answers the same', async () => {
    const db = createKysely(base()) as unknown as Kysely<{ t: { x: number } }>
    const consulta = () => db.selectFrom('t').select('x').orderBy('x')
    const vistos: number[] = []
    for await (const r of consulta().stream()) vistos.push(r.x)
    expect(vistos).toEqual([1, 2, 3])
    expect((await consulta().execute()).map((f) => f.x)).toEqual([1, 2, 3])
    // Half read: the statement stays busy until the stream is closed, the next run gets a new one.
    for await (const r of consulta().stream()) if (r.x === 2) break
    expect((await consulta().execute()).map((f) => f.x)).toEqual([1, 2, 3])
    // Destroying kysely closes the connection itself.
    await db.destroy()
    expect(abiertos.at(-1)!.h.open).toBe(false)
  })
})
