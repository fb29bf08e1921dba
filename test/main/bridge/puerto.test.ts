import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBridge } from '../../../src/main/bridge/server'
import { ErrorDeArranque, leerPuerto, PUERTO_POR_OMISION } from '../../../src/main/bridge/puerto'
import { ROOT } from '../../helpers/cli'
import { tempDir } from '../../helpers/db'

// `npm run dev:web` on a port another program holds printed Node's EADDRINUSE with its stack.
let ocupado: net.Server
let puerto = 0
const dir = tempDir('mitp-puerto-')
beforeAll(async () => {
  ocupado = net.createServer()
  await new Promise<void>((r) => ocupado.listen(0, '127.0.0.1', r))
  puerto = (ocupado.address() as net.AddressInfo).port
})
afterAll(async () => {
  await new Promise<void>((r) => ocupado.close(() => r()))
  dir.cleanup()
})

describe('a port already in use', () => {
  it('startBridge says so in Spanish, naming the port and what to do', async () => {
    const e = await startBridge({
      call: () => Promise.reject(new Error('no')),
      token: 't',
      port: puerto,
      log: () => {}
    }).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(ErrorDeArranque)
    expect((e as Error).message).toBe(
      `El puerto ${puerto} ya está en uso: otro programa lo ocupa (quizá otra copia de "npm run dev:web"). Ciérrelo, o use otro puerto: npm run dev:web -- --port ${puerto + 1} (o la variable PORT).`
    )
  })

  it('dev:web exits 1 with that message, no stack, and leaves no in-use mark', () => {
    const db = path.join(dir.dir, 'w.db')
    const r = spawnSync(
      path.join(ROOT, 'node_modules/.bin/tsx'),
      [path.join(ROOT, 'src/main/bridge/dev-web.ts'), '--db', db, '--port', String(puerto)],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, MITP_DB: '' }, timeout: 90_000 }
    )
    expect(r.error).toBeUndefined()
    expect(r.stderr.trim()).toMatch(new RegExp(`^Error: El puerto ${puerto} ya está en uso`))
    expect(r.stderr).not.toMatch(/EADDRINUSE|\n\s+at /)
    expect(r.stdout).toBe('')
    expect(r.status).toBe(1)
    expect(fs.readdirSync(dir.dir).filter((n) => n.includes('.en-uso-'))).toEqual([])
  }, 120_000)
})

describe('leerPuerto', () => {
  it.each([
    [undefined, undefined, PUERTO_POR_OMISION],
    [undefined, '', PUERTO_POR_OMISION],
    ['8080', '9090', 8080],
    [undefined, '9090', 9090],
    ['1', undefined, 1],
    ['65535', undefined, 65535]
  ])('--port %s, PORT %s: %i', (opcion, entorno, esperado) => {
    expect(leerPuerto(opcion, entorno)).toBe(esperado)
  })

  it.each(['0', '65536', 'abc', '80.5', '-1', '1e3', ' '])('refuses "%s" in Spanish', (t) => {
    expect(() => leerPuerto(t, undefined)).toThrow(
      new ErrorDeArranque(
        `"${t}" no es un puerto válido: indique un número entre 1 y 65535. Use otro puerto: npm run dev:web -- --port ${PUERTO_POR_OMISION} (o la variable PORT).`
      )
    )
  })
})
