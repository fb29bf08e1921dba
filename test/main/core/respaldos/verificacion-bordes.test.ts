import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSqlite } from '../../../../src/main/core/db/sqlite'
import { respaldar, restaurar, verificarArchivo } from '../../../../src/main/core/respaldos'
import { openTestApp, sha256, tempDir, type TestApp } from '../../../helpers/db'

// Verification and restore must never write to the files they look at, nor lose a WAL.
let t: TestApp
let good: string
const tmp = tempDir('mitp-verif-')
let n = 0
const dir = (): string => {
  const d = path.join(tmp.dir, `d${++n}`)
  fs.mkdirSync(d)
  return d
}
beforeAll(async () => {
  t = await openTestApp()
  good = path.join(dir(), 'bueno.db')
  await respaldar(t.app.handle, good)
})
afterAll(async () => {
  await t.close()
  tmp.cleanup()
})

/** A database in rollback-journal mode (no WAL), with the app's version table. */
function sinWal(file: string): void {
  const h = new BetterSqlite3(file)
  h.exec('create table schema_migrations (version integer primary key, name text, applied_at text)')
  h.close()
}

describe('verificarArchivo never writes', () => {
  it('leaves a rollback-journal file byte for byte, with no side files', () => {
    const d = dir()
    const file = path.join(d, 'delete.db')
    sinWal(file)
    const antes = sha256(file)
    expect(verificarArchivo(file)).toMatchObject({ ok: true, schemaVersion: 0 })
    expect(sha256(file)).toBe(antes)
    expect(fs.readdirSync(d)).toEqual(['delete.db'])
  })

  it('keeps the WAL of a database in use, with the commits it holds', () => {
    const d = dir()
    const file = path.join(d, 'viva.db')
    const h = openSqlite(file)
    h.exec(
      'create table schema_migrations (version integer primary key, name text, applied_at text)'
    )
    h.exec("create table planes (id text); insert into planes values ('a'), ('b')")
    expect(verificarArchivo(file).filas.planes).toBe(2)
    expect(fs.readdirSync(d).sort()).toEqual(['viva.db', 'viva.db-shm', 'viva.db-wal'])
    h.exec("insert into planes values ('c')")
    h.close()
    const r = new BetterSqlite3(file, { readonly: true })
    expect(r.prepare('select count(*) as n from planes').get()).toEqual({ n: 3 })
    r.close()
  })

  it('calls a file whose freelist is wrong damaged, naming what SQLite found', () => {
    const file = path.join(dir(), 'freelist.db')
    sinWal(file)
    const fd = fs.openSync(file, 'r+')
    fs.writeSync(fd, Buffer.from([0, 0, 0, 5]), 0, 4, 36) // freelist page count in the header
    fs.closeSync(fd)
    const v = verificarArchivo(file)
    expect(v.ok).toBe(false)
    expect(v.motivo).toMatch(/^Está dañada \(.*Freelist.*\)\.$/s)
  })

  it('says it could not read a file when SQLite itself cannot be loaded', () => {
    const v = verificarArchivo(good, '/no/existe/better_sqlite3.node')
    expect(v).toMatchObject({ ok: false, schemaVersion: 0, filas: {} })
    expect(v.motivo).toMatch(/^No se pudo leer \(/)
  })
})

describe('restaurar', () => {
  it('refuses a source that fails verification, touching nothing', () => {
    const d = dir()
    const db = path.join(d, 'mitp.db')
    fs.copyFileSync(good, db)
    const malo = path.join(d, 'malo.db')
    fs.writeFileSync(malo, 'no soy una base de datos')
    const antes = sha256(db)
    expect(() => restaurar(db, malo)).toThrow(
      'No se puede restaurar desde ese archivo: No es una base de datos SQLite.'
    )
    expect(sha256(db)).toBe(antes)
    expect(fs.readdirSync(d).sort()).toEqual(['malo.db', 'mitp.db'])
  })

  it('keeps aside a closed file that has no side files', () => {
    const d = dir()
    const db = path.join(d, 'mitp.db')
    fs.writeFileSync(db, 'actual')
    const { copiaAnterior } = restaurar(db, good)
    expect(fs.readFileSync(copiaAnterior!, 'utf8')).toBe('actual')
    expect(fs.readdirSync(d).sort()).toEqual(['mitp.db', path.basename(copiaAnterior!)].sort())
    expect(verificarArchivo(db).ok).toBe(true)
  })
})
