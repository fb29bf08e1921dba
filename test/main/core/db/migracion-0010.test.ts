import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createKysely, openSqlite } from '../../../../src/main/core/db/sqlite'
import { migrate } from '../../../../src/main/core/db/migrator'
import { LATEST_SCHEMA_VERSION } from '../../../../src/main/core/db/migrations'
import { revisarActas } from '../../../../src/main/core/actas/sello'
import { tempDir } from '../../../helpers/db'

// Migration 0010 (who chaired a session: sesiones.presidente_id), from every earlier version
// and from a file written by version 2, whose approved actas keep their sealed content.

type Handle = ReturnType<typeof openSqlite>
const columnas = (handle: Handle) =>
  (handle.prepare('pragma table_info(sesiones)').all() as { name: string }[]).map((c) => c.name)

describe('migration 0010', () => {
  it('adds an empty presidente_id from every earlier version', async () => {
    for (let v = 1; v < 10; v++) {
      const t = tempDir()
      const handle = openSqlite(path.join(t.dir, 'm.db'))
      const db = createKysely(handle)
      await migrate(db, v)
      expect(columnas(handle)).not.toContain('presidente_id')
      expect(await migrate(db)).toEqual({ from: v, to: LATEST_SCHEMA_VERSION })
      expect(columnas(handle)).toContain('presidente_id')
      await db.destroy()
      t.cleanup()
    }
  })

  it('from a version 2 file: every session without a chair chosen, sealed actas intact', async () => {
    const t = tempDir()
    const file = path.join(t.dir, 'v2.db')
    fs.copyFileSync(path.join(__dirname, '../../../fixtures/v2-demo.db'), file)
    const handle = openSqlite(file)
    const db = createKysely(handle)
    await migrate(db)
    expect(
      handle.prepare('select count(*) n from sesiones where presidente_id is not null').get()
    ).toEqual({ n: 0 })
    // Their content, rebuilt from the rows, is still the sealed one: no key for who chaired.
    const r = await revisarActas(db)
    expect([r.alteradas, r.distintas]).toEqual([[], []])
    await db.destroy()
    t.cleanup()
  })
})
