import BetterSqlite3 from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { MENSAJES_CAUSA } from '../../../src/main/core/causas'
import { dispatch, MENSAJE_OCUPADO } from '../../../src/main/core/dispatch'
import {
  compartirContadorEscrituras,
  importacionEnCurso,
  nuevoContadorEscrituras,
  Tareas
} from '../../../src/main/core/tareas'
import { openTestApp, type TestApp } from '../../helpers/db'

/**
 * A write refused because the database is locked: the message says an import is being saved only
 * when the task registry has one running; otherwise another program holds the lock, and the user
 * is told to close it. Real locks: a second connection to the same file (another program) holds
 * SQLite's write lock.
 */
let t: TestApp | null = null
let otro: BetterSqlite3.Database | null = null
afterEach(async () => {
  otro?.close()
  otro = null
  await t?.close()
  t = null
})

const crear = (app: TestApp, i: number) =>
  dispatch(app.api, 'institucion:crear', { sigla: `B${i}`, nombre: `Bloqueo ${i}` }, () => {})

async function bloqueada(): Promise<TestApp> {
  const app = await openTestApp()
  // The core waits at most this long for the lock (the everyday thread uses 5 ms).
  app.app.handle.pragma('busy_timeout = 20')
  otro = new BetterSqlite3(app.file)
  otro.exec('BEGIN IMMEDIATE')
  return app
}

describe('a write refused for a lock', () => {
  it('held by another program: "bloqueado por otro programa", never the import message', async () => {
    t = await bloqueada()
    expect(importacionEnCurso()).toBe(false)
    expect(await crear(t, 1)).toEqual({
      ok: false,
      error: {
        code: 'ocupado',
        message: `No se pudo guardar el cambio: ${MENSAJES_CAUSA.bloqueado}. Sus datos no se modificaron.`
      }
    })
    otro!.exec('ROLLBACK')
    expect((await crear(t, 2)).ok).toBe(true)
  })

  it('while an import task runs: the import message; once it ended, the other again', async () => {
    t = await bloqueada()
    let terminar!: () => void
    const tareas = new Tareas(() => {})
    tareas.iniciar('matriz:importar', () => new Promise<null>((r) => (terminar = () => r(null))))
    // A task of another kind (an export) holds no lock for long: it does not count.
    tareas.iniciar('matriz:exportar', () => new Promise<null>(() => {}))
    expect(await crear(t, 1)).toEqual({
      ok: false,
      error: { code: 'ocupado', message: MENSAJE_OCUPADO }
    })
    terminar()
    await expect.poll(() => importacionEnCurso()).toBe(false)
    const r = await crear(t, 2)
    expect(r.ok ? '' : r.error.message).toContain(MENSAJES_CAUSA.bloqueado)
  })

  it('a failed import stops counting too', async () => {
    const tareas = new Tareas(() => {})
    let fallar!: () => void
    tareas.iniciar(
      'matriz:importar',
      () => new Promise<null>((_r, mal) => (fallar = () => mal(new Error('x'))))
    )
    expect(importacionEnCurso()).toBe(true)
    await new Promise((listo) => setImmediate(listo)) // the work starts on a later turn
    fallar()
    await expect.poll(() => importacionEnCurso()).toBe(false)
  })

  it("counts in the buffer the host shares between the core's threads", () => {
    const compartido = nuevoContadorEscrituras()
    compartirContadorEscrituras(compartido)
    new Tareas(() => {}).iniciar('matriz:importar', () => new Promise<null>(() => {}))
    expect(new Int32Array(compartido)[0]).toBe(1)
    // Another thread's import, seen here.
    compartirContadorEscrituras(nuevoContadorEscrituras())
    expect(importacionEnCurso()).toBe(false)
    const otroHilo = nuevoContadorEscrituras()
    Atomics.add(new Int32Array(otroHilo), 0, 1)
    compartirContadorEscrituras(otroHilo)
    expect(importacionEnCurso()).toBe(true)
    compartirContadorEscrituras(nuevoContadorEscrituras())
  })
})
