import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import v8 from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  llamadaDirecta,
  startBridge,
  TOKEN_HEADER,
  type Bridge
} from '../../../src/main/bridge/server'
import { ofrecerDescarga, tomarDescarga, type Descarga } from '../../../src/main/core/descargas'
import { verificarArchivo } from '../../../src/main/core/respaldos'
import { openTestApp, tempDir, type TestApp } from '../../helpers/db'

/**
 * A download is streamed from disk: the bridge's memory does not grow with the file (a 733 MB
 * database must download as a 7 MB one does). Without a backups folder (the dev bridge) the
 * core offers a temporary copy, removed once served.
 */
const dir = tempDir('mitp-descarga-memoria-')
let t: TestApp
let bridge: Bridge
const servidas: Descarga[] = []
beforeAll(async () => {
  t = await openTestApp()
  bridge = await startBridge({
    call: llamadaDirecta(t.api, () => {}),
    descarga: async (id) => {
      const d = tomarDescarga(id)
      if (d) servidas.push(d)
      return d
    },
    token: 'tok',
    log: () => {}
  })
}, 60_000)
afterAll(async () => {
  await bridge.close()
  await t.close()
  dir.cleanup()
})

describe('a download over the bridge', () => {
  it('streams a 50 MB file with memory growing far less than its size', async () => {
    const archivo = path.join(dir.dir, 'grande.db')
    const bloque = crypto.randomBytes(1024 * 1024)
    const fd = fs.openSync(archivo, 'w')
    for (let i = 0; i < 50; i++) fs.writeSync(fd, bloque)
    fs.closeSync(fd)
    const bytes = 50 * 1024 * 1024
    const id = ofrecerDescarga({ archivo, nombre: 'grande.db', bytes, temporal: null })
    // Freed chunks are collected as they go, so what is measured is what the stream keeps.
    v8.setFlagsFromString('--expose-gc')
    const gc = runInNewContext('gc') as (o?: { type: 'minor' }) => void
    gc()
    const antes = process.memoryUsage().rss
    let pico = antes
    // A young-generation collection takes a millisecond: the chunks read die young.
    const medir = setInterval(() => {
      gc({ type: 'minor' })
      pico = Math.max(pico, process.memoryUsage().rss)
    }, 10)
    // The client is another process (curl): only the bridge's memory is measured here.
    const salida = path.join(dir.dir, 'bajado-grande.db')
    const curl = spawn('curl', [
      '-sS',
      '--limit-rate',
      '50M',
      '-o',
      salida,
      '-w',
      '%{http_code}',
      `${bridge.url}/descargas/${id}`
    ])
    let codigo = ''
    curl.stdout.on('data', (c: Buffer) => (codigo += c.toString()))
    await new Promise((listo) => curl.on('close', listo))
    clearInterval(medir)
    expect(codigo).toBe('200')
    expect(fs.statSync(salida).size).toBe(bytes)
    expect(fs.readFileSync(salida).equals(fs.readFileSync(archivo))).toBe(true)
    // Read whole, the file alone would add 50 MB (twice that as a string).
    expect(pico - antes).toBeLessThan(20 * 1024 * 1024)
  }, 60_000)

  it('offers a temporary copy where no backups folder is kept, gone once downloaded', async () => {
    const res = await fetch(`${bridge.url}/api/respaldo:ahora`, {
      method: 'POST',
      headers: { [TOKEN_HEADER]: 'tok' },
      body: '{}'
    })
    const r = (await res.json()) as {
      value: { descarga: string; bytes: number; enCarpeta: boolean }
    }
    expect(r.value.enCarpeta).toBe(false)
    const bajada = await fetch(`${bridge.url}/descargas/${r.value.descarga}`)
    const bajado = path.join(dir.dir, 'bajado.db')
    fs.writeFileSync(bajado, Buffer.from(await bajada.arrayBuffer()))
    expect(fs.statSync(bajado).size).toBe(r.value.bytes)
    expect(verificarArchivo(bajado)).toMatchObject({ ok: true })
    const { temporal } = servidas.at(-1)!
    expect(temporal).not.toBeNull()
    await new Promise((listo) => setTimeout(listo, 100))
    expect(fs.existsSync(temporal!)).toBe(false)
  }, 60_000)
})
