import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { iniciarNucleo, type Nucleo } from '../../../src/main/core/host/nucleo'
import { workerDeDesarrollo } from '../../../src/main/bridge/worker-dev'
import { startBridge, TOKEN_HEADER, type Bridge } from '../../../src/main/bridge/server'
import type { Evento } from '../../../src/shared/api/eventos'
import type { Llamar } from '../../../src/main/core/cliente'
import { nombrarFirmantes } from '../../../src/main/core/seed/firmantes'
import { tempDir } from '../../helpers/db'

/**
 * Approving an acta answers before its backup; when that backup fails, the approval stands and
 * the page hears it: the core in its worker emits the event, the bridge streams it as a
 * Server-Sent Event, in Spanish, naming the acta. (The folder of backups is made a file.)
 */
const dir = tempDir('mitp-respaldo-fallido-')
const respaldos = path.join(dir.dir, 'respaldos')
const logs: string[] = []
let n: Nucleo
let bridge: Bridge
beforeAll(async () => {
  n = await iniciarNucleo({
    dbPath: path.join(dir.dir, 'r.db'),
    version: 'prueba',
    workerFile: workerDeDesarrollo(),
    respaldosDir: respaldos,
    printPdf: null,
    log: (m) => logs.push(m)
  })
  bridge = await startBridge({ call: n.call, alEvento: n.alEvento, token: 'tok', log: () => {} })
}, 60_000)
afterAll(async () => {
  await bridge.close()
  await n.cerrar()
  dir.cleanup()
})

async function valor<T>(p: Promise<{ ok: boolean }>): Promise<T> {
  const r = (await p) as { ok: true; value: T } | { ok: false; error: { message: string } }
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

describe('a failed backup after approving an acta', () => {
  it('keeps the approval and reaches the page as an event, in Spanish', async () => {
    const res = await fetch(`${bridge.url}/api/eventos`, { headers: { [TOKEN_HEADER]: 'tok' } })
    const lector = res.body!.pipeThrough(new TextDecoderStream()).getReader()
    const [instancia] = await valor<{ id: string }[]>(n.call('instancia:listar', undefined))
    // The acta names who signs it: two members present, chosen as having chaired and as secretary.
    const llamar = ((canal: string, entrada: unknown) => valor(n.call(canal, entrada))) as Llamar
    const [inst] = await llamar('institucion:listar', undefined)
    for (const nombre of ['Ana Rojas Soto', 'Carlos Pérez Silva']) {
      const p = await llamar('persona:crear', {
        nombre,
        cargo: 'Profesional',
        institucionId: inst!.id,
        correo: null,
        telefono: null
      })
      await llamar('miembro:agregar', {
        instanciaId: instancia!.id,
        personaId: p.id,
        calidad: 'titular'
      })
    }
    const s = await llamar('sesion:crear', {
      instanciaId: instancia!.id,
      tipo: 'ordinaria',
      fecha: '2014-03-12',
      modalidad: 'presencial'
    })
    await nombrarFirmantes(llamar, s.id, { marcar: true })
    await valor(n.call('sesion:cerrar', { id: s.id }))
    // An acta is approved in a later session.
    const en = await valor<{ id: string }>(
      n.call('sesion:crear', {
        instanciaId: instancia!.id,
        tipo: 'ordinaria',
        fecha: '2014-06-11',
        modalidad: 'presencial'
      })
    )
    // No folder can be made where a file stands: the backup that follows fails.
    fs.rmSync(respaldos, { recursive: true, force: true })
    fs.writeFileSync(respaldos, 'no es una carpeta')
    const aprobada = await valor<{ estado: string; numero: number }>(
      n.call('sesion:aprobar', { id: s.id, enSesionId: en.id, observaciones: '' })
    )
    expect(aprobada.estado).toBe('aprobada')
    // The approval's: on a loaded machine the daily backup at start may still be running when
    // the folder is replaced, and fail too (its own event, `diario`), before this one.
    const delActa = (e: Evento) => e.tipo === 'respaldo_fallido' && !e.diario
    const eventos: Evento[] = []
    let texto = ''
    while (!eventos.some(delActa)) {
      const { value, done } = await lector.read()
      if (done) break
      texto += value
      const partes = texto.split('\n\n')
      texto = partes.pop() ?? ''
      for (const p of partes)
        if (p.startsWith('data: ')) eventos.push(JSON.parse(p.slice(6)) as Evento)
    }
    await lector.cancel()
    const aviso = eventos.find(delActa)
    expect(aviso).toMatchObject({ tipo: 'respaldo_fallido' })
    const mensaje = aviso?.tipo === 'respaldo_fallido' ? aviso.mensaje : ''
    expect(mensaje).toMatch(/^No se pudo respaldar después de aprobar el acta de la Sesión/)
    expect(mensaje).toContain(`N° ${aprobada.numero}/2014`)
    expect(mensaje).toMatch(/La aprobación quedó guardada/)
    expect(logs).toContain('respaldo tras aprobar un acta fallido')
    const otra = await valor<{ sesion: { estado: string } }>(n.call('sesion:obtener', { id: s.id }))
    expect(otra.sesion.estado).toBe('aprobada')
  }, 60_000)
})
