import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { openAppDatabase } from '../../../../src/main/core/db/open'
import { openSqlite } from '../../../../src/main/core/db/sqlite'
import {
  archivosReales,
  restaurar,
  type OperacionesArchivo
} from '../../../../src/main/core/restaurar'
import { tempDir } from '../../../helpers/db'
import { ROOT } from '../../../helpers/cli'

/**
 * Restore as a transaction of files: whichever file operation fails (a full disk, a disk that
 * stops answering), the database path still opens, holding the old data or the restored data,
 * and the old data is never lost.
 */
const raiz = tempDir('mitp-restaurar-')
let plantilla: string
let respaldo: string
const ORIGINAL = ['guardado', 'en-el-wal']

/** The rows of the marker table: which database a file is. */
function marca(file: string): string[] {
  const h = openSqlite(file, { readonly: true })
  try {
    return (h.prepare('select v from marca order by rowid').all() as { v: string }[]).map(
      (r) => r.v
    )
  } finally {
    h.close()
  }
}

beforeAll(async () => {
  const base = path.join(raiz.dir, 'base.db')
  await (await openAppDatabase(base)).close()
  respaldo = path.join(raiz.dir, 'respaldo.db')
  fs.copyFileSync(base, respaldo)
  const r = openSqlite(respaldo)
  r.exec("create table marca(v text); insert into marca values ('respaldo')")
  r.close()
  // The current file as a crashed app leaves it: a commit still only in its -wal.
  plantilla = path.join(raiz.dir, 'plantilla.db')
  fs.copyFileSync(base, plantilla)
  const h = openSqlite(plantilla)
  h.pragma('wal_autocheckpoint = 0')
  h.exec("create table marca(v text); insert into marca values ('guardado')")
  h.pragma('wal_checkpoint(TRUNCATE)')
  h.exec("insert into marca values ('en-el-wal')")
  fs.copyFileSync(plantilla, `${plantilla}.copia`)
  fs.copyFileSync(`${plantilla}-wal`, `${plantilla}.copia-wal`)
  h.close()
}, 60_000)
afterAll(() => raiz.cleanup())

// SQLite's -shm index comes and goes with every reader: not part of what is compared.
const archivos = (dir: string): string[] =>
  fs
    .readdirSync(dir)
    .filter((f) => !f.endsWith('-shm'))
    .sort()

let n = 0
function escenario(): { dir: string; db: string } {
  const dir = path.join(raiz.dir, `e${++n}`)
  fs.mkdirSync(dir)
  const db = path.join(dir, 'mitp.db')
  fs.copyFileSync(`${plantilla}.copia`, db)
  fs.copyFileSync(`${plantilla}.copia-wal`, `${db}-wal`)
  return { dir, db }
}

const lleno = (): Error =>
  Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })

/** The real operations, failing at call number `k` (and every later one, if `siempre`). */
function fallandoEn(k: number, siempre: boolean): OperacionesArchivo & { llamadas: number } {
  const ops = { llamadas: 0 } as OperacionesArchivo & { llamadas: number }
  for (const [nombre, f] of Object.entries(archivosReales) as [
    keyof OperacionesArchivo,
    (...a: string[]) => void
  ][]) {
    ops[nombre] = (...a: string[]) => {
      ops.llamadas++
      if (ops.llamadas === k || (siempre && ops.llamadas > k)) throw lleno()
      f(...a)
    }
  }
  return ops
}

async function abre(db: string): Promise<void> {
  await (await openAppDatabase(db, { seed: false })).close()
}

/**
 * The file operations a whole restore makes, counted on a scenario of its own: each test that
 * walks the steps counts them itself, so it walks them when run alone (-t) too.
 */
function contarPasos(): number {
  const { db } = escenario()
  const ops = fallandoEn(0, false)
  restaurar(db, respaldo, ops)
  expect(ops.llamadas).toBeGreaterThanOrEqual(4)
  return ops.llamadas
}

