import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import BetterSqlite3 from 'better-sqlite3'
import { respaldar } from '../../../../src/main/core/respaldos'
import { TRIGGERS_0003 } from '../../../../src/main/core/db/migrations/0003_acta_sellada'
import { motivoRespaldoInutil } from '../../../../src/main/core/respaldo-usable'
import { runCliProcess } from '../../../helpers/cli'
import { openTestApp, sha256, tempDir } from '../../../helpers/db'

/**
 * A backup whose approved actas lost their protection (a trigger dropped outside the app) passes
 * the file checks but the app refuses to open it: restore must refuse it too, before touching
 * the database, and say why in Spanish. Real files; the CLI in its own process.
 */
const raiz = tempDir('mitp-respaldo-actas-')
const db = path.join(raiz.dir, 'mitp.db')
const bueno = path.join(raiz.dir, 'bueno.db')
const sinProteccion = path.join(raiz.dir, 'sin-proteccion.db')
beforeAll(async () => {
  const t = await openTestApp()
  await respaldar(t.app.handle, bueno)
  await t.close()
  fs.copyFileSync(bueno, db)
  fs.copyFileSync(bueno, sinProteccion)
  const h = new BetterSqlite3(sinProteccion)
  h.exec(`drop trigger ${TRIGGERS_0003[0]}`)
  h.close()
}, 60_000)
afterAll(() => raiz.cleanup())

describe('restore from a backup the app would refuse to open', () => {
  it('a good backup has nothing to say', async () => {
    expect(await motivoRespaldoInutil(bueno)).toBeNull()
  })

  it('a dropped protection: refused by the CLI, the database untouched', () => {
    const antes = sha256(db)
    const r = runCliProcess(['restore', '--db', db, '--from', sinProteccion])
    expect(r.status).toBe(1)
    expect(r.stderr).toContain(
      'No se puede restaurar desde ese archivo. Este respaldo no se puede usar'
    )
    expect(r.stderr).toContain(TRIGGERS_0003[0])
    expect(r.stderr).toContain('No se modificó nada.')
    expect(sha256(db)).toBe(antes)
    expect(fs.readdirSync(raiz.dir).filter((f) => f.includes('antes-de-restaurar'))).toEqual([])
  })
})
