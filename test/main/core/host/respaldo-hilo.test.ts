import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { iniciarNucleo, type Nucleo } from '../../../../src/main/core/host/nucleo'
import { workerDeDesarrollo } from '../../../../src/main/bridge/worker-dev'
import { openSqlite } from '../../../../src/main/core/db/sqlite'
import { listarRespaldos, verificarArchivo } from '../../../../src/main/core/respaldos'
import { respaldosTerminados } from '../../../../src/main/core/respaldo-aparte'
import { openTestApp, tempDir, type TestApp } from '../../../helpers/db'
import { caller, conFirmantes, prevencionConMiembros } from '../../../helpers/sesiones'
import { workerConRespaldoRetenido } from '../../../helpers/respaldo-retenido'

/**
 * The backup after approving an acta, as the app takes it: in a thread of its own, after the
 * call has answered. It holds the approved acta (its hash), and closing the core waits for it.
 */
const dir = tempDir('mitp-respaldo-hilo-')
let t: TestApp
/** Two closed actas ready to approve, and the later session they are approved in. */
const ids = { primera: '', segunda: '', tercera: '', en: '' }
const abiertos: Nucleo[] = []

beforeAll(async () => {
  t = await openTestApp()
  const { prevencion } = await prevencionConMiembros(t)
  const { ok } = caller(t)
  const nueva = (fecha: string) =>
    ok('sesion:crear', {
      instanciaId: prevencion.id,
      tipo: 'ordinaria',
      fecha,
      modalidad: 'presencial'
    })
  for (const [k, fecha] of [
    ['primera', '2014-03-12'],
    ['segunda', '2014-04-09'],
    ['tercera', '2014-04-23']
  ] as const) {
    ids[k] = (await nueva(fecha)).id
    await conFirmantes(t, ids[k])
    await ok('sesion:cerrar', { id: ids[k] })
  }
  ids.en = (await nueva('2014-05-14')).id
}, 60_000)
afterAll(async () => {
  // A backup still held (a failed test) is let go, so closing does not wait for it.
  for (const base of ['retenido', 'cerrando'])
    if (fs.existsSync(path.join(dir.dir, base)))
      fs.writeFileSync(path.join(dir.dir, base, 'soltar'), '')
  for (const n of abiertos) await n.cerrar()
  await t.close()
  dir.cleanup()
})

async function nucleo(respaldos: string, workerFile: string): Promise<Nucleo> {
  const n = await iniciarNucleo({
    dbPath: t.file,
    version: 'prueba',
    workerFile,
    respaldosDir: respaldos,
    printPdf: null,
    log: () => {}
  })
  abiertos.push(n)
  return n
}

const aprobar = (n: Nucleo, id: string) =>
  n.call('sesion:aprobar', { id, enSesionId: ids.en, observaciones: '' }) as Promise<
    { ok: true; value: { estado: string } } | { ok: false; error: { message: string } }
  >

/** The approved acta as stored in a backup file, read with SQLite. */
function actaEn(archivo: string, id: string): { estado: string; hash: string | null } {
  const h = openSqlite(archivo, { readonly: true })
  try {
    return h.prepare('select estado, hash from sesiones where id = ?').get(id) as {
      estado: string
      hash: string | null
    }
  } finally {
    h.close()
  }
}

const hashEnVivo = async (id: string): Promise<string | null> =>
  (
    await t.app.db
      .selectFrom('sesiones')
      .select('hash')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).hash

const deAprobacion = (respaldos: string) =>
  listarRespaldos(respaldos).filter((r) => r.motivo === 'aprobacion')

