import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { iniciarNucleo, type Nucleo } from '../../../src/main/core/host/nucleo'
import { workerDeDesarrollo } from '../../../src/main/bridge/worker-dev'
import { startBridge, TOKEN_HEADER, type Bridge } from '../../../src/main/bridge/server'
import { listarRespaldos, verificarArchivo } from '../../../src/main/core/respaldos'
import { openSqlite } from '../../../src/main/core/db/sqlite'
import { tempDir } from '../../helpers/db'

/**
 * «Respaldar ahora» once answered with the whole database as one base64 string: past ~400 MB no
 * string holds it, and below that it crossed the threads and the page whole. Now the core (in its
 * worker, as in the app) writes a checked backup into the backups folder and answers its name, size
 * and a one-time id; the bridge streams the file at /descargas/<id>.
 */
const dir = tempDir('mitp-respaldo-ahora-')
const respaldos = path.join(dir.dir, 'respaldos')
let n: Nucleo
let bridge: Bridge
beforeAll(async () => {
  n = await iniciarNucleo({
    dbPath: path.join(dir.dir, 'r.db'),
    version: 'prueba',
    workerFile: workerDeDesarrollo(),
    respaldosDir: respaldos,
    printPdf: null,
    log: () => {}
  })
  bridge = await startBridge({ call: n.call, descarga: n.descarga, token: 'tok', log: () => {} })
}, 60_000)
afterAll(async () => {
  await bridge.close()
  await n.cerrar()
  dir.cleanup()
})

async function respaldarAhora(): Promise<{ texto: string; valor: Record<string, unknown> }> {
  const res = await fetch(`${bridge.url}/api/respaldo:ahora`, {
    method: 'POST',
    headers: { [TOKEN_HEADER]: 'tok', 'content-type': 'application/json' },
    body: '{}'
  })
  const texto = await res.text()
  const r = JSON.parse(texto) as { ok: boolean; value: Record<string, unknown> }
  expect(r.ok).toBe(true)
  return { texto, valor: r.value }
}

const bajar = (ruta: string): Promise<Response> => fetch(`${bridge.url}${ruta}`)

describe('«Respaldar ahora» over the bridge', () => {
  it('answers a small JSON without the file, and streams a backup that opens and verifies', async () => {
    const { texto, valor } = await respaldarAhora()
    // Name, size and id: no content, whatever the database weighs.
    expect(texto.length).toBeLessThan(400)
    expect(texto).not.toMatch(/base64|[A-Za-z0-9+/]{100,}/)
    expect(Object.keys(valor).sort()).toEqual(['bytes', 'descarga', 'enCarpeta', 'nombre'])
    expect(valor.enCarpeta).toBe(true)
    expect(valor.nombre).toMatch(/^secretaria-mitp-respaldo-\d{4}-\d{2}-\d{2}\.db$/)

    const res = await bajar(`/descargas/${String(valor.descarga)}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toContain(
      `attachment; filename="${String(valor.nombre)}"`
    )
    const bytes = Buffer.from(await res.arrayBuffer())
    expect(bytes.length).toBe(valor.bytes)
    const bajado = path.join(dir.dir, 'bajado.db')
    fs.writeFileSync(bajado, bytes)
    expect(verificarArchivo(bajado)).toMatchObject({ ok: true })
    const h = openSqlite(bajado, { readonly: true })
    try {
      const instituciones = h.prepare('select count(*) as n from instituciones').get() as {
        n: number
      }
      const vivas = await n.call('institucion:listar', undefined)
      expect(vivas.ok && instituciones.n).toBe(vivas.ok ? (vivas.value as unknown[]).length : -1)
    } finally {
      h.close()
    }
    // The copy stays in the backups folder, listed (and rotated) with the others: the same bytes.
    const manuales = listarRespaldos(respaldos).filter((r) => r.motivo === 'manual')
    expect(manuales).toHaveLength(1)
    expect(fs.readFileSync(manuales[0]!.archivo).equals(bytes)).toBe(true)
  }, 60_000)

  it('serves an id once; an unknown id, or a path, never serves a file', async () => {
    const { valor } = await respaldarAhora()
    const ruta = `/descargas/${String(valor.descarga)}`
    expect((await bajar(ruta)).status).toBe(200)
    const otra = await bajar(ruta)
    expect(otra.status).toBe(404)
    expect(await otra.text()).toBe('Descarga no disponible o ya usada.')
    const nombre = listarRespaldos(respaldos)[0]!.nombre
    for (const r of [
      `/descargas/${crypto.randomBytes(32).toString('hex')}`,
      `/descargas/..%2Fr.db`,
      `/descargas/..%2F..%2Frespaldos%2F${nombre}`,
      `/descargas/${nombre}`,
      `/descargas/${String(valor.descarga).toUpperCase()}`
    ]) {
      const res = await bajar(r)
      expect(res.status, r).toBe(404)
      expect((await res.arrayBuffer()).byteLength, r).toBeLessThan(100)
    }
  }, 60_000)
})
