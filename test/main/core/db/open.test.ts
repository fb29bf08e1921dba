import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { openAppDatabase, DatabaseOpenError } from '../../../../src/main/core/db/open'
import { LATEST_SCHEMA_VERSION } from '../../../../src/main/core/db/migrations'
import { sha256, tempDir } from '../../../helpers/db'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

function dir(): string {
  const t = tempDir()
  cleanups.push(t.cleanup)
  return t.dir
}

async function expectRefused(file: string, reason: string, message: RegExp): Promise<void> {
  const before = sha256(file)
  const mtime = fs.statSync(file).mtimeMs
  const error = await openAppDatabase(file).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(DatabaseOpenError)
  expect((error as DatabaseOpenError).reason).toBe(reason)
  expect((error as DatabaseOpenError).message).toMatch(message)
  expect(sha256(file)).toBe(before)
  expect(fs.statSync(file).mtimeMs).toBe(mtime)
  expect(fs.existsSync(`${file}-wal`)).toBe(false)
}

describe('openAppDatabase', () => {
  it('creates a new file with WAL, synchronous FULL, foreign keys and a busy timeout', async () => {
    const file = path.join(dir(), 'nuevo.db')
    const app = await openAppDatabase(file)
    try {
      expect(app.created).toBe(true)
      expect(app.schemaVersion).toBe(LATEST_SCHEMA_VERSION)
      expect(app.handle.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(app.handle.pragma('synchronous', { simple: true })).toBe(2) // FULL
      expect(app.handle.pragma('foreign_keys', { simple: true })).toBe(1)
      expect(app.handle.pragma('busy_timeout', { simple: true })).toBe(5000)
    } finally {
      await app.close()
    }
  })

  it('reopens an existing file without changing its data or seeding twice', async () => {
    const file = path.join(dir(), 'mitp.db')
    const first = await openAppDatabase(file)
    const ids = (await first.db.selectFrom('acciones').select('id').orderBy('id').execute()).map(
      (r) => r.id
    )
    await first.close()
    const second = await openAppDatabase(file)
    try {
      expect(second.created).toBe(false)
      const again = (
        await second.db.selectFrom('acciones').select('id').orderBy('id').execute()
      ).map((r) => r.id)
      expect(again).toEqual(ids)
      expect(await second.db.selectFrom('planes').select('id').execute()).toHaveLength(1)
    } finally {
      await second.close()
    }
  })

  it('refuses a folder that does not exist, creating nothing', async () => {
    const file = path.join(dir(), 'no', 'existe', 'mitp.db')
    const error = await openAppDatabase(file).catch((e: unknown) => e)
    expect((error as DatabaseOpenError).reason).toBe('ruta_invalida')
    expect((error as Error).message).toMatch(/no existe/)
    expect(fs.existsSync(path.dirname(file))).toBe(false)
  })

  it('refuses a file that is not SQLite and leaves it untouched', async () => {
    const file = path.join(dir(), 'texto.db')
    fs.writeFileSync(file, 'Acta de la sesión: esto no es una base de datos'.repeat(100))
    await expectRefused(file, 'no_es_base_de_datos', /no es una base de datos SQLite/)
  })

  it('refuses a damaged database and leaves it untouched', async () => {
    const file = path.join(dir(), 'danado.db')
    const app = await openAppDatabase(file)
    await app.close()
    // Overwrite pages past the header with junk: the header still says SQLite.
    const fd = fs.openSync(file, 'r+')
    const junk = Buffer.alloc(8192, 0x5a)
    fs.writeSync(fd, junk, 0, junk.length, 4096)
    fs.closeSync(fd)
    await expectRefused(file, 'archivo_danado', /está dañada/)
  })

  it('refuses a database written by a newer version of the app, and does not modify it', async () => {
    const file = path.join(dir(), 'futuro.db')
    const app = await openAppDatabase(file)
    await app.close()
    const raw = new BetterSqlite3(file)
    raw
      .prepare('insert into schema_migrations (version, name, applied_at) values (?, ?, ?)')
      .run(LATEST_SCHEMA_VERSION + 1, 'del_futuro', new Date().toISOString())
    raw.pragma('wal_checkpoint(TRUNCATE)')
    raw.pragma('journal_mode = DELETE')
    raw.close()
    await expectRefused(file, 'version_mas_nueva', /versión más nueva/)
  })

  it("refuses another application's database", async () => {
    const file = path.join(dir(), 'otra.db')
    const raw = new BetterSqlite3(file)
    raw.exec('create table clientes (id integer primary key, nombre text)')
    raw.close()
    await expectRefused(file, 'base_ajena', /otra aplicación/)
  })
})
