import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openSqlite } from '../../../../src/main/core/db/sqlite'
import { restaurar, verificarArchivo } from '../../../../src/main/core/respaldos'
import { openTestApp, sha256, tempDir } from '../../../helpers/db'

/**
 * A backup on read-only media (a CD, a write-protected USB stick, a read-only network share) is
 * checked and restored without writing anything beside it: SQLite reading a WAL file in place
 * wants a -shm file there. Two proofs, since the tests may run as root (whom chmod does not stop):
 * a tmpfs remounted read-only (EROFS stops root too) where mounting is allowed, and, everywhere,
 * inotify on a plain folder, which sees even a file created and removed again.
 */

const carpetas: { dir: string; cleanup: () => void }[] = []
const montados: string[] = []
afterEach(() => {
  for (const m of montados.splice(0)) execFileSync('umount', [m])
  for (const c of carpetas.splice(0)) c.cleanup()
})
const carpeta = (): string => {
  const c = tempDir('mitp-ro-media-')
  carpetas.push(c)
  return c.dir
}

/** A WAL-mode backup, as the app's files are; with a commit left in its -wal if asked. */
async function respaldoWal(file: string, conWal: boolean): Promise<void> {
  const t = await openTestApp()
  try {
    t.app.handle.pragma('wal_checkpoint(TRUNCATE)')
    fs.copyFileSync(t.file, file)
    if (!conWal) return
    const h = openSqlite(file)
    h.pragma('wal_autocheckpoint = 0')
    h.exec('create table del_wal (x integer)')
    // The -wal stays (as after a copy of a live file): its commit must be read, not lost.
    fs.copyFileSync(`${file}-wal`, `${file}.wal-copia`)
    h.close()
    fs.renameSync(`${file}.wal-copia`, `${file}-wal`)
  } finally {
    await t.close()
  }
}

function verificarYRestaurar(respaldo: string, conWal: boolean): void {
  const v = verificarArchivo(respaldo)
  expect(v).toMatchObject({ ok: true })
  const destino = path.join(carpeta(), 'mitp.db')
  restaurar(destino, respaldo)
  const h = openSqlite(destino, { readonly: true })
  try {
    const n = (
      h.prepare("select count(*) as n from sqlite_master where name = 'del_wal'").get() as {
        n: number
      }
    ).n
    expect(n).toBe(conWal ? 1 : 0)
  } finally {
    h.close()
  }
}

describe.each([false, true])(
  'a WAL backup on read-only media (with commits in its -wal: %s)',
  (conWal) => {
    it('is checked and restored from a read-only file system, unchanged', async (ctx) => {
      const punto = carpeta()
      try {
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', punto], { stdio: 'ignore' })
      } catch {
        return ctx.skip()
      }
      montados.push(punto)
      const respaldo = path.join(punto, 'respaldo.db')
      await respaldoWal(respaldo, conWal)
      execFileSync('mount', ['-o', 'remount,ro', punto])
      const antes = fs.readdirSync(punto).sort()
      const hash = sha256(respaldo)
      verificarYRestaurar(respaldo, conWal)
      expect(fs.readdirSync(punto).sort()).toEqual(antes)
      expect(sha256(respaldo)).toBe(hash)
    })

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
