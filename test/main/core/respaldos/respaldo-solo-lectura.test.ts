import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { carpeta, respaldoWal, verificarYRestaurar } from './solo-lectura-comun'

/**
 * A backup on read-only media (a CD, a write-protected USB stick, a read-only network share) is
 * checked and restored without writing anything beside it: SQLite reading a WAL file in place
 * wants a -shm file there. Two proofs, since the tests may run as root (whom chmod does not stop):
 * a tmpfs remounted read-only (EROFS stops root too) where mounting is allowed, and, everywhere,
 * inotify on a plain folder, which sees even a file created and removed again.
 */

describe.each([false, true])(
  'a WAL backup on read-only media (with commits in its -wal: %s)',
  (conWal) => {
    it('creates no file beside it, not even for a moment (inotify sees what chmod cannot stop)', async () => {
      const dir = carpeta()
      const respaldo = path.join(dir, 'respaldo.db')
      await respaldoWal(respaldo, conWal)
      fs.chmodSync(respaldo, 0o444)
      fs.chmodSync(dir, 0o555)
      const vistos: string[] = []
      // Events on the folder itself (its chmod below) come with the folder's own name.
      const propio = path.basename(dir)
      const w = fs.watch(dir, (_evento, nombre) => {
        if (nombre !== propio) vistos.push(String(nombre))
      })
      try {
        verificarYRestaurar(respaldo, conWal)
        // Events arrive in order: once the marker's is seen, every earlier one has been.
        fs.chmodSync(dir, 0o755)
        fs.writeFileSync(path.join(dir, 'fin'), '')
        await expect.poll(() => vistos.includes('fin')).toBe(true)
      } finally {
        w.close()
      }
      expect(vistos.filter((n) => n !== 'fin')).toEqual([])
    })
  }
)
