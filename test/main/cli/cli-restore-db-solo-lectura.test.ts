import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openAppDatabase } from '../../../src/main/core/db/open'
import { puedeComoOtro, runCliComoOtro, tmpAbierto } from '../../helpers/cli'
import { sha256, tempDir } from '../../helpers/db'

// A database file the user made read-only (0444) in a folder they can write: the restore names
// that cause, not "bloqueado por otro programa" (nothing else has it open).
const raiz = tempDir('mitp-restore-db-ro-')
afterAll(() => raiz.cleanup())
const nadie = process.getuid?.() === 0 ? 65534 : (process.getuid?.() ?? 0)

describe('cli restore over a read-only database file', () => {
  it.skipIf(!puedeComoOtro)(
    'says the file is read-only and how to fix it, and changes nothing',
    async () => {
      fs.chmodSync(raiz.dir, 0o755)
      const carpeta = tmpAbierto(path.join(raiz.dir, 'datos'))
      const db = path.join(carpeta, 'mitp.db')
      const respaldo = path.join(carpeta, 'respaldo.db')
      await (await openAppDatabase(db)).close()
      await (await openAppDatabase(respaldo)).close()
      for (const f of [carpeta, db, respaldo]) fs.chownSync(f, nadie, nadie)
      fs.chmodSync(db, 0o444)
      const antes = sha256(db)
      const tmp = tmpAbierto(path.join(raiz.dir, 'tmp'))
      const r = runCliComoOtro(['restore', '--db', db, '--from', respaldo], tmp)
      expect(r.stderr).not.toMatch(/bloqueado por otro programa/)
      expect(r.stderr).toMatch(/solo lectura/)
      expect(r.stderr).toMatch(/mitp\.db/)
      expect(r.stderr).toMatch(/quedó como estaba/)
      expect(r.status).not.toBe(0)
      expect(sha256(db)).toBe(antes)
    },
    120_000
  )
})
