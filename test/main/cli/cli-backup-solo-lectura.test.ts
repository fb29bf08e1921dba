import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { openAppDatabase } from '../../../src/main/core/db/open'
import { openSqlite } from '../../../src/main/core/db/sqlite'
import { ROOT } from '../../helpers/cli'
import { sha256, tempDir } from '../../helpers/db'

// `cli backup` of a database the user may only read (0444 files, -wal and -shm included, in a
// 0555 folder) once hung in the online backup's loop, leaving a .tmp and a -journal. Root reads
// anything, so as root the CLI runs as nobody (setpriv); a hang fails on the spawn's time limit.
const raiz = tempDir('mitp-backup-ro-')
afterAll(() => {
  for (const d of fs.readdirSync(raiz.dir)) fs.chmodSync(path.join(raiz.dir, d), 0o755)
  raiz.cleanup()
})
const comoRoot = process.getuid?.() === 0
const puede = !comoRoot || fs.existsSync('/usr/bin/setpriv')

/** The CLI (or, with `principal` false, plain node) as a user who is not root. */
function cli(args: string[], principal = true) {
  const cmd = principal
    ? [process.execPath, '--import', 'tsx', path.join(ROOT, 'src/main/cli/main.ts'), ...args]
    : [process.execPath, ...args]
  const [exe, ...resto] = comoRoot
    ? ['/usr/bin/setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', ...cmd]
    : cmd
  return spawnSync(exe!, resto, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, MITP_DB: '', HOME: comoRoot ? '/tmp' : process.env.HOME },
    timeout: 60_000
  })
}

/** A database whose last commits are only in its -wal, copied (with its -shm) while open. */
async function conWal(carpeta: string, shmVacio: boolean): Promise<string> {
  const fuente = path.join(raiz.dir, `fuente-${path.basename(carpeta)}.db`)
  await (await openAppDatabase(fuente)).close()
  const h = openSqlite(fuente)
  h.pragma('wal_autocheckpoint = 0')
  h.exec('create table extra(x); insert into extra values (randomblob(300000))')
  fs.mkdirSync(carpeta)
  const db = path.join(carpeta, 'm.db')
  for (const s of ['', '-wal', '-shm']) fs.copyFileSync(fuente + s, db + s)
  h.close()
  // A -shm left by a crash (stale): a reader that may not write it has to do without.
  if (shmVacio) fs.writeFileSync(`${db}-shm`, Buffer.alloc(32768))
  for (const s of ['', '-wal', '-shm']) fs.chmodSync(db + s, 0o444)
  fs.chmodSync(carpeta, 0o555)
  return db
}

describe('cli backup of a read-only database with read-only -wal and -shm', () => {
  fs.chmodSync(raiz.dir, 0o755)
  for (const shmVacio of [false, true])
    it.skipIf(!puede)(
      `finishes with a checked backup holding the -wal's commits${shmVacio ? ' (stale -shm)' : ''}`,
      async () => {
        const db = await conWal(path.join(raiz.dir, `ro-${shmVacio}`), shmVacio)
        // The scenario is real: the CLI's user may not write the files.
        const w = cli(['-e', `require('fs').accessSync(${JSON.stringify(db)}, 2)`], false)
        expect(w.status).not.toBe(0)
        const antes = ['', '-wal', '-shm'].map((s) => sha256(db + s))
        const salida = path.join(raiz.dir, `salida-${shmVacio}`)
        fs.mkdirSync(salida)
        fs.chmodSync(salida, 0o777)
        const out = path.join(salida, 'respaldo.db')
        const r = cli(['backup', '--db', db, '--out', out])
        expect(r.error, 'the backup did not finish within 60 s').toBeUndefined()
        expect(r.stderr).toBe('')
        expect(r.status).toBe(0)
        expect(r.stdout).toMatch(/^Respaldo verificado en /)
        // Nothing left behind (.tmp, -journal), and the source untouched.
        expect(fs.readdirSync(salida)).toEqual(['respaldo.db'])
        expect(fs.readdirSync(path.dirname(db)).sort()).toEqual(['m.db', 'm.db-shm', 'm.db-wal'])
        expect(['', '-wal', '-shm'].map((s) => sha256(db + s))).toEqual(antes)
        const h = new BetterSqlite3(out, { readonly: true })
        expect(h.prepare('select length(x) from extra').pluck().get()).toBe(300000)
        h.close()
      },
      90_000
    )
})
