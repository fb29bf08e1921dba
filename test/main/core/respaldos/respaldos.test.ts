import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openAppDatabase } from '../../../../src/main/core/db/open'
import { createKysely, openSqlite } from '../../../../src/main/core/db/sqlite'
import { migrate } from '../../../../src/main/core/db/migrator'
import { LATEST_SCHEMA_VERSION } from '../../../../src/main/core/db/migrations'
import { seedPlanInicial } from '../../../../src/main/core/seed/plan-inicial'
import { createAppApi } from '../../../../src/main/core/api'
import {
  CONSERVAR,
  listarRespaldos,
  respaldoAutomatico,
  restaurar,
  rotarRespaldos,
  ultimoRespaldoBueno,
  verificarArchivo
} from '../../../../src/main/core/respaldos'
import { crearLog, LOG_ARCHIVOS, LOG_MAX_BYTES } from '../../../../src/main/core/log'
import { dispatch } from '../../../../src/main/core/dispatch'
import { runCliProcess } from '../../../helpers/cli'
import { openTestApp, sha256, tempDir } from '../../../helpers/db'
import { conFirmantes, prevencionConMiembros, caller } from '../../../helpers/sesiones'

const cleanups: (() => void | Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})
function dir(): string {
  const t = tempDir('mitp-resp-')
  cleanups.push(t.cleanup)
  return t.dir
}

