import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { DatabaseOpenError, openAppDatabase } from '../../../../src/main/core/db/open'
import { LATEST_SCHEMA_VERSION } from '../../../../src/main/core/db/migrations'
import { migrate } from '../../../../src/main/core/db/migrator'
import {
  createKysely,
  hasSqliteHeader,
  inspectReadonly,
  isUniqueViolation,
  openSqlite
} from '../../../../src/main/core/db/sqlite'
import { listarRespaldos } from '../../../../src/main/core/respaldos'
import { tempDir } from '../../../helpers/db'

// The edges of opening a database file: what counts as new, what is refused, when a backup
// is taken first. Real files in a temporary folder.
const tmp = tempDir('mitp-abrir-')
afterAll(() => tmp.cleanup())
let n = 0
const nuevo = (): string => {
  const d = path.join(tmp.dir, `d${++n}`)
  fs.mkdirSync(d)
  return d
}
const rechazo = (p: Promise<unknown>): Promise<DatabaseOpenError> =>
  p.then(
    () => {
      throw new Error('se abrió')
    },
    (e: DatabaseOpenError) => e
  )

describe('openAppDatabase', () => {
  it('treats an empty file, or an SQLite file with no tables, as new', async () => {
    const vacio = path.join(nuevo(), 'vacio.db')
    fs.writeFileSync(vacio, '')
    const a = await openAppDatabase(vacio)
    expect([a.created, a.schemaVersion]).toEqual([true, LATEST_SCHEMA_VERSION])
    await a.close()
    const sinTablas = path.join(nuevo(), 'sin-tablas.db')
    const raw = new BetterSqlite3(sinTablas)
    raw.pragma('user_version = 7')
    raw.close()
    expect(fs.statSync(sinTablas).size).toBeGreaterThan(0)
    const b = await openAppDatabase(sinTablas)
    expect([b.created, b.schemaVersion]).toEqual([false, LATEST_SCHEMA_VERSION])
    await b.close()
  })

  it('refuses a folder given as the file', async () => {
    const d = nuevo()
    const e = await rechazo(openAppDatabase(d))
    expect(e).toBeInstanceOf(DatabaseOpenError)
    expect([e.name, e.reason, e.message]).toEqual([
      'DatabaseOpenError',
      'ruta_invalida',
      `"${d}" no es un archivo.`
    ])
    const f = path.join(nuevo(), 'archivo')
    fs.writeFileSync(f, 'x')
    const g = await rechazo(openAppDatabase(path.join(f, 'mitp.db')))
    expect([g.reason, g.message]).toEqual(['ruta_invalida', `La carpeta "${f}" no existe.`])
  })

  it('without seed, creates an empty plan-less file', async () => {
    const a = await openAppDatabase(path.join(nuevo(), 'x.db'), { seed: false })
    expect(await a.db.selectFrom('planes').select('id').execute()).toEqual([])
    expect(await a.db.selectFrom('app_settings').select('key').execute()).toEqual([])
    await a.close()
  })

  it('backs up an older file before migrating it, and only then', async () => {
    const d = nuevo()
    const respaldosDir = path.join(d, 'respaldos')
    const file = path.join(d, 'v1.db')
    const h = openSqlite(file)
    const db = createKysely(h)
    await migrate(db, 1)
    await db.destroy()
    const a = await openAppDatabase(file, { respaldosDir })
    await a.close()
    expect(listarRespaldos(respaldosDir).map((r) => r.motivo)).toEqual(['antes-de-migrar-v1'])
    // Already current, or new: nothing to back up.
    const b = await openAppDatabase(file, { respaldosDir })
    await b.close()
    const c = await openAppDatabase(path.join(d, 'nuevo.db'), { respaldosDir })
    await c.close()
    expect(listarRespaldos(respaldosDir)).toHaveLength(1)
  })

  it('refuses a file whose pages are damaged even when its schema still reads', async () => {
    const file = path.join(nuevo(), 'paginas.db')
    const raw = new BetterSqlite3(file)
    raw.exec(
      'create table schema_migrations (version integer primary key, name text, applied_at text)'
    )
    raw.exec('create table relleno (t text)')
    const ins = raw.prepare('insert into relleno values (?)')
    for (let i = 0; i < 200; i++) ins.run('x'.repeat(500))
    raw.close()
    // Junk over the last pages (relleno's leaves); page 1 and the schema stay intact.
    const size = fs.statSync(file).size
    const fd = fs.openSync(file, 'r+')
    fs.writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, size - 8192)
    fs.closeSync(fd)
    const e = await rechazo(openAppDatabase(file))
    expect(e.reason).toBe('archivo_danado')
    expect(e.message).toMatch(
      /^La base de datos ".*" está dañada \(.+\)\. No se modificó el archivo; restaure un respaldo\.$/
    )
  })

  it('loads the SQLite build it is given, and fails without touching anything when it cannot', async () => {
    const file = path.join(nuevo(), 'x.db')
    await expect(
      openAppDatabase(file, { nativeBinding: '/no/existe/better_sqlite3.node' })
    ).rejects.toThrow()
    expect(fs.existsSync(file)).toBe(false)
  })
})

