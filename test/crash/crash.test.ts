import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openAppDatabase } from '../../src/main/core/db/open'
import { createApi } from '../../src/main/core/api'
import { tempDir } from '../helpers/db'
import { bundleWriter, checkAfterKill, runAndKill } from './crash-harness'

/**
 * Nothing typed is lost: a child writes acuerdos, agenda text and attendance through the
 * services and is SIGKILLed at random moments. After each kill the file must pass
 * integrity_check and hold every write the child had acknowledged. A control run in an unsafe
 * mode shows the test can fail.
 */
const KILLS = Number(process.env.MITP_CRASH_KILLS ?? 50)
const CONTROL_MAX_KILLS = 80
const dir = tempDir('mitp-crash-')
let writer = ''

async function prepare(name: string): Promise<{ file: string; sesionId: string }> {
  const file = path.join(dir.dir, name)
  const app = await openAppDatabase(file)
  const api = createApi(app.db, {
    info: () => ({ version: 't', schemaVersion: 0, dbPath: file }),
    printPdf: null
  })
  const prev = (await api['instancia:listar'](undefined)).find((i) => i.codigo === 'PREVENCION')!
  const inst = await api['institucion:listar'](undefined)
  for (const sigla of ['SERNAM', 'PDI', 'MININT']) {
    const p = await api['persona:crear']({
      nombre: `Persona ${sigla}`,
      cargo: null,
      institucionId: inst.find((i) => i.sigla === sigla)!.id,
      correo: null,
      telefono: null
    })
    await api['miembro:agregar']({ instanciaId: prev.id, personaId: p.id, calidad: 'titular' })
  }
  const s = await api['sesion:crear']({
    instanciaId: prev.id,
    tipo: 'ordinaria',
    fecha: '2014-03-12',
    modalidad: 'presencial'
  })
  await app.close()
  return { file, sesionId: s.id }
}

function seeded(seed: number): () => number {
  let x = seed
  return () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648
}

beforeAll(async () => {
  writer = await bundleWriter(dir.dir)
})
afterAll(() => dir.cleanup())

describe('crash durability', () => {
  it(`loses nothing acknowledged over ${KILLS} SIGKILLs (WAL, synchronous=FULL)`, async () => {
    const { file, sesionId } = await prepare('safe.db')
    const rnd = seeded(7)
    let start = 0
    const acuerdos = new Set<number>()
    for (let k = 0; k < KILLS; k++) {
      const { acked, acuerdos: nuevos } = await runAndKill(
        writer,
        file,
        sesionId,
        'safe',
        start,
        rnd
      )
      nuevos.forEach((n) => acuerdos.add(n))
      const check = checkAfterKill(file, sesionId, acked, acuerdos)
      expect(check, `kill ${k + 1}`).toEqual({ integrity: 'ok', missing: [] })
      // Writes that committed but were not acknowledged may exist; carry on past both.
      start = Math.max(acked.A, acked.P, acked.M) + 2
    }
    expect(acuerdos.size).toBeGreaterThan(KILLS)
  })

  it('control: the same test catches an unsafe journal (MEMORY, synchronous=OFF) losing or corrupting data', async () => {
    const { file, sesionId } = await prepare('unsafe.db')
    const rnd = seeded(11)
    let start = 0
    let caught = ''
    const acuerdos = new Set<number>()
    for (let k = 0; k < CONTROL_MAX_KILLS && !caught; k++) {
      const { acked, acuerdos: nuevos } = await runAndKill(
        writer,
        file,
        sesionId,
        'unsafe',
        start,
        rnd
      )
      nuevos.forEach((n) => acuerdos.add(n))
      const check = checkAfterKill(file, sesionId, acked, acuerdos)
      if (check.integrity !== 'ok' || check.missing.length)
        caught = `kill ${k + 1}: ${check.integrity} ${check.missing.slice(0, 3).join(', ')}`
      start = Math.max(acked.A, acked.P, acked.M) + 2
    }
    console.info(`[crash control] caught at ${caught}`)
    expect(caught, 'the unsafe control run should have been caught').not.toBe('')
  })
})
