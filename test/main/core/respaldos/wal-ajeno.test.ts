import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { openAppDatabase } from '../../../../src/main/core/db/open'
import { openSqlite } from '../../../../src/main/core/db/sqlite'
import { respaldar, verificarArchivo } from '../../../../src/main/core/respaldos'
import { restaurar } from '../../../../src/main/core/restaurar'
import { sha256, tempDir } from '../../../helpers/db'

// SQLite applies any -wal beside a file: one left there by another database makes a good backup
// look foreign ("No es una base de datos de Secretaría MITP") or damaged. It is named as what it
// is, the restore says what to do with it, and it never reaches the restored database.
const raiz = tempDir('mitp-wal-ajeno-')
afterAll(() => raiz.cleanup())
let n = 0

async function escenario() {
  const d = path.join(raiz.dir, `d${++n}`)
  fs.mkdirSync(d)
  const db = path.join(d, 'mitp.db')
  const app = await openAppDatabase(db)
  const plan = (id: string) =>
    app.handle.exec(
      `insert into planes (id, nombre, periodo_desde, periodo_hasta, created_at, updated_at) values ('${id}', 'Plan', '2014-01-01', '2014-12-31', 'x', 'x')`
    )
  plan('p-respaldo')
  const respaldo = path.join(d, 'respaldo.db')
  await respaldar(app.handle, respaldo)
  plan('p-despues')
  await app.close()
  // Another database's -wal, with its commits still in it, copied beside the backup.
  const otra = openSqlite(path.join(d, 'otra.db'))
  otra.exec("create table ajena (x); insert into ajena values ('de otra')")
  fs.copyFileSync(path.join(d, 'otra.db-wal'), `${respaldo}-wal`)
  otra.close()
  return { d, db, respaldo }
}

const MOTIVO =
  'El archivo "respaldo.db-wal" que está junto a "respaldo.db" no le corresponde (viene de otra base de datos o está dañado); "respaldo.db" sin él está en buen estado. Mueva "respaldo.db-wal" y "respaldo.db-shm" a otra carpeta (no los borre: podrían tener los últimos cambios) y vuelva a intentarlo.'

const planes = (file: string): string[] => {
  const h = new BetterSqlite3(file, { readonly: true })
  try {
    return (h.prepare('select id from planes order by id').pluck().all() as string[]).sort()
  } finally {
    h.close()
  }
}

describe('a -wal from another database beside a backup', () => {
  it('is named as the cause, with what to do; nothing is written', async () => {
    const { d, respaldo } = await escenario()
    const antes = fs.readdirSync(d).sort()
    const wal = sha256(`${respaldo}-wal`)
    const v = verificarArchivo(respaldo)
    expect(v).toMatchObject({ ok: false, walAjeno: true })
    expect(v.motivo).toBe(MOTIVO)
    expect(v.motivo).not.toMatch(/No es una base de datos|Restaure/)
    expect(fs.readdirSync(d).sort()).toEqual(antes)
    expect(sha256(`${respaldo}-wal`)).toBe(wal)
  })

  it('the restore says so and changes nothing; with the -wal moved away, it restores the backup', async () => {
    const { db, respaldo } = await escenario()
    const antes = sha256(db)
    let mensaje = ''
    try {
      restaurar(db, respaldo)
    } catch (e) {
      mensaje = (e as Error).message
    }
    expect(mensaje).toBe(
      `No se puede restaurar desde ese archivo todavía. ${MOTIVO} No se modificó nada.`
    )
    expect(sha256(db)).toBe(antes)
    expect(planes(db)).toContain('p-despues')

    fs.renameSync(`${respaldo}-wal`, path.join(raiz.dir, `apartado-${n}.db-wal`))
    restaurar(db, respaldo)
    expect(planes(db)).toContain('p-respaldo')
    expect(planes(db)).not.toContain('p-despues')
    const h = new BetterSqlite3(db, { readonly: true })
    expect(h.prepare("select count(*) from sqlite_master where name = 'ajena'").pluck().get()).toBe(
      0
    )
    h.close()
  })

  it('a damaged file with a -wal beside it is still called damaged', async () => {
    const { respaldo } = await escenario()
    const datos = fs.readFileSync(respaldo)
    fs.writeFileSync(respaldo, datos.subarray(0, Math.floor(datos.length / 2)))
    const v = verificarArchivo(respaldo)
    expect(v.ok).toBe(false)
    expect(v.walAjeno).toBeUndefined()
    expect(v.motivo).not.toMatch(/wal/)
  })

  it("a newer version's file with its own -wal is called newer, not given a stray -wal", async () => {
    const d = path.join(raiz.dir, 'nueva')
    fs.mkdirSync(d)
    const file = path.join(d, 'nueva.db')
    await (await openAppDatabase(file)).close()
    const h = openSqlite(file)
    h.exec("insert into schema_migrations (version, name, applied_at) values (999, 'futura', 'x')")
    // Copied while open: the commit is still in the -wal beside the copy.
    const copia = path.join(d, 'copia.db')
    fs.copyFileSync(file, copia)
    fs.copyFileSync(`${file}-wal`, `${copia}-wal`)
    h.close()
    const v = verificarArchivo(copia)
    expect(v).toMatchObject({ ok: false, schemaVersion: 999 })
    expect(v.walAjeno).toBeUndefined()
  })
})