describe('migrate', () => {
  it('goes up to a target, and refuses a file newer than the app', async () => {
    const h = openSqlite(path.join(nuevo(), 'm.db'))
    const db = createKysely(h)
    try {
      expect(await migrate(db, 1)).toEqual({ from: 0, to: 1 })
      expect(await migrate(db)).toEqual({ from: 1, to: LATEST_SCHEMA_VERSION })
      h.prepare("insert into schema_migrations values (?, 'futura', 'x')").run(
        LATEST_SCHEMA_VERSION + 1
      )
      await expect(migrate(db)).rejects.toThrow(
        `schema version ${LATEST_SCHEMA_VERSION + 1} is newer than ${LATEST_SCHEMA_VERSION}`
      )
    } finally {
      await db.destroy()
    }
  })
})

describe('sqlite helpers', () => {
  it('opens read-only only a file that exists, and refuses writes through it', () => {
    const d = nuevo()
    expect(() => openSqlite(path.join(d, 'no.db'), { readonly: true })).toThrow()
    expect(fs.readdirSync(d)).toEqual([])
    const file = path.join(d, 'si.db')
    openSqlite(file).exec('create table t (x)')
    const ro = openSqlite(file, { readonly: true })
    expect(() => ro.exec('insert into t values (1)')).toThrow(/readonly/)
    expect(ro.pragma('busy_timeout', { simple: true })).toBe(5000)
    expect(ro.pragma('foreign_keys', { simple: true })).toBe(1)
    ro.close()
  })

  it('reads the 16-byte header exactly, and closes the file it opened', () => {
    const d = nuevo()
    const corto = path.join(d, 'corto.db')
    fs.writeFileSync(corto, 'SQLite format 3')
    expect(hasSqliteHeader(corto)).toBe(false)
    fs.writeFileSync(corto, 'SQLite format 3\u0000')
    expect(hasSqliteHeader(corto)).toBe(true)
    fs.writeFileSync(corto, 'SQLite format 4\u0000 más')
    expect(hasSqliteHeader(corto)).toBe(false)
    const antes = fs.readdirSync('/proc/self/fd').length
    for (let i = 0; i < 20; i++) hasSqliteHeader(corto)
    expect(fs.readdirSync('/proc/self/fd').length).toBeLessThan(antes + 5)
  })

  it('a read-only look removes the WAL side files it created, and keeps those that were there', () => {
    const d = nuevo()
    const file = path.join(d, 'wal.db')
    const h = openSqlite(file)
    h.exec('create table t (x)')
    h.close()
    expect(fs.readdirSync(d)).toEqual(['wal.db'])
    expect(
      inspectReadonly(file, {}, (r) => r.prepare('select count(*) as n from t').get())
    ).toEqual({ n: 0 })
    expect(fs.readdirSync(d)).toEqual(['wal.db'])
    const vivo = openSqlite(file)
    vivo.exec('insert into t values (1)')
    const lados = fs.readdirSync(d).sort()
    expect(lados).toEqual(['wal.db', 'wal.db-shm', 'wal.db-wal'])
    inspectReadonly(file, {}, () => null)
    expect(fs.readdirSync(d).sort()).toEqual(lados)
    vivo.close()
  })

  it('recognises unique and primary-key violations, and nothing else', () => {
    const h = new BetterSqlite3(':memory:')
    h.exec('create table p (id integer primary key, s text unique, f integer references p (id))')
    h.pragma('foreign_keys = ON')
    h.exec("insert into p values (1, 'a', null)")
    const error = (sql: string): unknown => {
      try {
        h.exec(sql)
      } catch (e) {
        return e
      }
      return null
    }
    expect(isUniqueViolation(error("insert into p values (1, 'b', null)"))).toBe(true)
    expect(isUniqueViolation(error("insert into p values (2, 'a', null)"))).toBe(true)
    expect(isUniqueViolation(error("insert into p values (3, 'c', 99)"))).toBe(false)
    expect(isUniqueViolation(new Error('UNIQUE constraint failed'))).toBe(false)
    expect(isUniqueViolation({ code: 'SQLITE_CONSTRAINT_UNIQUE' })).toBe(false)
    expect(
      isUniqueViolation(Object.assign(new Error('x'), { code: 'SQLITE_CONSTRAINT_PRIMARYKEY' }))
    ).toBe(true)
    h.close()
  })
})
