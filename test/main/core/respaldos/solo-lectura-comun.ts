import fs from 'node:fs'
import path from 'node:path'
import { afterEach, expect } from 'vitest'
import { openSqlite } from '../../../../src/main/core/db/sqlite'
import { restaurar, verificarArchivo } from '../../../../src/main/core/respaldos'
import { openTestApp, tempDir } from '../../../helpers/db'

/** What the tests of a backup on read-only media share (no child process: mutation runs them). */
const carpetas: { dir: string; cleanup: () => void }[] = []
afterEach(() => {
  for (const c of carpetas.splice(0)) c.cleanup()
})
export const carpeta = (): string => {
  const c = tempDir('mitp-ro-media-')
  carpetas.push(c)
  return c.dir
}

/** A WAL-mode backup, as the app's files are; with a commit left in its -wal if asked. */
export async function respaldoWal(file: string, conWal: boolean): Promise<void> {
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

export function verificarYRestaurar(respaldo: string, conWal: boolean): void {
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
