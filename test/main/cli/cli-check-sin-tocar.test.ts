import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openAppDatabase } from '../../../src/main/core/db/open'
import { runCli } from '../../../src/main/cli'
import { ROOT } from '../../helpers/cli'
import { sha256, tempDir } from '../../helpers/db'

// `cli check` once opened the file in place for its actas review: -wal and -shm were left beside
// a database nobody had open, and on read-only media it printed "correcta" and then an error.
const raiz = tempDir('mitp-check-')
afterAll(() => {
  for (const d of fs.readdirSync(raiz.dir)) fs.chmodSync(path.join(raiz.dir, d), 0o755)
  raiz.cleanup()
})
fs.chmodSync(raiz.dir, 0o755)
const comoRoot = process.getuid?.() === 0
const puede = !comoRoot || fs.existsSync('/usr/bin/setpriv')

async function base(carpeta: string): Promise<string> {
  fs.mkdirSync(carpeta)
  const db = path.join(carpeta, 'm.db')
  await (await openAppDatabase(db)).close()
  expect(fs.readdirSync(carpeta)).toEqual(['m.db'])
  return db
}

/** The CLI as a user who may not write the folder (as root: nobody, through setpriv). */
function comoOtro(args: string[], tmpdir: string) {
  const cmd = [
    process.execPath,
    '--import',
    'tsx',
    path.join(ROOT, 'src/main/cli/main.ts'),
    ...args
  ]
  const [exe, ...resto] = comoRoot
    ? ['/usr/bin/setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', ...cmd]
    : cmd
  return spawnSync(exe!, resto, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, MITP_DB: '', HOME: tmpdir, TMPDIR: tmpdir },
    timeout: 60_000
  })
}

describe('cli check writes nothing', () => {
  it('leaves no -wal or -shm beside a database nobody has open', async () => {
    const db = await base(path.join(raiz.dir, 'rw'))
    const antes = sha256(db)
    const out: string[] = []
    const err: string[] = []
    const rc = await runCli(
      ['check', '--db', db],
      (l) => out.push(l),
      (l) => err.push(l)
    )
    expect(err).toEqual([])
    expect(rc).toBe(0)
    expect(out[0]).toMatch(/: correcta \(esquema \d+;/)
    expect(fs.readdirSync(path.dirname(db))).toEqual(['m.db'])
    expect(sha256(db)).toBe(antes)
  })

  it.skipIf(!puede)(
    'on read-only media says "correcta" and nothing else, exit 0',
    async () => {
      const db = await base(path.join(raiz.dir, 'ro'))
      fs.chmodSync(db, 0o444)
      fs.chmodSync(path.dirname(db), 0o555)
      const tmp = path.join(raiz.dir, 'tmp')
      fs.mkdirSync(tmp, { mode: 0o777 })
      fs.chmodSync(tmp, 0o777)
      const r = comoOtro(['check', '--db', db], tmp)
      expect(r.stderr).toBe('')
      expect(r.stdout).toMatch(/: correcta \(esquema \d+;/)
      expect(r.status).toBe(0)
      expect(fs.readdirSync(path.dirname(db))).toEqual(['m.db'])
      expect(fs.readdirSync(tmp).filter((n) => n.startsWith('mitp-'))).toEqual([])
    },
    90_000
  )

  it.skipIf(!puede)(
    'with no temporary folder either, one message (the cause), never "correcta" first',
    async () => {
      const db = await base(path.join(raiz.dir, 'ro-sin-tmp'))
      fs.chmodSync(db, 0o444)
      fs.chmodSync(path.dirname(db), 0o555)
      // A temporary folder where only tsx's cache may be written (by nobody), no private copy.
      const tmp = path.join(raiz.dir, 'tmp-cerrado')
      fs.mkdirSync(path.join(tmp, `tsx-${comoRoot ? 65534 : process.getuid?.()}`), {
        recursive: true
      })
      if (comoRoot) fs.chownSync(path.join(tmp, 'tsx-65534'), 65534, 65534)
      fs.chmodSync(tmp, 0o555)
      const r = comoOtro(['check', '--db', db], tmp)
      expect(r.stdout).toBe('')
      expect(r.stderr).toMatch(/^Error: .*no hay permiso/)
      expect(r.status).toBe(1)
      expect(fs.readdirSync(path.dirname(db))).toEqual(['m.db'])
    },
    90_000
  )
})