describe('restore, when a file operation fails', () => {
  it('succeeds with no failure: the backup at the path, the old file and -wal kept aside', () => {
    const { db } = escenario()
    const ops = fallandoEn(0, false)
    const { copiaAnterior } = restaurar(db, respaldo, ops)
    expect(ops.llamadas).toBeGreaterThanOrEqual(4)
    expect(marca(db)).toEqual(['respaldo'])
    expect(marca(copiaAnterior!)).toEqual(ORIGINAL)
  })

  it('at every step: the path opens with the old data, nothing left behind', async () => {
    const pasos = contarPasos()
    let rechazos = 0
    for (let k = 1; k <= pasos; k++) {
      const { dir, db } = escenario()
      let copia: string | null = null
      try {
        // A hard link that fails is replaced by a copy: then the restore goes through.
        copia = restaurar(db, respaldo, fallandoEn(k, false)).copiaAnterior
      } catch (e) {
        rechazos++
        expect(String(e), `paso ${k}`).toMatch(
          /No se pudo restaurar el respaldo: el disco está lleno.*La base de datos quedó como estaba/
        )
      }
      if (copia) {
        expect(marca(db), `paso ${k}`).toEqual(['respaldo'])
        expect(marca(copia), `paso ${k}`).toEqual(ORIGINAL)
      } else {
        expect(marca(db), `paso ${k}`).toEqual(ORIGINAL)
        // the -wal's commits were moved into the file (SQLite's exclusive access) before any step
        expect(archivos(dir), `paso ${k}`).toEqual(['mitp.db'])
      }
      await abre(db)
    }
    expect(rechazos).toBeGreaterThanOrEqual(pasos - 2)
  })

  it('from every step on (the disk stopped answering): the path opens, no commit is lost', async () => {
    const pasos = contarPasos()
    for (let k = 1; k <= pasos; k++) {
      const { dir, db } = escenario()
      expect(() => restaurar(db, respaldo, fallandoEn(k, true)), `paso ${k}`).toThrow(
        /el disco está lleno/
      )
      const aparte = fs.readdirSync(dir).find((f) => /antes-de-restaurar-[\d-]+$/.test(f))
      // Either all is as it was, or the set-aside pair holds every commit.
      if (aparte) expect(marca(path.join(dir, aparte)), `paso ${k}`).toEqual(ORIGINAL)
      else expect(marca(db), `paso ${k}`).toEqual(ORIGINAL)
      await abre(db)
    }
  })

  it('killed (SIGKILL) before any step: the path opens with every commit; the next restore tidies up', async () => {
    const hijo = path.join(ROOT, 'test/helpers/restaurar-hijo.ts')
    const pasos = contarPasos()
    for (let k = 1; k <= pasos + 1; k++) {
      const { dir, db } = escenario()
      const r = spawnSync(process.execPath, ['--import', 'tsx', hijo, db, respaldo, String(k)], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 60_000
      })
      if (k <= pasos) expect(r.signal, `paso ${k}: ${r.stderr}`).toBe('SIGKILL')
      else expect(r.stdout, r.stderr).toContain(`pasos=${pasos}`)
      const m = marca(db)
      // Old or new, never the old one missing the commits that were only in its -wal.
      if (m[0] === 'respaldo') expect(m, `paso ${k}`).toEqual(['respaldo'])
      else expect(m, `paso ${k}`).toEqual(ORIGINAL)
      await abre(db)
      restaurar(db, respaldo)
      expect(marca(db)).toEqual(['respaldo'])
      expect(
        archivos(dir).filter((f) => /tmp|restaurando$/.test(f)),
        `paso ${k}`
      ).toEqual([])
    }
  }, 300_000)

  it('a backup with commits still in its -wal is restored whole', () => {
    const { dir, db } = escenario()
    const desde = path.join(dir, 'con-wal.db')
    fs.copyFileSync(respaldo, desde)
    const h = openSqlite(desde)
    h.pragma('wal_autocheckpoint = 0')
    h.exec("insert into marca values ('solo-en-el-wal')")
    fs.copyFileSync(desde, path.join(dir, 'copia.db'))
    fs.copyFileSync(`${desde}-wal`, path.join(dir, 'copia.db-wal'))
    h.close()
    restaurar(db, path.join(dir, 'copia.db'))
    expect(marca(db)).toEqual(['respaldo', 'solo-en-el-wal'])
  })

  it('refuses the very file it would replace, by name or through a link, in Spanish', () => {
    const { dir, db } = escenario()
    fs.linkSync(db, path.join(dir, 'otro-nombre.db'))
    for (const desde of [db, path.join(dir, '.', 'mitp.db'), path.join(dir, 'otro-nombre.db')])
      expect(() => restaurar(db, desde)).toThrow(
        /es la misma base de datos que se quiere reemplazar/
      )
    expect(marca(db)).toEqual(ORIGINAL)
  })
})

/** A small tmpfs, where mounting is allowed (root in a container): a real full disk. */
function montarTmpfs(dir: string, size: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

describe('restore on a really full disk', () => {
  // Mounted only when the test runs (a filtered-out test must not leave a mount behind).
  const punto = path.join(raiz.dir, 'tmpfs')
  let montado = false
  afterEach(() => {
    if (montado) execFileSync('umount', [punto])
    montado = false
  })

  it('a backup bigger than the free space: refused, the path still opens', async (ctx) => {
    fs.mkdirSync(punto, { recursive: true })
    montado = montarTmpfs(punto, '3m')
    if (!montado) return ctx.skip()
    const grande = path.join(raiz.dir, 'grande.db')
    fs.copyFileSync(respaldo, grande)
    const h = openSqlite(grande)
    h.prepare('create table relleno(b blob)').run()
    h.prepare('insert into relleno values (randomblob(4000000))').run()
    h.close()
    const db = path.join(punto, 'mitp.db')
    fs.copyFileSync(`${plantilla}.copia`, db)
    fs.copyFileSync(`${plantilla}.copia-wal`, `${db}-wal`)
    expect(() => restaurar(db, grande)).toThrow(/el disco está lleno/)
    expect(marca(db)).toEqual(ORIGINAL)
    expect(archivos(punto)).toEqual(['mitp.db'])
    await abre(db)
  })
})