describe('the backup after approving an acta, in its own thread', () => {
  it('follows the answer: the call returns while the thread is held, then the file holds the approved acta', async () => {
    const base = path.join(dir.dir, 'retenido')
    const respaldos = path.join(base, 'respaldos')
    fs.mkdirSync(base)
    const soltar = path.join(base, 'soltar')
    // The daily backup at start goes through unheld.
    fs.writeFileSync(soltar, '')
    const n = await nucleo(respaldos, workerConRespaldoRetenido())
    await expect
      .poll(() => listarRespaldos(respaldos).filter((r) => r.motivo === 'diario').length, {
        timeout: 20_000
      })
      .toBe(1)
    fs.rmSync(soltar)
    const r = await Promise.race([
      aprobar(n, ids.primera),
      new Promise((listo) => setTimeout(() => listo('la aprobación esperó al respaldo'), 15_000))
    ])
    expect(r).toMatchObject({ ok: true, value: { estado: 'aprobada' } })
    // The thread has started and waits: the call did not wait for it.
    await expect
      .poll(() => fs.existsSync(path.join(base, 'retenido-aprobacion')), { timeout: 20_000 })
      .toBe(true)
    expect(deAprobacion(respaldos)).toEqual([])
    fs.writeFileSync(soltar, '')
    await expect.poll(() => deAprobacion(respaldos).length, { timeout: 20_000 }).toBe(1)
    const [archivo] = deAprobacion(respaldos)
    expect(verificarArchivo(archivo!.archivo).ok).toBe(true)
    const hash = await hashEnVivo(ids.primera)
    expect(hash).toMatch(/^[0-9a-f]{64}$/)
    expect(actaEn(archivo!.archivo, ids.primera)).toEqual({ estado: 'aprobada', hash })
  }, 60_000)

  it('is not lost when the core is closed right after the approval', async () => {
    const respaldos = path.join(dir.dir, 'al-cerrar', 'respaldos')
    const n = await nucleo(respaldos, workerDeDesarrollo())
    const aprobando = aprobar(n, ids.segunda)
    await n.cerrar()
    expect(await aprobando).toMatchObject({ ok: true, value: { estado: 'aprobada' } })
    const [archivo, ...otros] = deAprobacion(respaldos)
    expect(otros).toEqual([])
    expect(verificarArchivo(archivo!.archivo).ok).toBe(true)
    expect(actaEn(archivo!.archivo, ids.segunda)).toEqual({
      estado: 'aprobada',
      hash: await hashEnVivo(ids.segunda)
    })
  }, 60_000)

  it('is not lost when it is asked while closing waits for an earlier backup', async () => {
    const base = path.join(dir.dir, 'cerrando')
    const respaldos = path.join(base, 'respaldos')
    fs.mkdirSync(base)
    // The daily backup at start is held: closing waits for it, and meanwhile an acta is approved.
    const n = await nucleo(respaldos, workerConRespaldoRetenido())
    await expect
      .poll(() => fs.existsSync(path.join(base, 'retenido-diario')), { timeout: 20_000 })
      .toBe(true)
    const cerrando = n.cerrar()
    expect(await aprobar(n, ids.tercera)).toMatchObject({ ok: true, value: { estado: 'aprobada' } })
    fs.writeFileSync(path.join(base, 'soltar'), '')
    await cerrando
    const [archivo, ...otros] = deAprobacion(respaldos)
    expect(otros).toEqual([])
    expect(verificarArchivo(archivo!.archivo).ok).toBe(true)
    expect(actaEn(archivo!.archivo, ids.tercera)).toEqual({
      estado: 'aprobada',
      hash: await hashEnVivo(ids.tercera)
    })
  }, 60_000)
})

describe('closing waits for calls and backups', () => {
  it('for a bounded time: a call that never ends does not keep the file open for ever', async () => {
    const nunca = new Promise<void>(() => {})
    expect(await respaldosTerminados(() => [nunca], 50)).toBe(false)
    let termina: () => void = () => {}
    const pronto = new Promise<void>((listo) => (termina = listo))
    let enCurso = true
    const espera = respaldosTerminados(() => (enCurso ? [pronto] : []), 5_000)
    setTimeout(() => {
      enCurso = false
      termina()
    }, 20)
    expect(await espera).toBe(true)
  })
})