describe('backups', () => {
  it('are written through a temporary name, verified, once a day, and rotated keeping 30 plus pre-migration ones', async () => {
    const t = await openTestApp()
    cleanups.push(t.close)
    const d = dir()
    const first = await respaldoAutomatico(
      t.app.handle,
      d,
      'diario',
      new Date('2014-03-12T10:00:00Z')
    )
    expect(path.basename(first!)).toBe('secretaria-mitp-20140312-100000-diario.db')
    expect(
      await respaldoAutomatico(t.app.handle, d, 'diario', new Date('2014-03-12T18:00:00Z'))
    ).toBeNull()
    expect(verificarArchivo(first!)).toMatchObject({
      ok: true,
      schemaVersion: LATEST_SCHEMA_VERSION,
      filas: { planes: 1, acciones: 25 }
    })
    fs.copyFileSync(first!, path.join(d, 'secretaria-mitp-20140101-000000-antes-de-migrar-v1.db'))
    for (let i = 0; i < CONSERVAR + 5; i++)
      await respaldoAutomatico(
        t.app.handle,
        d,
        'aprobacion',
        new Date(Date.UTC(2014, 3, 1, 0, 0, i))
      )
    const todos = listarRespaldos(d)
    expect(todos.filter((r) => !r.motivo.startsWith('antes-de-migrar'))).toHaveLength(CONSERVAR)
    expect(todos.some((r) => r.motivo === 'antes-de-migrar-v1')).toBe(true)
    expect(todos.some((r) => r.motivo === 'diario')).toBe(false) // the oldest went first
    expect(fs.readdirSync(d).filter((f) => f.endsWith('.tmp'))).toEqual([])
    expect(rotarRespaldos(d)).toEqual([])
  })

  it('are taken before migrating an existing file', async () => {
    const d = dir()
    const file = path.join(d, 'v1.db')
    const handle = openSqlite(file)
    const db = createKysely(handle)
    await migrate(db, 1)
    await seedPlanInicial(db)
    await db.destroy()
    const app = await openAppDatabase(file, { respaldosDir: path.join(d, 'respaldos') })
    cleanups.push(() => app.close())
    expect(app.schemaVersion).toBe(LATEST_SCHEMA_VERSION)
    const [r] = listarRespaldos(path.join(d, 'respaldos'))
    expect(r!.motivo).toBe('antes-de-migrar-v1')
    expect(verificarArchivo(r!.archivo)).toMatchObject({
      ok: true,
      schemaVersion: 1,
      filas: { acciones: 25 }
    })
  })

  it('are taken after an acta is approved', async () => {
    const d = dir()
    const t = await openTestApp()
    cleanups.push(t.close)
    const api = createAppApi(t.app, {
      version: 't',
      alAprobar: () => respaldoAutomatico(t.app.handle, d, 'aprobacion')
    })
    const ctx = await prevencionConMiembros(t)
    const s = await api['sesion:crear']({
      instanciaId: ctx.prevencion.id,
      tipo: 'ordinaria',
      fecha: '2014-03-12',
      modalidad: 'presencial'
    })
    await conFirmantes(t, s.id)
    await api['sesion:cerrar']({ id: s.id })
    // An acta is approved in a later session.
    const en = await api['sesion:crear']({
      instanciaId: ctx.prevencion.id,
      tipo: 'ordinaria',
      fecha: '2014-06-11',
      modalidad: 'presencial'
    })
    expect(listarRespaldos(d)).toEqual([])
    await api['sesion:aprobar']({ id: s.id, enSesionId: en.id, observaciones: '' })
    // The backup follows the answer, off the request path.
    await expect.poll(() => listarRespaldos(d).length).toBe(1)
    const [r] = listarRespaldos(d)
    expect(r!.motivo).toBe('aprobacion')
    expect(verificarArchivo(r!.archivo).filas.sesiones).toBe(2)
    expect(caller).toBeDefined()
  })

  it('refuse damaged, truncated or foreign files, and restore keeps the current file aside', async () => {
    const t = await openTestApp()
    cleanups.push(t.close)
    const d = dir()
    const good = (await respaldoAutomatico(t.app.handle, d, 'manual'))!
    const truncated = path.join(d, 'secretaria-mitp-20990101-000000-manual.db')
    fs.writeFileSync(truncated, fs.readFileSync(good).subarray(0, 8192))
    expect(verificarArchivo(truncated).ok).toBe(false)
    expect(ultimoRespaldoBueno(d)!.archivo).toBe(good)
    const damaged = path.join(d, 'actual.db')
    fs.writeFileSync(
      damaged,
      Buffer.concat([Buffer.from('SQLite format 3\u0000'), Buffer.alloc(4000, 1)])
    )
    const hash = sha256(damaged)
    expect(() => restaurar(damaged, truncated)).toThrow(/No se puede restaurar/)
    expect(sha256(damaged)).toBe(hash)
    const { copiaAnterior } = restaurar(damaged, good)
    expect(sha256(copiaAnterior!)).toBe(hash)
    expect(verificarArchivo(damaged)).toMatchObject({ ok: true, filas: { acciones: 25 } })
  })

  it('CLI: check, backup and restore', async () => {
    const d = dir()
    const file = path.join(d, 'mitp.db')
    const app = await openAppDatabase(file)
    await app.close()
    expect(runCliProcess(['check', '--db', file])).toMatchObject({ status: 0 })
    const out = path.join(d, 'copia.db')
    const b = runCliProcess(['backup', '--db', file, '--out', out])
    expect(b.stderr).toBe('')
    expect(verificarArchivo(out).ok).toBe(true)
    fs.writeFileSync(file, 'dañado')
    const c = runCliProcess(['check', '--db', file])
    expect(c.status).toBe(1)
    expect(c.stderr).toContain('No es una base de datos SQLite.')
    const r = runCliProcess(['restore', '--db', file, '--from', out])
    expect(r.status).toBe(0)
    expect(verificarArchivo(file).ok).toBe(true)
    expect(fs.readdirSync(d).some((f) => f.startsWith('mitp.db.antes-de-restaurar-'))).toBe(true)
  })
})

describe('log', () => {
  it('rotates, keeps three files, and records no acta content', async () => {
    const d = dir()
    const log = crearLog(d)
    const t = await openTestApp()
    cleanups.push(t.close)
    // An internal error while saving a secret text: the log names the channel, not the text.
    await t.app.db.destroy()
    const r = await dispatch(
      t.api,
      'punto:actualizar',
      {
        id: '01900000-0000-7000-8000-000000000000',
        titulo: 'Caso reservado',
        desarrollo: 'Víctima identificada como NN'
      },
      log
    )
    expect(r).toMatchObject({ ok: false, error: { code: 'interno' } })
    const text = fs.readFileSync(path.join(d, 'secretaria-mitp.log'), 'utf8')
    expect(text).toContain('error en punto:actualizar')
    expect(text).not.toContain('Víctima')
    expect(text).not.toContain('Caso reservado')
    for (let i = 0; i < 60; i++) log('x'.repeat(LOG_MAX_BYTES / 10))
    const files = fs.readdirSync(d).sort()
    expect(files).toEqual([
      'secretaria-mitp.log',
      ...Array.from({ length: LOG_ARCHIVOS }, (_, i) => `secretaria-mitp.log.${i + 1}`)
    ])
    t.app = await openAppDatabase(t.file)
  })
})
