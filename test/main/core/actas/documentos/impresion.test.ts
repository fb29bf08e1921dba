import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { actaArchivo } from '../../../../../src/main/core/actas/documentos/archivo'
import {
  actaDocumento,
  type ActaDocumento
} from '../../../../../src/main/core/actas/documentos/modelo'
import { chromiumPdfPrinter } from '../../../../../src/main/ports/pdf-chromium'
import { sembrarDemo } from '../../../../../src/main/core/seed/demo'
import type { Papel } from '../../../../../src/shared/actas/contract'
import { openTestApp, tempDir, type TestApp } from '../../../../helpers/db'
import { libreOfficeConvert, primeraPaginaPng } from '../../../../helpers/office'
import { celdaEn, leerPdf, tamanoPagina, type Pagina } from '../../../../helpers/pdf-paginas'

// The acta as it comes off the printer, page by page: the demo's actas, approved and draft,
// printed as the DOCX read by LibreOffice and as the PDF Chromium prints, on carta and oficio.

const ROOT = path.resolve(__dirname, '../../../../..')
const printer = chromiumPdfPrinter()
const dir = tempDir()
let t: TestApp

interface Impreso {
  nombre: string
  papel: Papel
  doc: ActaDocumento
  pdf: string
  paginas: Pagina[]
}
const impresos: Impreso[] = []

/** Prints an acta on the paper chosen in Configuración, through LibreOffice or Chromium. */
async function imprimir(sesionId: string, papel: Papel, via: 'docx' | 'html'): Promise<Impreso> {
  const config = await t.api['config:obtener'](undefined)
  await t.api['config:guardar']({ ...config, papel })
  const doc = await actaDocumento(t.app.db, sesionId)
  const a = await actaArchivo(t.app.db, sesionId, via === 'docx' ? 'docx' : 'pdf', printer.print)
  const nombre = `${doc.borrador ? 'borrador' : 'aprobada'}-${papel}-${via}`
  const file = path.join(dir.dir, `${nombre}.${via === 'docx' ? 'docx' : 'pdf'}`)
  fs.writeFileSync(file, a.data)
  const pdf = via === 'docx' ? libreOfficeConvert(file, 'pdf') : file
  return { nombre, papel, doc, pdf, paginas: leerPdf(pdf) }
}

beforeAll(async () => {
  t = await openTestApp({ printPdf: printer.print ?? undefined })
  await sembrarDemo(t.api)
  // Subcomisión Prevención: presided by MININT, minutes by SERNAM, both in its attendance.
  const instancia = (await t.api['instancia:listar'](undefined)).find(
    (i) => i.codigo === 'PREVENCION'
  )!
  const sesiones = await t.api['sesion:listar']({ instanciaId: instancia.id })
  const aprobada = sesiones.find((s) => s.estado === 'aprobada')!
  const borrador = sesiones.find((s) => s.estado === 'borrador')!
  for (const [id, papel, via] of [
    [aprobada.id, 'carta', 'docx'],
    [aprobada.id, 'carta', 'html'],
    [borrador.id, 'carta', 'docx'],
    [borrador.id, 'carta', 'html'],
    [aprobada.id, 'oficio', 'docx'],
    [borrador.id, 'oficio', 'html']
  ] as const)
    impresos.push(await imprimir(id, papel, via))
}, 300_000)

afterAll(async () => {
  await printer.close()
  await t.close()
  dir.cleanup()
})

const PAPEL_PT = { carta: { ancho: 612, alto: 792 }, oficio: { ancho: 612, alto: 936 } }
const casos = (): string[] => impresos.map((i) => i.nombre)
const impreso = (nombre: string): Impreso => impresos.find((i) => i.nombre === nombre)!
const NOMBRES = [
  'aprobada-carta-docx',
  'aprobada-carta-html',
  'borrador-carta-docx',
  'borrador-carta-html',
  'aprobada-oficio-docx',
  'borrador-oficio-html'
]

