import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createAppApi } from '../../../../src/main/core/api'
import { respaldoAparte } from '../../../../src/main/core/respaldo-aparte'
import { listarRespaldos, verificarArchivo } from '../../../../src/main/core/respaldos'
import { puertaBase } from '../../../helpers/browser'
import type { Evento } from '../../../../src/shared/api/eventos'
import { openTestApp, type TestApp } from '../../../helpers/db'
import { conFirmantes, prevencionConMiembros } from '../../../helpers/sesiones'

/**
 * Approving an acta answers once the approval is committed: the backup the host takes then
 * follows off the request path, and when it fails the approval stands and the failure is
 * reported in the app's log and to the screens.
 */
let t: TestApp
afterEach(() => t?.close())

async function aprobarCon(respaldo: () => Promise<unknown>, abierta?: TestApp) {
  t = abierta ?? (await openTestApp())
  const eventos: Evento[] = []
  const registro: string[] = []
  const api = createAppApi(t.app, {
    version: 't',
    alAprobar: respaldo,
    alEvento: (e) => eventos.push(e),
    log: (m) => registro.push(m)
  })
  const { prevencion: instancia } = await prevencionConMiembros(t)
  const s = await api['sesion:crear']({
    instanciaId: instancia.id,
    tipo: 'ordinaria',
    fecha: '2014-03-12',
    modalidad: 'presencial'
  })
  await conFirmantes(t, s.id)
  await api['sesion:cerrar']({ id: s.id })
  // An acta is approved in a later session.
  const en = await api['sesion:crear']({
    instanciaId: instancia.id,
    tipo: 'ordinaria',
    fecha: '2014-06-11',
    modalidad: 'presencial'
  })
  const t0 = performance.now()
  const aprobada = await api['sesion:aprobar']({ id: s.id, enSesionId: en.id, observaciones: '' })
  return { aprobada, ms: performance.now() - t0, eventos, registro, api }
}

/** What a promise settled to, or 'sin respuesta' if it had not after a bound far above its need. */
const antesDe = <T>(p: Promise<T>, ms = 5000): Promise<T | 'sin respuesta'> =>
  Promise.race([p, new Promise<'sin respuesta'>((r) => setTimeout(() => r('sin respuesta'), ms))])

describe('approving an acta and its backup', () => {
  it('answers without waiting for a slow backup, which still runs', async () => {
    let hecho = false
    const r = await aprobarCon(
      () => new Promise((ok) => setTimeout(() => ((hecho = true), ok(null)), 1500))
    )
    expect(r.aprobada.estado).toBe('aprobada')
    expect(r.ms).toBeLessThan(1000)
    expect(hecho).toBe(false)
    await expect.poll(() => hecho, { timeout: 5000 }).toBe(true)
  })

  it('holds nothing the next calls wait for: they are answered while the backup is under way', async () => {
    // A backup that runs until the test lets it finish.
    let terminar!: () => void
    let terminado = false
    const r = await aprobarCon(() =>
      new Promise<void>((ok) => (terminar = ok)).then(() => {
        terminado = true
      })
    )
    // Before, the backup held the core's only connection: these waited for it to end.
    const leida = await antesDe(r.api['sesion:obtener']({ id: r.aprobada.id }))
    expect(leida).toMatchObject({ sesion: { estado: 'aprobada' } })
    const escrita = await antesDe(
      r.api['persona:crear']({
        nombre: 'Marta Díaz Vera',
        cargo: null,
        institucionId: null,
        correo: null,
        telefono: null
      })
    )
    expect(escrita).toMatchObject({ nombre: 'Marta Díaz Vera' })
    expect(terminado).toBe(false)
    terminar()
    await expect.poll(() => terminado).toBe(true)
  })

  it("is taken through a connection of its own: it ends while the core's is held", async () => {
    const abierta = await openTestApp()
    const dir = path.join(path.dirname(abierta.file), 'respaldos')
    const puerta = puertaBase(abierta.app.db)
    let hecho: Promise<string | null> | null = null
    const r = await aprobarCon(() => {
      // From the moment the backup starts, no query of the core can run until it has ended.
      puerta.tomar()
      hecho = respaldoAparte({ dbPath: abierta.file, dir, motivo: 'aprobacion' })
      return hecho
    }, abierta)
    expect(hecho).not.toBeNull()
    const archivo = await antesDe(hecho!)
    await puerta.soltar()
    expect(archivo).toBe(listarRespaldos(dir)[0]?.archivo)
    const v = verificarArchivo(archivo as string)
    expect(v.ok).toBe(true)
    expect(v.filas.sesiones).toBe(2)
    expect(r.aprobada.estado).toBe('aprobada')
  })

  it('keeps the approval when the backup fails, and reports the failure', async () => {
    const r = await aprobarCon(() => Promise.reject(new Error('disco lleno')))
    expect(r.aprobada.estado).toBe('aprobada')
    await expect.poll(() => r.registro).toContain('respaldo tras aprobar un acta fallido')
    // And the screens are told, in Spanish, with the cause.
    await expect
      .poll(() => r.eventos.find((e) => e.tipo === 'respaldo_fallido'))
      .toMatchObject({
        mensaje: expect.stringMatching(
          /^No se pudo respaldar después de aprobar el acta de la Sesión .* \(disco lleno\)\. La aprobación quedó guardada/
        ) as unknown
      })
    const fila = t.app.handle
      .prepare('select estado from sesiones where id = ?')
      .pluck()
      .get(r.aprobada.id)
    expect(fila).toBe('aprobada')
  })
})
