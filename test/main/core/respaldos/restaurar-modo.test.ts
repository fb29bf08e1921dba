import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openAppDatabase } from '../../../../src/main/core/db/open'
import { restaurar } from '../../../../src/main/core/restaurar'
import { tempDir } from '../../../helpers/db'

const raiz = tempDir('mitp-modo-')
afterAll(() => raiz.cleanup())

/** A backup kept read-only (0444) restores into a file the app can write, with the old file's mode. */
describe('restore: file modes', () => {
  it('a read-only backup gives a file with the replaced file mode', async () => {
    const respaldo = path.join(raiz.dir, 'respaldo.db')
    await (await openAppDatabase(respaldo)).close()
    fs.chmodSync(respaldo, 0o444)
    const db = path.join(raiz.dir, 'mitp.db')
    await (await openAppDatabase(db)).close()
    fs.chmodSync(db, 0o640)
    restaurar(db, respaldo)
    expect(fs.statSync(db).mode & 0o777).toBe(0o640)
    // Into a missing file: readable and writable by its owner.
    const nuevo = path.join(raiz.dir, 'nuevo.db')
    restaurar(nuevo, respaldo)
    expect(fs.statSync(nuevo).mode & 0o600).toBe(0o600)
    await (await openAppDatabase(nuevo)).close()
  })
})
