import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openAppDatabase } from '../../../src/main/core/db/open'
import { runCli } from '../../../src/main/cli'
import { puedeComoOtro, runCliComoOtro, tmpAbierto, tmpCerrado } from '../../helpers/cli'
import { sha256, tempDir } from '../../helpers/db'

// `cli check` once opened the file in place for its actas review: -wal and -shm were left beside
// a database nobody had open, and on read-only media it printed "correcta" and then an error.
const raiz = tempDir('mitp-check-')
afterAll(() => {
  for (const d of fs.readdirSync(raiz.dir)) fs.chmodSync(path.join(raiz.dir, d), 0o755)
  raiz.cleanup()
})
fs.chmodSync(raiz.dir, 0o755)

async function base(carpeta: string): Promise<string> {
  fs.mkdirSync(carpeta)
  const db = path.join(carpeta, 'm.db')
  await (await openAppDatabase(db)).close()
  expect(fs.readdirSync(carpeta)).toEqual(['m.db'])
  return db
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

  it.skipIf(!puedeComoOtro)(
    'on read-only media says "correcta" and nothing else, exit 0',
    async () => {
      const db = await base(path.join(raiz.dir, 'ro'))
      fs.chmodSync(db, 0o444)
      fs.chmodSync(path.dirname(db), 0o555)
      const tmp = tmpAbierto(path.join(raiz.dir, 'tmp'))
      const r = runCliComoOtro(['check', '--db', db], tmp)
      expect(r.stderr).toBe('')
      expect(r.stdout).toMatch(/: correcta \(esquema \d+;/)
      expect(r.status).toBe(0)
      expect(fs.readdirSync(path.dirname(db))).toEqual(['m.db'])
      expect(fs.readdirSync(tmp).filter((n) => n.startsWith('mitp-'))).toEqual([])
    },
    90_000
  )

  it.skipIf(!puedeComoOtro)(
    'with no temporary folder either, one message (the cause), never "correcta" first',
    async () => {
      const db = await base(path.join(raiz.dir, 'ro-sin-tmp'))
      fs.chmodSync(db, 0o444)
      fs.chmodSync(path.dirname(db), 0o555)
      const r = runCliComoOtro(['check', '--db', db], tmpCerrado(path.join(raiz.dir, 'tmp-c')))
      expect(r.stdout).toBe('')
      expect(r.stderr).toMatch(/^Error: .*no hay permiso/)
      expect(r.status).toBe(1)
      expect(fs.readdirSync(path.dirname(db))).toEqual(['m.db'])
    },
    90_000
  )
})
