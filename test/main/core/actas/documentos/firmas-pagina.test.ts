import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { actaDocx } from '../../../../../src/main/core/actas/documentos/docx'
import { actaHtml, actaPieHtml } from '../../../../../src/main/core/actas/documentos/html'
import type { ActaDocumento } from '../../../../../src/main/core/actas/documentos/modelo'
import { chromiumPdfPrinter } from '../../../../../src/main/ports/pdf-chromium'
import { tempDir } from '../../../../helpers/db'
import { libreOfficeConvertAll } from '../../../../helpers/office'
import { leerPdf } from '../../../../helpers/pdf-paginas'
import { actaCompleta } from './fixture'

// Wherever the text ends on its page, the signatures stay with the closing paragraph: the same
// acta, longer by three lines at a time over a whole page, printed by LibreOffice and Chromium.

const printer = chromiumPdfPrinter()
const dir = tempDir()
afterAll(async () => {
  await printer.close()
  dir.cleanup()
})

const LARGOS = Array.from({ length: 18 }, (_, i) => i * 3)

function acta(lineas: number): ActaDocumento {
  const d = actaCompleta()
  return {
    ...d,
    puntos: [
      ...d.puntos,
      {
        titulo: 'Relleno',
        desarrollo: Array.from({ length: lineas }, (_, i) => `Línea ${i + 1}.`).join('\n')
      }
    ]
  }
}

/** The pages (1-based) holding the closing paragraph and the signers' roles. */
function paginas(pdf: string): { cierre: number[]; firmas: number[] } {
  const ps = leerPdf(pdf)
  const con = (re: RegExp) =>
    ps.filter((p) => p.lineas.some((l) => re.test(l))).map((p) => p.numero)
  return {
    cierre: con(/se pone término a la sesión/),
    firmas: con(/Preside\s{3,}Secretaría de actas/)
  }
}

describe('the signature block', () => {
  it('shares its page with the closing paragraph in the DOCX, wherever the page breaks', async () => {
    const files = await Promise.all(
      LARGOS.map(async (n) => {
        const file = path.join(dir.dir, `acta-${n}.docx`)
        fs.writeFileSync(file, await actaDocx(acta(n)))
        return file
      })
    )
    const pdfs = libreOfficeConvertAll(files, 'pdf', dir.dir)
    const vistas = pdfs.map(paginas)
    for (const [i, v] of vistas.entries()) {
      expect(v.cierre, `${LARGOS[i]} líneas`).toHaveLength(1)
      expect(v.firmas, `${LARGOS[i]} líneas`).toEqual(v.cierre)
    }
    // The sweep did move the closing paragraph across a page break.
    expect(new Set(vistas.map((v) => v.cierre[0])).size).toBeGreaterThan(1)
  }, 300_000)

  it.skipIf(!printer.print)(
    'and in the PDF Chromium prints',
    async () => {
      const vistas = []
      for (const n of LARGOS) {
        const d = acta(n)
        const file = path.join(dir.dir, `acta-${n}.pdf`)
        fs.writeFileSync(file, await printer.print!(actaHtml(d), actaPieHtml(d)))
        vistas.push(paginas(file))
      }
      for (const [i, v] of vistas.entries()) {
        expect(v.cierre, `${LARGOS[i]} líneas`).toHaveLength(1)
        expect(v.firmas, `${LARGOS[i]} líneas`).toEqual(v.cierre)
      }
      expect(new Set(vistas.map((v) => v.cierre[0])).size).toBeGreaterThan(1)
    },
    120_000
  )
})
