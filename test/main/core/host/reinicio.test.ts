import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { iniciarNucleo } from '../../../../src/main/core/host/nucleo'
import { workerDeDesarrollo } from '../../../../src/main/bridge/worker-dev'
import { tempDir } from '../../../helpers/db'

/**
 * A core thread that dies (as a crash in a native module would end it) leaves no call without
 * an answer: the calls in flight get the Spanish "se detuvo", the thread is started again and
 * later calls are served; closing still completes. The real worker runs inside a wrapper that
 * ends the first thread it starts, once.
 */
const dir = tempDir('mitp-reinicio-')
afterAll(() => dir.cleanup())

function workerQueMuere(marca: string): string {
  const envoltorio = path.join(dir.dir, 'muere.cjs')
  fs.writeFileSync(
    envoltorio,
    `const fs = require('node:fs')
require(${JSON.stringify(workerDeDesarrollo())})
if (!fs.existsSync(${JSON.stringify(marca)})) {
  fs.writeFileSync(${JSON.stringify(marca)}, 'x')
  setTimeout(() => process.exit(7), 1500)
}
`
  )
  return envoltorio
}

describe('a core thread that dies', () => {
  it('is started again; no call is left without an answer', async () => {
    const logs: string[] = []
    const n = await iniciarNucleo({
      dbPath: path.join(dir.dir, 'r.db'),
      version: 'prueba',
      workerFile: workerQueMuere(path.join(dir.dir, 'ya-murio')),
      printPdf: null,
      log: (m) => logs.push(m)
    })
    expect(await n.call('plan:listar', undefined)).toMatchObject({ ok: true })
    // Calls keep coming while the first thread dies: each gets an answer, none hangs.
    const respuestas: { ok: boolean; error?: { message: string } }[] = []
    const hasta = Date.now() + 4000
    while (Date.now() < hasta) {
      respuestas.push(
        (await n.call('plan:listar', undefined)) as { ok: boolean; error?: { message: string } }
      )
      await new Promise((ok) => setTimeout(ok, 50))
    }
    expect(logs.some((l) => /terminó \(código 7\)/.test(l))).toBe(true)
    expect(respuestas.every((r) => r.ok || /se detuvo/.test(r.error!.message))).toBe(true)
    expect(respuestas.at(-1)).toMatchObject({ ok: true })
    await n.cerrar()
  }, 60_000)
})