describe.skipIf(!printer.print)('the acta on paper, page by page', () => {
  it('prints all six', () => expect(casos()).toEqual(NOMBRES))

  it.each(NOMBRES)('%s: every page on the paper chosen in Configuración', (n) => {
    const i = impreso(n)
    expect(tamanoPagina(i.pdf)).toEqual(PAPEL_PT[i.papel])
    for (const p of i.paginas) expect({ ancho: p.ancho, alto: p.alto }).toEqual(PAPEL_PT[i.papel])
  })

  it.each(NOMBRES)('%s: the Firma column is at least 5 cm wide, its rows 1 cm tall', (n) => {
    const i = impreso(n)
    const anexo = i.paginas.filter((p) => p.palabras.some((w) => w.texto === 'Firma'))
    expect(anexo.length).toBeGreaterThan(0)
    for (const p of anexo) {
      const firma = p.palabras.find((w) => w.texto === 'Firma')!
      // A point in the first row under the header: an empty cell bounded by its borders.
      const celda = celdaEn(i.pdf, p.numero, (firma.x0 + firma.x1) / 2, firma.y1 + 12)
      expect(celda.anchoCm, `página ${p.numero}`).toBeGreaterThanOrEqual(5)
      expect(celda.altoCm, `página ${p.numero}`).toBeGreaterThanOrEqual(1)
    }
  })

  it.each(NOMBRES)('%s: BORRADOR only in the title and the footer, never among the body', (n) => {
    const i = impreso(n)
    const todas = i.paginas.flatMap((p) => p.lineas)
    const conMarca = todas.filter((l) => /B\s?O\s?R\s?R\s?A\s?D\s?O\s?R/.test(l))
    for (const l of conMarca)
      expect(l.trim()).toMatch(/^(ACTA SESIÓN .* \(BORRADOR\)|BORRADOR — acta no aprobada.*)$/)
    // The watermark's letters, were they text, would be huge: no text on the page is.
    for (const p of i.paginas)
      expect(Math.max(...p.textos.map((x) => x.puntos)), `página ${p.numero}`).toBeLessThan(20)
    if (i.doc.borrador) {
      expect(todas.some((l) => l.includes('(BORRADOR)'))).toBe(true)
      for (const p of i.paginas)
        expect(p.lineas.join(' '), `página ${p.numero}`).toContain(
          'BORRADOR — acta no aprobada, sin valor oficial'
        )
      expect(todas.join(' ')).not.toMatch(/huella/i)
    } else {
      expect(conMarca).toEqual([])
      for (const p of i.paginas)
        expect(p.lineas.join(' '), `página ${p.numero}`).toContain(
          `Huella SHA-256 del acta: ${i.doc.hash}`
        )
    }
  })

  it.each(NOMBRES)('%s: the signatures share their page with the closing paragraph', (n) => {
    const i = impreso(n)
    const [preside, secretaria] = i.doc.firmantes
    const donde = (re: RegExp) => i.paginas.filter((p) => p.lineas.some((l) => re.test(l)))
    const cierre = donde(/se pone término a la sesión/)
    const roles = donde(new RegExp(`Preside\\s{3,}${secretaria!.rol.replace('/', '\\/')}`))
    expect(cierre).toHaveLength(1)
    expect(roles.map((p) => p.numero)).toEqual([cierre[0]!.numero])
    const pagina = cierre[0]!.lineas.join('\n')
    // Signed by people, as the attendance names them: name, cargo and institución.
    for (const f of [preside!, secretaria!]) {
      if (!f.nombre) continue
      expect(f.cargo).not.toBe('')
      expect(pagina).toContain(f.nombre)
      expect(pagina).toContain(f.cargo)
      expect(pagina).toContain(f.institucion)
    }
    expect(preside!.institucion).toBe('MININT')
  })

  it.each(NOMBRES)('%s: no text under 7 pt, the footer included', (n) => {
    const i = impreso(n)
    for (const p of i.paginas) {
      const pie = p.textos.filter((x) => /Página|Huella|BORRADOR —/.test(x.texto))
      expect(pie.length, `página ${p.numero}`).toBeGreaterThan(0)
      expect(
        Math.min(...p.textos.map((x) => x.puntos)),
        `página ${p.numero}`
      ).toBeGreaterThanOrEqual(7)
    }
  })

  it.each(NOMBRES)('%s: no word or date broken across lines', (n) => {
    const i = impreso(n)
    const veces = (ps: Pagina[], w: string) =>
      ps.flatMap((p) => p.palabras).filter((x) => x.texto === w).length
    const cuenta = (ws: string[]) => {
      const m = new Map<string, number>()
      for (const w of ws) if (w && w !== '—') m.set(w, (m.get(w) ?? 0) + 1)
      return m
    }
    // The attendance sheet's institutions, whole words on its pages at least as often as listed.
    const anexo = i.paginas.filter((p) => p.palabras.some((w) => w.texto === 'Firma'))
    const siglas = cuenta(i.doc.hojaAsistencia.map((a) => a.institucion))
    expect(siglas.size).toBeGreaterThan(2)
    for (const [w, k] of siglas) expect(veces(anexo, w), w).toBeGreaterThanOrEqual(k)
    // Dates are printed only as plazos, cut-off dates and errata: each whole, each time.
    const fechas = cuenta([
      ...i.doc.acuerdos.map((a) => a.plazo),
      ...i.doc.mediciones.map((m) => m.fechaCorte),
      ...i.doc.erratas.map((e) => e.fecha)
    ])
    expect(fechas.size).toBeGreaterThan(0)
    for (const [w, k] of fechas) expect(veces(i.paginas, w), w).toBe(k)
  })

  it('gives the README its picture of an acta page, from the PDF Chromium printed', () => {
    const pdf = impreso('aprobada-carta-html').pdf
    const png = primeraPaginaPng(pdf, path.join(ROOT, 'docs', 'acta'))
    expect(fs.statSync(png).size).toBeGreaterThan(10_000)
  })
})
