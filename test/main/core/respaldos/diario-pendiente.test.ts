import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import BetterSqlite3 from 'better-sqlite3'
import { explicar, MENSAJES_CAUSA } from '../../../../src/main/core/causas'
import { tempDir } from '../../../helpers/db'

/**
 * A hot -journal (a program killed in the middle of a write, in rollback mode) beside a file
 * opened read-only: SQLite refuses with SQLITE_READONLY_ROLLBACK. That is a journal waiting to be
 * rolled back, not a permission problem: the message must not send the user to fix permissions.
 */
const raiz = tempDir('mitp-diario-')
afterAll(() => raiz.cleanup())

const MATAR_EN_MEDIO = `
const D = require(${JSON.stringify(require.resolve('better-sqlite3'))})
const db = new D(process.argv[1])
db.pragma('journal_mode = DELETE')
db.exec('create table t(x)')
for (let i = 0; i < 500; i++) db.prepare('insert into t values (?)').run('z'.repeat(1000))
db.pragma('cache_size = 10')
db.exec('begin')
db.exec("update t set x = 'q' || x")
process.kill(process.pid, 'SIGKILL')
`

describe('a hot journal beside a file opened read-only', () => {
  it('is named as a pending journal, not as missing permission', () => {
    const f = path.join(raiz.dir, 'x.db')
    spawnSync(process.execPath, ['-e', MATAR_EN_MEDIO, f])
    let error: unknown = null
    try {
      const h = new BetterSqlite3(f, { readonly: true })
      try {
        h.prepare('select count(*) from t').get()
      } finally {
        h.close()
      }
    } catch (e) {
      error = e
    }
    expect((error as { code?: string }).code).toBe('SQLITE_READONLY_ROLLBACK')
    const m = explicar(error, 'abrir la base de datos')
    expect(m).toBe(`No se pudo abrir la base de datos: ${MENSAJES_CAUSA.diario_pendiente}.`)
    expect(m).not.toMatch(/permiso/)
  })
})
