import { afterEach, beforeEach } from 'vitest'
import { openTestApp, type TestApp } from './db'
import { caller, prevencionConMiembros } from './sesiones'

/** What the service tests of each domain share: a fresh database per test and the refusals. */
export type Caller = ReturnType<typeof caller>

/** A fresh database before each test, handed to `poner`; closed after it. */
export function cadaPrueba(poner: (t: TestApp, api: Caller) => void | Promise<void>): void {
  let actual: TestApp | undefined
  beforeEach(async () => {
    actual = await openTestApp()
    await poner(actual, caller(actual))
  })
  afterEach(() => actual?.close())
}

export type Prevencion = Awaited<ReturnType<typeof prevencionConMiembros>>

/** cadaPrueba with Prevención and its members in place, as the session tests start. */
export function cadaPruebaConPrevencion(
  poner: (e: { t: TestApp; api: Caller; ctx: Prevencion }) => void
): void {
  cadaPrueba(async (t, api) => poner({ t, api, ctx: await prevencionConMiembros(t) }))
}

/** A well-formed id that no row has. */
export const NO_EXISTE = '01a22b25-0000-7000-8000-000000000000'

export const conflicto = (message: string, campo: string) => ({
  ok: false,
  error: { code: 'conflicto', message, fields: { [campo]: message } }
})

/** "La sesión …" takes the feminine ending, as the core's notFound does. */
export const noExiste = (que: string) => ({
  ok: false,
  error: {
    code: 'no_encontrado',
    message: `${que} no existe o fue ${que.startsWith('La ') ? 'eliminada' : 'eliminado'}.`
  }
})

export const soloLectura = (message: string) => ({
  ok: false,
  error: { code: 'solo_lectura', message }
})
