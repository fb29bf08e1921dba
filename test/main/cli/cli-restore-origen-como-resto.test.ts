import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openAppDatabase } from '../../../src/main/core/db/open'
import { runCliProcess } from '../../helpers/cli'
import { tempDir } from '../../helpers/db'
import { filasSinIdentidad } from '../../helpers/restaurada'

// A restore clears the temporary copies a killed restore left beside the database: the backup
// the user chose is never one of them, whatever its name looks like.
const raiz = tempDir('mitp-origen-resto-')
afterAll(() => raiz.cleanup())

describe('cli restore from a backup named like a leftover temporary copy', () => {
  it('keeps the chosen backup (by name and through a hard link) and restores from it', async () => {
    const db = path.join(raiz.dir, 'z.db')
    await (await openAppDatabase(db)).close()
    const origen = path.join(raiz.dir, 'respaldo.db')
    await (await openAppDatabase(origen)).close()
    // A pid no process has (above Linux's pid_max).
    const comoResto = `${db}.4194303999.restaurando.tmp`
    fs.copyFileSync(origen, comoResto)
    const r = runCliProcess(['restore', '--db', db, '--from', comoResto])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(fs.existsSync(comoResto)).toBe(true)
    // The backup's rows (the restore gives the file a new id for the exchange, #16).
    expect(filasSinIdentidad(db)).toBe(filasSinIdentidad(origen))
    // The same file under another name given as --from.
    fs.rmSync(comoResto)
    fs.linkSync(origen, comoResto)
    const r2 = runCliProcess(['restore', '--db', db, '--from', origen])
    expect(r2.status).toBe(0)
    expect(fs.existsSync(comoResto)).toBe(true)
  }, 120_000)
})
