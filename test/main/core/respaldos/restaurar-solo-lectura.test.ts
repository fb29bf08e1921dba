import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openAppDatabase } from '../../../../src/main/core/db/open'
import { ROOT } from '../../../helpers/cli'
import { sha256, tempDir } from '../../../helpers/db'

const raiz = tempDir('mitp-ro-')
afterAll(() => raiz.cleanup())
const setpriv = fs.existsSync('/usr/bin/setpriv') && process.getuid?.() === 0

/** Restoring into a folder the user cannot write: a Spanish message that says nothing changed. */
describe('restore into a read-only folder', () => {
  it.skipIf(!setpriv)(
    'says why and that nothing was modified (run as nobody)',
    async () => {
      fs.chmodSync(raiz.dir, 0o755)
      const carpeta = path.join(raiz.dir, 'solo-lectura')
      fs.mkdirSync(carpeta)
      const db = path.join(carpeta, 'mitp.db')
      // The backup in a folder nobody can write: reading it (WAL) needs its -shm.
      const propia = path.join(raiz.dir, 'propia')
      fs.mkdirSync(propia)
      fs.chmodSync(propia, 0o777)
      const respaldo = path.join(propia, 'respaldo.db')
      await (await openAppDatabase(db)).close()
      await (await openAppDatabase(respaldo)).close()
      fs.chmodSync(respaldo, 0o644)
      fs.chmodSync(carpeta, 0o555)
      const antes = sha256(db)
      const r = spawnSync(
        '/usr/bin/setpriv',
        [
          '--reuid=65534',
          '--regid=65534',
          '--clear-groups',
          process.execPath,
          '--import',
          'tsx',
          path.join(ROOT, 'src/main/cli/main.ts'),
          'restore',
          '--db',
          db,
          '--from',
          respaldo
        ],
        {
          cwd: ROOT,
          encoding: 'utf8',
          env: { ...process.env, MITP_DB: '', HOME: '/tmp' },
          timeout: 60_000
        }
      )
      expect(r.status, r.stderr).toBe(1)
      expect(r.stderr).toMatch(
        /No se pudo restaurar el respaldo: no hay permiso.*No se modificó nada\./
      )
      expect(sha256(db)).toBe(antes)
    },
    60_000
  )
})
