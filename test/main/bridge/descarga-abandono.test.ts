import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBridge, type Bridge } from '../../../src/main/bridge/server'
import { ofrecerDescarga, tomarDescarga, PLAZO_DESCARGA_MS } from '../../../src/main/core/descargas'
import { tempDir } from '../../helpers/db'

// «Respaldar ahora» streams a file by a one-time id (descargas.ts). A download the client drops
// must close the file and remove its temporary copy: midway, and also before the headers (while
// the id is looked up in the core's thread, which may be busy for seconds: the 'close' came
// before anyone listened, and the file stayed open for good). A copy nobody asks for goes when
// its offer expires, without waiting for another offer. (Open files are read in /proc: Linux.)

const dir = tempDir('mitp-descarga-abandono-')
let bridge: Bridge
let demora = 0
beforeAll(async () => {
  bridge = await startBridge({
    call: async () => ({ ok: true, value: null }) as never,
    // As in the app: the id is looked up in the core's thread (a round trip).
    descarga: async (id) => {
      const d = tomarDescarga(id)
      await new Promise((r) => setTimeout(r, demora))
      return d
    },
    token: 'tok',
    log: () => {}
  })
})
afterAll(async () => {
  await bridge.close()
  dir.cleanup()
})

const fds = (archivo: string): number =>
  fs.readdirSync('/proc/self/fd').filter((f) => {
    try {
      return fs.readlinkSync(`/proc/self/fd/${f}`) === archivo
    } catch {
      return false
    }
  }).length

function temporal(mb: number): { archivo: string; temporal: string } {
  const t = fs.mkdtempSync(path.join(dir.dir, 'tmp-'))
  const archivo = path.join(t, 'r.db')
  fs.writeFileSync(archivo, Buffer.alloc(mb * 1024 * 1024, 1))
  return { archivo, temporal: t }
}

/** GET and hang up after `ms` (0: right after sending the request). */
function pedirYColgar(id: string, ms: number): Promise<void> {
  const { port } = new URL(bridge.url)
  return new Promise((listo) => {
    const s = net.connect(Number(port), '127.0.0.1', () => {
      s.write(`GET /descargas/${id} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`)
      setTimeout(() => {
        s.destroy()
        listo()
      }, ms)
    })
    s.on('data', () => s.pause())
  })
}

describe('a download the client abandons', () => {
  it('midway: the file is closed and the temporary copy removed', async () => {
    demora = 0
    const t = temporal(64)
    const id = ofrecerDescarga({
      archivo: t.archivo,
      nombre: 'r.db',
      bytes: 64 << 20,
      temporal: t.temporal
    })
    await pedirYColgar(id, 200)
    await new Promise((r) => setTimeout(r, 300))
    expect(fds(t.archivo)).toBe(0)
    expect(fs.existsSync(t.temporal)).toBe(false)
  })

  it('before the headers (while the id is looked up): the file is closed and the copy removed', async () => {
    demora = 100
    const t = temporal(8)
    const id = ofrecerDescarga({
      archivo: t.archivo,
      nombre: 'r.db',
      bytes: 8 << 20,
      temporal: t.temporal
    })
    await pedirYColgar(id, 10)
    await new Promise((r) => setTimeout(r, 1000))
    const abiertos = fds(t.archivo)
    const sigue = fs.existsSync(t.temporal)
    expect({ abiertos, sigue }).toEqual({ abiertos: 0, sigue: false })
  })
})

describe('a temporary copy nobody downloads', () => {
  it('is removed once it expires, without waiting for another offer', async () => {
    const t = temporal(1)
    ofrecerDescarga(
      { archivo: t.archivo, nombre: 'r.db', bytes: 1 << 20, temporal: t.temporal },
      Date.now() - PLAZO_DESCARGA_MS - 1
    )
    // Nothing else is offered or taken (the secretary closed the dialog, the app idles for hours).
    await new Promise((r) => setTimeout(r, 200))
    expect(fs.existsSync(t.temporal)).toBe(false)
  })
})
