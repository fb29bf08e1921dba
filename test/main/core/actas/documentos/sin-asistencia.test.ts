import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { actaArchivo } from '../../../../../src/main/core/actas/documentos/archivo'
import {
  actaDocumento,
  FILAS_EN_BLANCO,
  type ActaDocumento
} from '../../../../../src/main/core/actas/documentos/modelo'
import { chromiumPdfPrinter } from '../../../../../src/main/ports/pdf-chromium'
import { openTestApp, tempDir, type TestApp } from '../../../../helpers/db'
import { libreOfficeConvert } from '../../../../helpers/office'
import { celdaEn, leerPdf, type Pagina } from '../../../../helpers/pdf-paginas'

// A session whose attendance was never taken (a new database, nobody registered): on paper the
// acta still has an attendance sheet to sign by hand, counts no "0 de 0" quorum, and leaves the
// signature lines for names to be written, never an institution's name in a person's place.

const printer = chromiumPdfPrinter()
const dir = tempDir()
let t: TestApp
let doc: ActaDocumento
const impresos: { via: string; pdf: string; paginas: Pagina[] }[] = []

beforeAll(async () => {
  t = await openTestApp({ printPdf: printer.print ?? undefined })
  const instancia = (await t.api['instancia:listar'](undefined)).find(
    (i) => i.codigo === 'PREVENCION'
  )!
  const s = await t.api['sesion:crear']({
    instanciaId: instancia.id,
    tipo: 'ordinaria',
    fecha: '2014-03-12',
    modalidad: 'presencial'
  })
  doc = await actaDocumento(t.app.db, s.id)
  const docx = path.join(dir.dir, 'sin-asistencia.docx')
  fs.writeFileSync(docx, (await actaArchivo(t.app.db, s.id, 'docx', null)).data)
  const pdfDocx = libreOfficeConvert(docx, 'pdf')
  impresos.push({ via: 'docx', pdf: pdfDocx, paginas: leerPdf(pdfDocx) })
  if (printer.print) {
    const html = path.join(dir.dir, 'sin-asistencia-html.pdf')
    fs.writeFileSync(html, (await actaArchivo(t.app.db, s.id, 'pdf', printer.print)).data)
    impresos.push({ via: 'html', pdf: html, paginas: leerPdf(html) })
  }
}, 300_000)

afterAll(async () => {
  await printer.close()
  await t.close()
  dir.cleanup()
})

describe('an acta without attendance, on paper', () => {
  it('has no attendance recorded (the case under test)', () => {
    expect(doc.presentes).toEqual([])
    expect(doc.firmantes.map((f) => [f.nombre, f.institucion])).toEqual([
      ['', 'MININT (DCO-DEM-SPD)'],
      ['', 'SERNAM']
    ])
  })

  it.each(['docx', 'html'])('%s: no "0 de 0" quorum', (via) => {
    const i = impresos.find((x) => x.via === via)
    if (!i) return
    const texto = i.paginas.flatMap((p) => p.lineas).join('\n')
    expect(texto).not.toMatch(/\b0 de 0\b/)
    expect(texto).toContain('Asistencia no registrada')
  })

  it.each(['docx', 'html'])(
    '%s: says no attendance was recorded, not "no one was excused"',
    (via) => {
      const i = impresos.find((x) => x.via === via)
      if (!i) return
      const texto = i.paginas.flatMap((p) => p.lineas).join('\n')
      expect(texto).toContain('No se registró asistencia.')
      expect(texto).not.toContain('No hubo excusas')
    }
  )

  it.each(['docx', 'html'])('%s: the annex has blank numbered rows to sign', (via) => {
    const i = impresos.find((x) => x.via === via)
    if (!i) return
    const anexo = i.paginas.filter((p) => p.palabras.some((w) => w.texto === 'Firma'))
    expect(anexo.length).toBeGreaterThan(0)
    const numeros = anexo.flatMap((p) =>
      p.palabras.filter((w) => /^\d+$/.test(w.texto)).map((w) => Number(w.texto))
    )
    for (let n = 1; n <= FILAS_EN_BLANCO; n++) expect(numeros, `fila ${n}`).toContain(n)
    const p = anexo[0]!
    const firma = p.palabras.find((w) => w.texto === 'Firma')!
    const celda = celdaEn(i.pdf, p.numero, (firma.x0 + firma.x1) / 2, firma.y1 + 12)
    expect(celda.anchoCm).toBeGreaterThanOrEqual(5)
    expect(celda.altoCm).toBeGreaterThanOrEqual(1)
  })

  it.each(['docx', 'html'])('%s: blank name lines, the institutions under them', (via) => {
    const i = impresos.find((x) => x.via === via)
    if (!i) return
    const cierre = i.paginas.find((p) => p.lineas.some((l) => /se pone término/.test(l)))!
    const lineas = cierre.lineas.slice(cierre.lineas.findIndex((l) => /se pone término/.test(l)))
    // Two signatures side by side, each name to be written by hand ("Nombre:"), and the
    // institution each is to sign for printed below it, never in the name's place.
    const nombre = lineas.findIndex((l) => /Nombre:\s{3,}Nombre:/.test(l))
    expect(nombre).toBeGreaterThanOrEqual(0)
    const institucion = lineas.findIndex((l) => /MININT \(DCO-DEM-SPD\)\s{3,}SERNAM/.test(l))
    expect(institucion).toBeGreaterThan(nombre)
    expect(lineas.slice(0, nombre).join('\n')).not.toMatch(/MININT|SERNAM/)
  })
})
