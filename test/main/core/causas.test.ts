import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { causaDe, explicar, MENSAJES_CAUSA, type Causa } from '../../../src/main/core/causas'
import { dispatch } from '../../../src/main/core/dispatch'
import { openAppDatabase } from '../../../src/main/core/db/open'
import { openTestApp } from '../../helpers/db'

// Every system and SQLite error that can reach a person, one by one: the cause it names.
const TABLA: [string, Causa][] = [
  ['ENOSPC', 'lleno'],
  ['EDQUOT', 'lleno'],
  ['EFBIG', 'lleno'],
  ['SQLITE_FULL', 'lleno'],
  ['EBUSY', 'bloqueado'],
  ['ETXTBSY', 'bloqueado'],
  ['EAGAIN', 'bloqueado'],
  ['SQLITE_BUSY', 'bloqueado'],
  ['SQLITE_BUSY_SNAPSHOT', 'bloqueado'],
  ['SQLITE_BUSY_RECOVERY', 'bloqueado'],
  ['SQLITE_LOCKED', 'bloqueado'],
  ['SQLITE_PROTOCOL', 'bloqueado'],
  ['SQLITE_IOERR_LOCK', 'bloqueado'],
  ['EACCES', 'sin_permiso'],
  ['EPERM', 'sin_permiso'],
  ['EROFS', 'sin_permiso'],
  ['SQLITE_READONLY', 'sin_permiso'],
  ['SQLITE_READONLY_DIRECTORY', 'sin_permiso'],
  ['SQLITE_READONLY_CANTINIT', 'sin_permiso'],
  ['SQLITE_READONLY_ROLLBACK', 'diario_pendiente'],
  ['SQLITE_PERM', 'sin_permiso'],
  ['SQLITE_AUTH', 'sin_permiso'],
  ['SQLITE_IOERR_ACCESS', 'sin_permiso'],
  ['SQLITE_CORRUPT', 'danado'],
  ['SQLITE_CORRUPT_INDEX', 'danado'],
  ['SQLITE_NOTADB', 'danado'],
  ['SQLITE_FORMAT', 'danado'],
  ['ENOENT', 'no_existe'],
  ['ENOTDIR', 'no_es_carpeta'],
  ['EISDIR', 'es_carpeta'],
  ['SQLITE_CANTOPEN_ISDIR', 'es_carpeta'],
  ['ELOOP', 'enlace_ciclico'],
  ['ENAMETOOLONG', 'nombre_largo'],
  ['SQLITE_CANTOPEN', 'no_se_abre'],
  ['EIO', 'disco'],
  ['ENXIO', 'disco'],
  ['ENODEV', 'disco'],
  ['ESTALE', 'disco'],
  ['SQLITE_IOERR', 'disco'],
  ['SQLITE_IOERR_WRITE', 'disco'],
  ['SQLITE_IOERR_FSYNC', 'disco'],
  ['ENOMEM', 'memoria'],
  ['SQLITE_NOMEM', 'memoria'],
  ['SQLITE_IOERR_NOMEM', 'memoria']
]

const error = (code: string): Error => Object.assign(new Error(`english ${code}`), { code })

describe('the table of errors', () => {
  it.each(TABLA)('%s → %s, in Spanish, with no English left', (code, causa) => {
    expect(causaDe(error(code))).toBe(causa)
    const m = explicar(error(code), 'guardar')!
    expect(m).toBe(`No se pudo guardar: ${MENSAJES_CAUSA[causa]}.`)
    expect(m).not.toMatch(/english|SQLITE|E[A-Z]{3,}/)
  })

  it('names a cause for every Spanish word the README promises, and none for other errors', () => {
    expect(Object.keys(MENSAJES_CAUSA).sort()).toEqual([...new Set(TABLA.map(([, c]) => c))].sort())
    expect(MENSAJES_CAUSA.lleno).toMatch(/lleno/)
    expect(MENSAJES_CAUSA.bloqueado).toMatch(/bloqueado por otro programa/)
    expect(MENSAJES_CAUSA.sin_permiso).toMatch(/sin permiso|no hay permiso/)
    expect(MENSAJES_CAUSA.danado).toMatch(/dañado/)
    expect(causaDe(new Error('x'))).toBeNull()
    expect(causaDe(error('SQLITE_CONSTRAINT_UNIQUE'))).toBeNull()
    expect(causaDe(Object.assign(new Error('w'), { cause: error('ENOSPC') }))).toBe('lleno')
  })
})

describe('a write on a full disk', () => {
  it('the user reads that the disk is full, not SQLite English nor "error inesperado"', async () => {
    const t = await openTestApp()
    try {
      t.app.handle.pragma(`max_page_count = ${t.app.handle.pragma('page_count', { simple: true })}`)
      let r
      for (let i = 0; i < 200; i++) {
        r = await dispatch(
          t.api,
          'institucion:crear',
          { sigla: `X${i}`, nombre: 'y'.repeat(290) },
          () => {}
        )
        if (!r.ok) break
      }
      expect(r).toEqual({
        ok: false,
        error: {
          code: 'interno',
          message: `No se pudo guardar el cambio: ${MENSAJES_CAUSA.lleno}. Sus datos no se modificaron.`
        }
      })
    } finally {
      await t.close()
    }
  })
})

/** A small tmpfs, where mounting is allowed (root in a container): a real full disk. */
function tmpfs(dir: string, size: string): boolean {
  fs.mkdirSync(dir, { recursive: true })
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

describe('a commit on a really full disk', () => {
  // Mounted only when the test runs (a filtered-out test must not leave a mount behind).
  let punto = ''
  let montado = false
  afterEach(() => {
    if (montado) execFileSync('umount', [punto])
    if (punto) fs.rmSync(punto, { recursive: true, force: true })
    montado = false
  })

  it('fails with SQLite\'s "full", not "cannot rollback", and the file still opens', async (ctx) => {
    punto = fs.mkdtempSync(path.join(os.tmpdir(), 'mitp-lleno-'))
    montado = tmpfs(punto, '2m')
    if (!montado) return ctx.skip()
    const file = path.join(punto, 'm.db')
    const app = await openAppDatabase(file)
    const libre = (): number => {
      const s = fs.statfsSync(punto)
      return s.bavail * s.bsize
    }
    const relleno = path.join(punto, 'relleno')
    fs.writeFileSync(relleno, Buffer.alloc(Math.max(0, libre() - 60_000)))
    const e = await app.db
      .transaction()
      .execute(async (trx) => {
        await sql`create table relleno(b)`.execute(trx)
        for (let i = 0; i < 10; i++)
          await sql`insert into relleno values (randomblob(50000))`.execute(trx)
      })
      .catch((x: unknown) => x)
    expect(String(e)).not.toMatch(/cannot rollback/)
    expect(causaDe(e)).toBe('lleno')
    await app.close()
    fs.rmSync(relleno)
    await (await openAppDatabase(file)).close()
  })
})
