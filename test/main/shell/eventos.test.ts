import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { iniciarNucleo, type Nucleo } from '../../../src/main/core/host/nucleo'
import { workerDeDesarrollo } from '../../../src/main/bridge/worker-dev'
import { startBridge, TOKEN_HEADER, type Bridge } from '../../../src/main/bridge/server'
import { CANAL_EVENTOS, type Evento } from '../../../src/shared/api/eventos'
import { tempDir } from '../../helpers/db'

/**
 * A task's progress reaches the page in order, both ways it can travel: pushed over IPC by the
 * Electron shell (Electron stood in for: two windows that record what they are sent) and
 * streamed by the bridge as Server-Sent Events. The events come from the real core in its worker.
 */
const enviados: { ventana: number; canal: string; evento: Evento }[] = []
vi.mock('electron', () => ({
  BrowserWindow: {
    getAllWindows: () =>
      [0, 1].map((ventana) => ({
        isDestroyed: () => false,
        webContents: {
          send: (canal: string, evento: Evento) => enviados.push({ ventana, canal, evento })
        }
      }))
  }
}))
const { reenviarEventos } = await import('../../../src/main/shell/eventos')

const dir = tempDir('mitp-eventos-')
let n: Nucleo
let bridge: Bridge
beforeAll(async () => {
  n = await iniciarNucleo({
    dbPath: path.join(dir.dir, 'e.db'),
    version: 'prueba',
    workerFile: workerDeDesarrollo(),
    printPdf: null,
    log: () => {}
  })
  bridge = await startBridge({ call: n.call, alEvento: n.alEvento, token: 'tok', log: () => {} })
}, 60_000)
afterAll(async () => {
  await bridge.close()
  await n.cerrar()
  dir.cleanup()
})

/** Starts an export and returns its task id. */
async function exportar(): Promise<string> {
  const r = await n.call('matriz:exportar', { seguimiento: true, papel: 'oficio' })
  if (!r.ok) throw new Error(r.error.message)
  return (r.value as { tareaId: string }).tareaId
}

function enOrden(eventos: Evento[], id: string): void {
  // Other events (a failed backup) may come in between: only this task's are in order.
  const propios = eventos.flatMap((e) => (e.tipo === 'tarea' && e.tarea.id === id ? [e.tarea] : []))
  expect(propios.length).toBeGreaterThan(2)
  const progreso = propios.map((t) => t.progreso)
  expect(progreso).toEqual([...progreso].sort((a, b) => a - b))
  expect(propios.at(-1)?.estado).toBe('lista')
  expect(propios.slice(0, -1).every((t) => t.estado === 'en_curso')).toBe(true)
}

describe('task events', () => {
  it('are pushed over IPC to every window, in order', async () => {
    const dejar = reenviarEventos(n.alEvento)
    const id = await exportar()
    await expect
      .poll(
        () =>
          enviados.filter((e) => e.evento.tipo === 'tarea' && e.evento.tarea.estado === 'lista')
            .length,
        {
          timeout: 30_000
        }
      )
      .toBe(2)
    dejar()
    expect(new Set(enviados.map((e) => e.canal))).toEqual(new Set([CANAL_EVENTOS]))
    for (const v of [0, 1])
      enOrden(
        enviados.filter((e) => e.ventana === v).map((e) => e.evento),
        id
      )
  })

  it('are streamed by the bridge as Server-Sent Events, in order, to a page with the token', async () => {
    const sin = await fetch(`${bridge.url}/api/eventos`)
    expect(sin.status).toBe(401)
    const res = await fetch(`${bridge.url}/api/eventos`, { headers: { [TOKEN_HEADER]: 'tok' } })
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/)
    const lector = res.body!.pipeThrough(new TextDecoderStream()).getReader()
    const eventos: Evento[] = []
    const id = await exportar()
    let texto = ''
    const fin = (e: Evento) =>
      e.tipo === 'tarea' && e.tarea.id === id && e.tarea.estado !== 'en_curso'
    while (!eventos.some(fin)) {
      const { value, done } = await lector.read()
      if (done) break
      texto += value
      const partes = texto.split('\n\n')
      texto = partes.pop() ?? ''
      for (const p of partes)
        if (p.startsWith('data: ')) eventos.push(JSON.parse(p.slice(6)) as Evento)
    }
    await lector.cancel()
    enOrden(eventos, id)
  })
})
