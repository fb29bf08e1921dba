import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir, type TestApp } from '../../../helpers/db'
import { esperarTarea } from '../../../helpers/mundo'
import { libreOfficeConvertAll, primeraPaginaPng } from '../../../helpers/office'
import { ROOT } from '../../../helpers/cli'
import { comprobarInforme, demoConMetas } from '../../../helpers/informe-esperado'
import {
  filasDe,
  imagenesDocx,
  leerConLibreOffice,
  type DocumentoLeido,
  type Png
} from '../../../helpers/informe-leido'

// The annual report of the demo year (`cli demo`) as a DOCX read back by LibreOffice: every
// number in its tables is computed again from the rows (informe-esperado.ts) and compared.

let t: TestApp
let doc: DocumentoLeido
let pngs: Png[]
let archivo: string
const dir = tempDir()

beforeAll(async () => {
  t = await demoConMetas('2015-01-15')
  const { tareaId } = await t.api['informe:exportar']({ anio: 2014, formato: 'docx' })
  const tarea = await esperarTarea(t.api, tareaId)
  expect(tarea.estado, tarea.detalle).toBe('lista')
  const r = tarea.resultado as { nombre: string; base64: string }
  expect(r.nombre).toBe('informe-anual-2014.docx')
  archivo = path.join(dir.dir, r.nombre)
  fs.writeFileSync(archivo, Buffer.from(r.base64, 'base64'))
  doc = leerConLibreOffice(archivo)
  pngs = await imagenesDocx(archivo)
}, 300_000)

afterAll(async () => {
  await t.close()
  dir.cleanup()
})

describe('the annual report of the demo year, read back by LibreOffice', () => {
  comprobarInforme(
    () => t,
    () => ({ texto: () => doc.texto, filas: (columnas) => filasDe(doc, columnas) })
  )

  it('carries its two charts as valid PNG pictures that LibreOffice shows', () => {
    expect(pngs).toHaveLength(2)
    for (const p of pngs) {
      expect(p.valido, p.ruta).toBe(true)
      // Drawn at twice the 640-pixel SVG width; a chart is taller than a line and not endless.
      expect(p.ancho).toBe(1280)
      expect(p.alto).toBeGreaterThan(150)
      expect(p.alto).toBeLessThan(4000)
      expect(p.bytes).toBeGreaterThan(5000)
    }
    // LibreOffice sees both and writes each out as a picture of its own.
    expect(doc.imagenes).toBe(2)
    expect(doc.archivosImagen).toHaveLength(2)
  })

  it("gives the README its picture of the report's first page, as LibreOffice prints it", () => {
    const [pdf] = libreOfficeConvertAll([archivo], 'pdf', dir.dir)
    const png = primeraPaginaPng(pdf!, path.join(ROOT, 'docs', 'informe'))
    expect(fs.statSync(png).size).toBeGreaterThan(10_000)
  }, 120_000)
})
