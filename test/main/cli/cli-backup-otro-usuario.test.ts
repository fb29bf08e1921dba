import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { openAppDatabase } from '../../../src/main/core/db/open'
import { puedeComoOtro, runCliComoOtro, tmpAbierto, tmpCerrado } from '../../helpers/cli'
import { sha256, tempDir } from '../../helpers/db'

// `cli backup` of another user's database, which this user may only read (0444 in a 0555 folder,
// no -wal or -shm beside it: nobody has it open). SQLite cannot read a WAL-mode file there in
// place (it would have to create the -shm): the backup once failed with "no hay permiso".
const raiz = tempDir('mitp-backup-otro-')
afterAll(() => {
  for (const d of fs.readdirSync(raiz.dir)) fs.chmodSync(path.join(raiz.dir, d), 0o755)
  raiz.cleanup()
})
fs.chmodSync(raiz.dir, 0o755)
const fuente = path.join(raiz.dir, 'fuente.db')

let n = 0
async function ajena(modo: number): Promise<string> {
  if (!fs.existsSync(fuente)) await (await openAppDatabase(fuente)).close()
  const dir = path.join(raiz.dir, `ajena-${++n}`)
  fs.mkdirSync(dir)
  const db = path.join(dir, 'm.db')
  fs.copyFileSync(fuente, db)
  fs.chmodSync(db, modo)
  fs.chmodSync(dir, 0o555)
  return db
}

const salida = (): string => tmpAbierto(path.join(raiz.dir, `salida-${++n}`))

describe.skipIf(!puedeComoOtro)("cli backup of another user's read-only database", () => {
  it('writes a checked backup, and nothing beside the source or in the temporary folder', async () => {
    const db = await ajena(0o444)
    const antes = sha256(db)
    const tmp = tmpAbierto(path.join(raiz.dir, 'tmp'))
    const out = path.join(salida(), 'respaldo.db')
    const r = runCliComoOtro(['backup', '--db', db, '--out', out], tmp)
    expect(r.stderr).toBe('')
    expect(r.stdout).toMatch(/^Respaldo verificado en .*\(1 planes, /)
    expect(r.status).toBe(0)
    expect(fs.readdirSync(path.dirname(out))).toEqual(['respaldo.db'])
    expect(fs.readdirSync(path.dirname(db))).toEqual(['m.db'])
    expect(sha256(db)).toBe(antes)
    expect(fs.readdirSync(tmp).filter((x) => x.startsWith('mitp-'))).toEqual([])
    const h = new BetterSqlite3(out, { readonly: true })
    expect(h.prepare('select count(*) from planes').pluck().get()).toBe(1)
    h.close()
  }, 90_000)

  /** A backup of another user's file that must be refused: its error, no file left anywhere. */
  function rechazado(db: string, tmp: string): string {
    const out = path.join(salida(), 'respaldo.db')
    const r = runCliComoOtro(['backup', '--db', db, '--out', out], tmp)
    expect(r.stdout).toBe('')
    expect(r.status).toBe(1)
    expect(fs.readdirSync(path.dirname(out))).toEqual([])
    expect(fs.readdirSync(path.dirname(db))).toEqual(['m.db'])
    return r.stderr.trim()
  }

  it('with no temporary folder to copy it to: refused with the cause, no files left', async () => {
    const db = await ajena(0o444)
    expect(rechazado(db, tmpCerrado(path.join(raiz.dir, 'tmp-c')))).toMatch(
      /^Error: .*no hay permiso para leer o escribir el archivo o su carpeta \(es de solo lectura o de otro usuario\)\. Copie la base de datos a una carpeta propia, como Documentos\. No se escribió ningún respaldo\.$/
    )
  }, 90_000)

  it('a file this user may not even read: refused with the cause, no files left', async () => {
    const db = await ajena(0o600)
    expect(rechazado(db, tmpAbierto(path.join(raiz.dir, 'tmp')))).toMatch(
      /^Error: .*: No se pudo leer el archivo: no hay permiso .* No se escribió ningún respaldo\.$/
    )
  }, 90_000)
})
