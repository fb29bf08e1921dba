import { hoyChile } from '../../../../src/shared/domain/fechas'
import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { DatabaseOpenError, openAppDatabase } from '../../../../src/main/core/db/open'
import { tempDir } from '../../../helpers/db'

let cleanup: () => void = () => {}
afterEach(() => cleanup())

// The day as in Chile (UTC's changes at 20:00 or 21:00 there).
const hoy = () => Number(hoyChile().replaceAll('-', ''))

/** A database the app made, with a table whose last pages a test can spoil without the schema. */
async function archivo(): Promise<string> {
  const t = tempDir()
  cleanup = t.cleanup
  const file = path.join(t.dir, 'mitp.db')
  await (await openAppDatabase(file)).close()
  const raw = new BetterSqlite3(file)
  raw.exec('create table relleno (t text)')
  const ins = raw.prepare('insert into relleno values (?)')
  for (let i = 0; i < 200; i++) ins.run('x'.repeat(500))
  raw.pragma('wal_checkpoint(TRUNCATE)')
  raw.close()
  return file
}

function estropear(file: string): void {
  const size = fs.statSync(file).size
  const fd = fs.openSync(file, 'r+')
  fs.writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, size - 8192)
  fs.closeSync(fd)
}

describe('the integrity check on open runs once a day', () => {
  it('the first open of the day checks and stamps the day; a later open the same day does not read every page', async () => {
    const file = await archivo()
    const a = await openAppDatabase(file)
    expect(a.handle.pragma('user_version', { simple: true })).toBe(hoy())
    await a.close()
    estropear(file)
    // Checked today already: opened without reading the spoilt pages.
    await (await openAppDatabase(file)).close()
    // A file last checked another day is checked again, and the damage found.
    const raw = new BetterSqlite3(file)
    raw.pragma('user_version = 20140312')
    raw.close()
    const e = await openAppDatabase(file).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(DatabaseOpenError)
    expect((e as DatabaseOpenError).reason).toBe('archivo_danado')
  })

  it('a file never checked (a new one, or one written elsewhere) is checked on its first open', async () => {
    const file = await archivo()
    estropear(file)
    const e = await openAppDatabase(file).catch((x: unknown) => x)
    expect((e as DatabaseOpenError).reason).toBe('archivo_danado')
  })
})
