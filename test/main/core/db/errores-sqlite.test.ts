import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DatabaseOpenError, openAppDatabase } from '../../../../src/main/core/db/open'
import { sealViolation } from '../../../../src/main/core/db/sqlite'
import { openTestApp, sha256, tempDir, type TestApp } from '../../../helpers/db'
import { caller, cerrarYAprobar, prevencionConMiembros } from '../../../helpers/sesiones'

// Which SQLite errors mean what: the seal triggers of an approved acta, and files that cannot
// be opened or migrated. Real databases; the errors come from SQLite itself.
let t: TestApp
let aprobada: string
const tmp = tempDir('mitp-err-')
beforeAll(async () => {
  t = await openTestApp()
  const ctx = await prevencionConMiembros(t)
  const { ok } = caller(t)
  const s = await ok('sesion:crear', {
    instanciaId: ctx.prevencion.id,
    tipo: 'ordinaria',
    fecha: '2014-03-12',
    modalidad: 'presencial'
  })
  await cerrarYAprobar(t, s.id)
  aprobada = s.id
})
afterAll(async () => {
  await t.close()
  tmp.cleanup()
})

const error = (run: () => unknown): unknown => {
  try {
    run()
  } catch (e) {
    return e
  }
  throw new Error('no falló')
}

describe('sealViolation', () => {
  it('names the seal that refused a raw write', () => {
    const h = t.app.handle
    const editar = error(() =>
      h.prepare("update sesiones set lugar = 'otro' where id = ?").run(aprobada)
    )
    expect(sealViolation(editar)).toBe('acta_aprobada')
    const sinSello = error(() =>
      h
        .prepare(
          "insert into sesiones (id, instancia_id, tipo, numero, anio, fecha, modalidad, estado, created_at, updated_at) select 'x', instancia_id, tipo, 99, anio, fecha, modalidad, 'aprobada', created_at, updated_at from sesiones where id = ?"
        )
        .run(aprobada)
    )
    expect(sealViolation(sinSello)).toBe('acta_sin_sello')
  })

  it('is null for any other error', () => {
    const h = new BetterSqlite3(':memory:')
    h.exec(
      "create table a (x unique); create trigger otro before insert on a when NEW.x = 2 begin select raise(abort, 'otra_cosa'); end"
    )
    h.exec('insert into a values (1)')
    expect(sealViolation(error(() => h.exec('insert into a values (2)')))).toBeNull()
    expect(sealViolation(error(() => h.exec('insert into a values (1)')))).toBeNull()
    h.close()
    const falsa = Object.assign(new Error('acta_aprobada'), { code: 'SQLITE_CONSTRAINT_UNIQUE' })
    expect(sealViolation(falsa)).toBeNull()
    expect(sealViolation(new Error('acta_aprobada'))).toBeNull()
    expect(
      sealViolation({ code: 'SQLITE_CONSTRAINT_TRIGGER', message: 'acta_aprobada' })
    ).toBeNull()
    expect(sealViolation('acta_aprobada')).toBeNull()
    const trigger = (message: string) =>
      Object.assign(new Error(message), { code: 'SQLITE_CONSTRAINT_TRIGGER' })
    expect(sealViolation(trigger('acta_sin_sello'))).toBe('acta_sin_sello')
    expect(sealViolation(trigger('acta_aprobada'))).toBe('acta_aprobada')
    expect(sealViolation(trigger('plan_cerrado'))).toBe('plan_cerrado')
    expect(sealViolation(trigger('plan_cerrado '))).toBeNull()
  })
})

describe('openAppDatabase on files it cannot use', () => {
  it('refuses a file whose freelist is wrong, before writing to it', async () => {
    const file = path.join(tmp.dir, 'freelist.db')
    const h = new BetterSqlite3(file)
    h.exec(
      'create table schema_migrations (version integer primary key, name text, applied_at text)'
    )
    h.close()
    const fd = fs.openSync(file, 'r+')
    fs.writeSync(fd, Buffer.from([0, 0, 0, 5]), 0, 4, 36)
    fs.closeSync(fd)
    const antes = sha256(file)
    const e = await openAppDatabase(file).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(DatabaseOpenError)
    expect((e as DatabaseOpenError).reason).toBe('archivo_danado')
    expect((e as Error).message).toMatch(/está dañada \(.*Freelist/s)
    expect(sha256(file)).toBe(antes)
  })

  it('passes on a migration that fails, and lets the file go', async () => {
    const file = path.join(tmp.dir, 'choque.db')
    const h = new BetterSqlite3(file)
    h.exec(
      'create table schema_migrations (version integer primary key, name text, applied_at text)'
    )
    h.exec('create table planes (otra integer)')
    h.close()
    await expect(openAppDatabase(file)).rejects.toThrow(/planes/)
    // The failed open closed its connection; a new file opens in its place.
    fs.rmSync(file)
    const app = await openAppDatabase(file)
    expect(app.created).toBe(true)
    await app.close()
  })
})
