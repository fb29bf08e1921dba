import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { ENCABEZADOS } from '../../../../../src/main/core/matriz/disposicion'
import { leerLibro } from '../../../../../src/main/core/matriz/importar/lector'

/**
 * Where a workbook is read: in place, or in a thread of its own (the core's worker). The thread
 * here is a small real worker script standing in for the core's bundle, one per behaviour (it
 * answers, refuses, throws, exits, never answers), so each path of the host side is exercised.
 */
type Lector = typeof import('../../../../../src/main/core/matriz/importar/lector')

/**
 * A copy of the module of its own (a query in its address makes a separate instance):
 * leerEnOtroHilo changes which reader every later import uses, and other tests share the rest.
 */
let copias = 0
async function lectorNuevo(): Promise<Lector> {
  const url = new URL('../../../../../src/main/core/matriz/importar/lector.ts', import.meta.url)
  return (await import(/* @vite-ignore */ `${url.pathname}?copia=${++copias}`)) as Lector
}

let dir: string
const hilo = (nombre: string, cuerpo: string): string => {
  const f = path.join(dir, `${nombre}.mjs`)
  fs.writeFileSync(
    f,
    `import fs from 'node:fs'\nimport { parentPort, workerData } from 'node:worker_threads'\nparentPort.once('message', (data) => {\n${cuerpo}\n})\n`
  )
  return f
}
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mitp-lector-'))
})
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true })
})

async function libro(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  wb.addWorksheet('Matriz').addRows([
    [...ENCABEZADOS],
    ['1. PREVENCIÓN', '1.1. Fortalecer.', '1.1.a. Generar un manual.', 'Meta: Manual.', 'PDI']
  ])
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

const resultado = (p: Promise<unknown>): Promise<unknown> =>
  p.then(
    (v) => ({ leida: v }),
    (e: Error & { code?: string }) => ({ code: e.code, message: e.message })
  )

describe('atenderLectura (the reading thread’s side)', () => {
  it('answers the reading, or the refusal with its code and message', async () => {
    const { atenderLectura } = await lectorNuevo()
    const ok = await atenderLectura(await libro())
    expect(ok.ok).toBe(true)
    expect(ok.ok && ok.leida.ejes[0]!.objetivos[0]!.acciones[0]!.codigo).toBe('1.1.a')
    expect(await atenderLectura(new TextEncoder().encode('no es un libro'))).toEqual({
      ok: false,
      code: 'entrada_invalida',
      message: 'El archivo no es un libro de Excel (.xlsx) válido. No se modificó nada.'
    })
    // An error that is not the app's own has no code, only its message.
    const raro = await atenderLectura(null as unknown as Uint8Array)
    expect(raro).toMatchObject({ ok: false, code: null })
    expect(raro.ok || raro.message).toMatch(/null/)
  })
})

describe('leerEnOtroHilo (the host’s side)', () => {
  it('reads in place until told otherwise', async () => {
    const { leerLibro } = await lectorNuevo()
    expect((await leerLibro(await libro())).hoja).toBe('Matriz')
  })

  it('sends the bytes to a new thread started as lector and gives back its reading', async () => {
    const l = await lectorNuevo()
    l.leerEnOtroHilo(
      hilo(
        'responde',
        `parentPort.postMessage({ ok: true, leida: { hoja: workerData.rol, ejes: [], glosario: [{ sigla: String(data.length), nombre: data.constructor.name }] } })`
      )
    )
    const datos = new Uint8Array([1, 2, 3, 4, 5])
    expect(await l.leerLibro(datos)).toEqual({
      hoja: 'lector',
      ejes: [],
      glosario: [{ sigla: '5', nombre: 'Uint8Array' }]
    })
    // The caller's bytes are copied, not moved: they are still there.
    expect([...datos]).toEqual([1, 2, 3, 4, 5])
  })

  it('turns a refusal into the app’s error, and any other failure into a plain one', async () => {
    const l = await lectorNuevo()
    l.leerEnOtroHilo(
      hilo(
        'rechaza',
        `parentPort.postMessage(data[0] === 1 ? { ok: false, code: 'entrada_invalida', message: 'Hoja «M», celda C7: mal.' } : { ok: false, code: null, message: 'otra cosa' })`
      )
    )
    expect(await resultado(l.leerLibro(new Uint8Array([1])))).toEqual({
      code: 'entrada_invalida',
      message: 'Hoja «M», celda C7: mal.'
    })
    expect(await resultado(l.leerLibro(new Uint8Array([2])))).toEqual({
      code: undefined,
      message: 'otra cosa'
    })
  })

  it('fails with the thread’s error, or says the thread ended without answering', async () => {
    const l = await lectorNuevo()
    l.leerEnOtroHilo(hilo('lanza', `throw new Error('se cayó el hilo')`))
    expect(await resultado(l.leerLibro(new Uint8Array([1])))).toEqual({
      code: undefined,
      message: 'se cayó el hilo'
    })
    l.leerEnOtroHilo(hilo('sale', `process.exit(0)`))
    expect(await resultado(l.leerLibro(new Uint8Array([1])))).toEqual({
      code: undefined,
      message: 'El hilo que leía el libro terminó sin responder.'
    })
  })

  it('a cancel, before or while the thread reads, ends it with the cancel’s message', async () => {
    const l = await lectorNuevo()
    const marca = path.join(dir, 'empezo')
    l.leerEnOtroHilo(
      hilo(
        'espera',
        `fs.writeFileSync(${JSON.stringify(marca)}, 'sí'); setInterval(() => {}, 1000)`
      )
    )
    const cancelado = { code: 'cancelado', message: 'Operación cancelada. No se escribió nada.' }
    expect(await resultado(l.leerLibro(new Uint8Array([1]), AbortSignal.abort()))).toEqual(
      cancelado
    )
    // Already cancelled: no thread was started at all.
    await new Promise((r) => setTimeout(r, 300))
    expect(fs.existsSync(marca)).toBe(false)
    const ctl = new AbortController()
    const lectura = resultado(l.leerLibro(new Uint8Array([1]), ctl.signal))
    await vi.waitFor(() => expect(fs.existsSync(marca)).toBe(true), { timeout: 10_000 })
    ctl.abort()
    expect(await lectura).toEqual(cancelado)
  })

  it('a thread out of memory ends alone, with a Spanish message; the process goes on', async () => {
    const l = await lectorNuevo()
    l.leerEnOtroHilo(
      hilo('come', `const a = []; for (;;) a.push(new Array(1e5).fill({ x: a.length }))`),
      { memoriaMb: 48, plazoMs: 60_000 }
    )
    expect(await resultado(l.leerLibro(new Uint8Array([1])))).toEqual({
      code: 'entrada_invalida',
      message:
        'El archivo necesita más memoria de la que se permite para leerlo; revise que sea la matriz exportada por la aplicación. No se modificó nada.'
    })
  })

  it('a reading nobody cancels (a preview) still ends when its time is up', async () => {
    const l = await lectorNuevo()
    l.leerEnOtroHilo(hilo('nunca', `setInterval(() => {}, 1000)`), {
      memoriaMb: 64,
      plazoMs: 1000
    })
    expect(await resultado(l.leerLibro(new Uint8Array([1])))).toEqual({
      code: 'entrada_invalida',
      message:
        'Leer el archivo tardó más de 1 segundos y se detuvo; revise que sea la matriz exportada por la aplicación. No se modificó nada.'
    })
  })

  it('leaves the module every other caller shares reading in place', async () => {
    expect((await leerLibro(await libro())).hoja).toBe('Matriz')
  })
})
