import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { iniciarNucleo, type Nucleo } from '../../../../src/main/core/host/nucleo'
import { ENCABEZADOS } from '../../../../src/main/core/matriz/disposicion'
import { workerDeDesarrollo } from '../../../../src/main/bridge/worker-dev'
import { tempDir } from '../../../helpers/db'

/**
 * A long import reads its workbook in a thread of its own: the core's heavy thread, where the
 * task lives, keeps answering tarea:estado and tarea:cancelar meanwhile, and a cancel stops the
 * reading at once (it once waited for the whole workbook to be parsed: 38 s for 200,000 rows).
 */
const dir = tempDir('mitp-lector-')
let n: Nucleo
beforeAll(async () => {
  n = await iniciarNucleo({
    dbPath: path.join(dir.dir, 'n.db'),
    version: 'prueba',
    workerFile: workerDeDesarrollo(),
    printPdf: null,
    log: () => {}
  })
}, 60_000)
afterAll(async () => {
  await n.cerrar()
  dir.cleanup()
})

/** A valid matrix with `filas` acciones, slow to parse. */
async function libroLento(filas: number): Promise<string> {
  const file = path.join(dir.dir, 'lento.xlsx')
  const w = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false })
  const hoja = w.addWorksheet('Matriz')
  hoja.addRow([...ENCABEZADOS]).commit()
  for (let k = 0; k < filas; k++) {
    const o = Math.floor(k / 600) + 1
    const a = k % 600
    const letra = String.fromCharCode(97 + Math.floor(a / 26)) + String.fromCharCode(97 + (a % 26))
    hoja
      .addRow([
        '1. EJE',
        `1.${o}. Objetivo ${o}`,
        `1.${o}.${letra}. Acción ${k} con un texto de varias palabras`,
        `Meta: cumplir ${k}`,
        'PDI'
      ])
      .commit()
  }
  await w.commit()
  return fs.readFileSync(file).toString('base64')
}

const estado = async (id: string): Promise<string> => {
  const r = await n.call('tarea:estado', { id })
  return r.ok ? (r.value as { estado: string }).estado : r.error.code
}

describe('an import while its workbook is being read', () => {
  it('answers progress within moments, and a cancel stops it at once', async () => {
    const base64 = await libroLento(60_000)
    const r = await n.call('matriz:importar', {
      base64,
      destino: {
        modo: 'nuevo',
        nombre: 'Lento',
        periodoDesde: '2015-01-01',
        periodoHasta: '2016-12-31'
      }
    })
    if (!r.ok) throw new Error(r.error.message)
    const id = (r.value as { tareaId: string }).tareaId
    const demoras: number[] = []
    const hasta = Date.now() + 1500
    while (Date.now() < hasta) {
      const t0 = performance.now()
      expect(await estado(id)).toBe('en_curso')
      demoras.push(performance.now() - t0)
      await new Promise((ok) => setTimeout(ok, 50))
    }
    expect(demoras.length).toBeGreaterThan(10)
    expect(Math.max(...demoras)).toBeLessThan(500)
    const t0 = Date.now()
    expect(await n.call('tarea:cancelar', { id })).toEqual({ ok: true, value: null })
    let e = await estado(id)
    while (e === 'en_curso') e = await estado(id)
    expect(e).toBe('cancelada')
    expect(Date.now() - t0).toBeLessThan(1000)
    const planes = await n.call('plan:listar', undefined)
    expect(JSON.stringify(planes)).not.toContain('Lento')
  }, 120_000)
})
