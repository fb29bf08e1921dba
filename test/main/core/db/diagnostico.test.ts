import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DatabaseOpenError, openAppDatabase } from '../../../../src/main/core/db/open'
import { openSqlite } from '../../../../src/main/core/db/sqlite'
import { respaldar } from '../../../../src/main/core/respaldos'
import { runCliProcess } from '../../../helpers/cli'
import { tempDir } from '../../../helpers/db'

/**
 * Files the app cannot use are named for what they are: "damaged, restore a backup" only for
 * damage. A read-only folder, a -wal from another database, a lock held by another program.
 */
const raiz = tempDir('mitp-diag-')
let sana: string
beforeAll(async () => {
  sana = path.join(raiz.dir, 'sana.db')
  await (await openAppDatabase(sana)).close()
}, 60_000)
afterAll(() => raiz.cleanup())

const motivo = (p: Promise<unknown>): Promise<unknown> =>
  p.then(
    () => 'abrió',
    (e: unknown) => (e instanceof DatabaseOpenError ? [e.reason, e.message] : String(e))
  )

/** A read-only folder: a read-only tmpfs as root, chmod otherwise; null where neither works. */
function carpetaSoloLectura(archivos: string[]): string | null {
  const dir = fs.mkdtempSync(path.join(raiz.dir, 'ro-'))
  for (const a of archivos) fs.copyFileSync(a, path.join(dir, path.basename(a)))
  if (process.getuid?.() !== 0) {
    fs.chmodSync(dir, 0o555)
    cerradas.push(dir)
    return dir
  }
  try {
    const copia = fs.mkdtempSync(path.join(raiz.dir, 'copia-'))
    for (const a of fs.readdirSync(dir)) fs.copyFileSync(path.join(dir, a), path.join(copia, a))
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', dir], { stdio: 'ignore' })
    for (const a of fs.readdirSync(copia)) fs.copyFileSync(path.join(copia, a), path.join(dir, a))
    execFileSync('mount', ['-o', 'remount,ro', dir], { stdio: 'ignore' })
    montados.push(dir)
    return dir
  } catch {
    return null
  }
}
const montados: string[] = []
const cerradas: string[] = []
afterAll(() => {
  montados.forEach((d) => execFileSync('umount', [d]))
  cerradas.forEach((d) => fs.chmodSync(d, 0o755))
})

describe('opening a file the app cannot use', () => {
  it('in a read-only folder: said so, with what to do, not "dañada"', async () => {
    const dir = carpetaSoloLectura([sana])
    if (!dir) return
    const r = await motivo(openAppDatabase(path.join(dir, 'sana.db')))
    expect(r).toEqual([
      'sin_permiso',
      expect.stringMatching(
        /^No se puede escribir en la carpeta ".*" \(es de solo lectura o de otro usuario\).*Copie la base de datos a una carpeta propia/
      )
    ])
    expect(String(r)).not.toMatch(/dañada|restaure/)
  })

  it('with a -wal from another database beside it: said so, sound without it', async () => {
    const dir = fs.mkdtempSync(path.join(raiz.dir, 'wal-'))
    const db = path.join(dir, 'mitp.db')
    fs.copyFileSync(sana, db)
    const otra = path.join(dir, 'otra.db')
    const h = openSqlite(otra)
    h.pragma('wal_autocheckpoint = 0')
    h.exec('create table t(x); insert into t values (randomblob(100000))')
    fs.copyFileSync(`${otra}-wal`, `${db}-wal`)
    h.close()
    const antes = fs.readFileSync(db)
    const r = await motivo(openAppDatabase(db))
    expect(r).toEqual([
      'wal_ajeno',
      expect.stringMatching(
        /^El archivo "mitp.db-wal" que está junto a la base de datos no le corresponde.*mueva "mitp.db-wal" y "mitp.db-shm" a otra carpeta/
      )
    ])
    expect(fs.readFileSync(db).equals(antes)).toBe(true)
    fs.rmSync(`${db}-wal`)
    fs.rmSync(`${db}-shm`, { force: true })
    await (await openAppDatabase(db)).close()
  })

  it('locked by another program: said so, not "dañada"', async () => {
    const dir = fs.mkdtempSync(path.join(raiz.dir, 'lock-'))
    const db = path.join(dir, 'mitp.db')
    fs.copyFileSync(sana, db)
    const otro = openSqlite(db)
    otro.pragma('locking_mode = EXCLUSIVE')
    otro.exec('create table tomado(x); insert into tomado values (1)')
    try {
      const r = await motivo(openAppDatabase(db))
      expect(r).toEqual(['en_uso', expect.stringMatching(/bloqueado por otro programa/)])
    } finally {
      otro.close()
    }
  }, 30_000)
})

describe('backing up a file another program holds', () => {
  it('gives up in Spanish after its time limit, leaving no temporary file', async () => {
    const dir = fs.mkdtempSync(path.join(raiz.dir, 'resp-'))
    const db = path.join(dir, 'mitp.db')
    fs.copyFileSync(sana, db)
    const h = openSqlite(db, { readonly: true })
    h.pragma('busy_timeout = 10')
    const otro = openSqlite(db)
    otro.pragma('busy_timeout = 10')
    const destino = path.join(dir, 'resp.db')
    // A first page copied, then the other program takes the file for itself.
    const r = respaldar(h, destino, 300)
    otro.pragma('locking_mode = EXCLUSIVE')
    otro.exec('create table tomado(x); insert into tomado values (randomblob(100000))')
    const e = await r.then(
      () => 'terminó',
      (x: unknown) => String(x)
    )
    otro.close()
    h.close()
    expect(e).toMatch(
      /^terminó$|(no avanzó en 0 segundos: la base de datos|No se pudo hacer el respaldo: el archivo) está bloquead[ao] por otro programa/
    )
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('resp.db'))).toEqual(
      e === 'terminó' ? ['resp.db'] : []
    )
  }, 30_000)

  it('the CLI backs up a read-only database with read-only -wal and -shm beside it', () => {
    const fuente = path.join(raiz.dir, 'con-wal.db')
    fs.copyFileSync(sana, fuente)
    const h = openSqlite(fuente)
    h.pragma('wal_autocheckpoint = 0')
    h.exec('create table extra(x); insert into extra values (randomblob(500000))')
    const copia = path.join(raiz.dir, 'copia-wal')
    fs.mkdirSync(copia)
    for (const s of ['', '-wal', '-shm']) fs.copyFileSync(fuente + s, path.join(copia, `m.db${s}`))
    h.close()
    const dir = carpetaSoloLectura(['', '-wal', '-shm'].map((s) => path.join(copia, `m.db${s}`)))
    if (!dir) return
    const out = path.join(raiz.dir, 'de-solo-lectura.db')
    const r = runCliProcess(['backup', '--db', path.join(dir, 'm.db'), '--out', out])
    expect(r.stderr).toBe('')
    expect(r.stdout).toMatch(/Respaldo verificado/)
    expect(fs.existsSync(out)).toBe(true)
  }, 60_000)
})
