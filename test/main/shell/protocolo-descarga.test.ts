import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { ofrecerDescarga, PLAZO_DESCARGA_MS, tomarDescarga } from '../../../src/main/core/descargas'
import { tempDir } from '../../helpers/db'

// In the app, «Respaldar ahora» downloads from app://mitp/descargas/<id>: the protocol handler
// streams the file the core offered (as an attachment, so will-download asks where to save it).
type Handler = (request: { url: string }) => Promise<Response>
const fake = vi.hoisted(() => ({ handler: null as null | Handler }))
vi.mock('electron', () => ({
  protocol: {
    handle: (_scheme: string, h: Handler) => (fake.handler = h),
    registerSchemesAsPrivileged: () => {}
  }
}))
const { serveRenderer } = await import('../../../src/main/shell/protocol')

const dir = tempDir('mitp-protocolo-')
afterAll(() => dir.cleanup())
const renderer = path.join(dir.dir, 'renderer')
fs.mkdirSync(renderer)
fs.writeFileSync(path.join(renderer, 'index.html'), '<html></html>')
const archivo = path.join(dir.dir, 'respaldo.db')
fs.writeFileSync(archivo, Buffer.alloc(3 * 1024 * 1024, 7))
const pedidos: string[] = []
serveRenderer(renderer, async (id) => {
  pedidos.push(id)
  return tomarDescarga(id)
})
const pedir = (url: string): Promise<Response> => fake.handler!({ url })

describe('the app:// protocol', () => {
  it('streams an offered file once, as an attachment; then answers 404', async () => {
    const bytes = fs.statSync(archivo).size
    const id = ofrecerDescarga({ archivo, nombre: 'secretaría.db', bytes, temporal: null })
    const res = await pedir(`app://mitp/descargas/${id}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="secretar_a.db"; filename*=UTF-8''secretar%C3%ADa.db`
    )
    expect(Buffer.from(await res.arrayBuffer()).equals(fs.readFileSync(archivo))).toBe(true)
    expect((await pedir(`app://mitp/descargas/${id}`)).status).toBe(404)
  })

  it('streams a chunk at a time; a download cancelled midway removes its temporary copy', async () => {
    const temporal = fs.mkdtempSync(path.join(dir.dir, 'tmp-'))
    const copia = path.join(temporal, 'r.db')
    fs.copyFileSync(archivo, copia)
    const bytes = fs.statSync(copia).size
    const id = ofrecerDescarga({ archivo: copia, nombre: 'r.db', bytes, temporal })
    const lector = (await pedir(`app://mitp/descargas/${id}`)).body!.getReader()
    const primero = await lector.read()
    // Read whole into memory, the first chunk would be the whole file.
    expect(primero.value!.length).toBeLessThan(bytes)
    await lector.cancel()
    await vi.waitFor(() => expect(fs.existsSync(temporal)).toBe(false))
  })

  it('never serves a path from the request, nor for another host', async () => {
    const id = ofrecerDescarga({ archivo, nombre: 'r.db', bytes: 1, temporal: null })
    pedidos.length = 0
    for (const url of [
      `app://otro/descargas/${id}`,
      'app://mitp/descargas/..%2Frespaldo.db',
      'app://mitp/descargas/respaldo.db'
    ])
      expect((await pedir(url)).status, url).toBe(404)
    // None of them reached the core's list: the id must look like one first.
    expect(pedidos).toEqual([])
    expect((await pedir('app://mitp/index.html')).status).toBe(200)
  })

  it('forgets an id nobody used in time', () => {
    const ahora = Date.now()
    const id = ofrecerDescarga({ archivo, nombre: 'r.db', bytes: 1, temporal: null }, ahora)
    expect(tomarDescarga(id, ahora + PLAZO_DESCARGA_MS)).toBeNull()
    const otro = ofrecerDescarga({ archivo, nombre: 'r.db', bytes: 1, temporal: null }, ahora)
    expect(tomarDescarga(otro, ahora + PLAZO_DESCARGA_MS - 1)).toMatchObject({ archivo })
  })
})
