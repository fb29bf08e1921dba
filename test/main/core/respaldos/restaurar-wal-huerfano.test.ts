import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { openAppDatabase } from '../../../../src/main/core/db/open'
import { runCliProcess, ROOT } from '../../../helpers/cli'
import { tempDir } from '../../../helpers/db'

// The recovery screen's "missing database, but there are backups": the .db is gone but its last
// -wal (and -shm) stayed. Restoring must set them aside: SQLite would replay the old -wal over
// the restored backup, a mix that never existed.
const raiz = tempDir('mitp-wal-huerfano-')
afterAll(() => raiz.cleanup())

const leer = (file: string): Record<string, string> => {
  const h = new BetterSqlite3(file, { readonly: true })
  try {
    const filas = h.prepare('select id, v from t order by id').all() as { id: string; v: string }[]
    return Object.fromEntries(filas.map((f) => [f.id, f.v]))
  } finally {
    h.close()
  }
}

async function escenario(): Promise<{ db: string; respaldo: string }> {
  const db = path.join(raiz.dir, 'm.db')
  const respaldo = path.join(raiz.dir, 'respaldo.db')
  const app = await openAppDatabase(db)
  app.handle.exec(
    "create table t (id text primary key, v text); insert into t values ('t1', 'T1'), ('t2', 'T1')"
  )
  await app.close()
  fs.copyFileSync(db, respaldo)
  // A program killed with commits still in the -wal: t1 was checkpointed into the .db, t2 not.
  const hijo = spawnSync(
    process.execPath,
    [
      '-e',
      `const D = require('better-sqlite3'); const h = new D(${JSON.stringify(db)});
       h.pragma('wal_autocheckpoint = 0');
       h.exec("update t set v = 'T2' where id = 't1'");
       h.pragma('wal_checkpoint(TRUNCATE)');
       h.exec("update t set v = 'T3' where id = 't2'");
       process.kill(process.pid, 'SIGKILL')`
    ],
    { cwd: ROOT }
  )
  expect(hijo.signal).toBe('SIGKILL')
  expect(fs.statSync(`${db}-wal`).size).toBeGreaterThan(0)
  fs.rmSync(db)
  return { db, respaldo }
}

describe('restore where the database is missing but its -wal remains', () => {
  it('reads exactly the backup, the stale -wal and -shm kept aside', async () => {
    const { db, respaldo } = await escenario()
    const r = runCliProcess(['restore', '--db', db, '--from', respaldo])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(leer(db)).toEqual({ t1: 'T1', t2: 'T1' })
    expect(fs.existsSync(`${db}-wal`) && fs.statSync(`${db}-wal`).size > 0).toBe(false)
    const aparte = fs.readdirSync(raiz.dir).filter((n) => n.includes('antes-de-restaurar'))
    expect(aparte.some((n) => n.endsWith('-wal'))).toBe(true)
    expect(r.stdout).toMatch(/-wal/)
    // A second restore over the result is not refused for a -wal that does not belong.
    const r2 = runCliProcess(['restore', '--db', db, '--from', respaldo])
    expect(r2.stderr).toBe('')
    expect(r2.status).toBe(0)
    expect(leer(db)).toEqual({ t1: 'T1', t2: 'T1' })
  }, 120_000)
})
