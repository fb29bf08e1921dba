import { describe, expect, it } from 'vitest'
import { actaDocx } from '../../../../../src/main/core/actas/documentos/docx'
import {
  anchoTexto,
  anchosColumnas
} from '../../../../../src/main/core/actas/documentos/docx-anchos'
import { actaHtml } from '../../../../../src/main/core/actas/documentos/html'
import { actaCompleta, docxParrafos, docxParte } from './fixture'

// How the Word acta sits on paper: its page, language, rows, column widths and what is kept
// together. (The printed result is read back page by page in impresion.test.ts.)
const TWIPS_CM = 1440 / 2.54

describe('the Word acta on paper', () => {
  it('uses the paper chosen in Configuración: carta, or oficio (8.5 × 13 in)', async () => {
    const carta = await docxParte(await actaDocx(actaCompleta()), 'word/document.xml')
    expect(carta).toMatch(/<w:pgSz w:w="12240" w:h="15840"/)
    const oficio = await docxParte(
      await actaDocx({ ...actaCompleta(), papel: 'oficio' }),
      'word/document.xml'
    )
    expect(oficio).toMatch(/<w:pgSz w:w="12240" w:h="18720"/)
  })

  it('declares its language as Spanish (Chile)', async () => {
    const styles = await docxParte(await actaDocx(actaCompleta()), 'word/styles.xml')
    expect(styles).toMatch(/<w:docDefaults>.*<w:lang w:val="es-CL"\/>.*<\/w:docDefaults>/s)
  })

  it('never splits a table row across pages, and repeats each header row', async () => {
    const doc = await docxParte(await actaDocx(actaCompleta()), 'word/document.xml')
    const filas = doc.split('<w:tr>').slice(1)
    expect(filas.length).toBeGreaterThan(10)
    for (const f of filas) expect(f.split('</w:trPr>')[0]).toContain('<w:cantSplit/>')
  })

  it('keeps the closing paragraph, the approval and the signatures together', async () => {
    const doc = await docxParte(await actaDocx(actaCompleta()), 'word/document.xml')
    const parrafos = doc.split('</w:p>')
    const de = (t: string) => parrafos.find((p) => p.includes(t))!
    for (const t of ['se pone término a la sesión', 'Acta aprobada en la Sesión'])
      expect(de(t), t).toMatch(/<w:keepNext\/>.*<w:keepLines\/>/s)
    const firmas = doc.slice(doc.indexOf('se pone término'), doc.indexOf('Fe de erratas'))
    expect(firmas.match(/<w:cantSplit\/>/g)).toHaveLength(1)
    const nombre = firmas.split('</w:p>').find((p) => p.includes('>Ana Rojas<'))!
    expect(nombre).toContain('<w:keepNext/>')
  })

  it('gives the Firma column 5.5 cm and signing rows 1.3 cm tall', async () => {
    const doc = await docxParte(await actaDocx(actaCompleta()), 'word/document.xml')
    const anexo = doc.slice(doc.indexOf('Anexo: hoja de asistencia'))
    const grid = [...anexo.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]))
    expect(grid).toHaveLength(5)
    expect(grid[4]! / TWIPS_CM).toBeGreaterThanOrEqual(5.5 - 0.01)
    const alto = /<w:trHeight w:val="(\d+)" w:hRule="atLeast"\/>/.exec(anexo)!
    expect(Number(alto[1]) / TWIPS_CM).toBeGreaterThanOrEqual(1.3 - 0.01)
  })
})

describe('column widths by content', () => {
  it('gives every column room for its longest word and date, the rest by text', () => {
    const filas = [
      [
        'CARABINEROS',
        'Se informa avance de la acción según lo comprometido '.repeat(4),
        '15-12-2014'
      ]
    ]
    const anchos = anchosColumnas(['Institución', 'Reporte', 'Plazo'], filas, 9972, 9.5)
    expect(anchos.reduce((a, b) => a + b, 0)).toBe(9972)
    expect(anchos[0]).toBeGreaterThan(anchoTexto('CARABINEROS', 9.5))
    expect(anchos[2]).toBeGreaterThan(anchoTexto('15-12-2014', 9.5))
    // The long text takes what is left.
    expect(anchos[1]).toBeGreaterThan(anchos[0]! + anchos[2]!)
  })

  it('pins a column to its minimum, and shares a narrow page by the minimums', () => {
    const anchos = anchosColumnas(['N°', 'Firma'], [['1', '']], 9972, 9.5, { 1: 3118 })
    expect(anchos[1]).toBeGreaterThanOrEqual(3118)
    const estrecho = anchosColumnas(['Institución', 'Nombre'], [['CARABINEROS', 'X']], 1000, 9.5)
    expect(estrecho.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1000)
  })

  it('lays the acta tables out so no word is wider than its column', async () => {
    const doc = await docxParte(
      await actaDocx({
        ...actaCompleta(),
        presentes: [{ institucion: 'CARABINEROS', personas: ['Ana Rojas, Jefa (titular)'] }]
      }),
      'word/document.xml'
    )
    const primera = doc.split('<w:tbl>')[1]!
    const grid = [...primera.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]))
    expect(grid[0]).toBeGreaterThan(anchoTexto('CARABINEROS', 9.5, true))
  })
})

describe('an excused secretaría', () => {
  const excusada = () => ({
    ...actaCompleta(),
    subrogacion:
      'La secretaría de actas (Berta Díaz, SERNAM) no asistió a esta sesión (excusada); actuó como secretario/a de actas quien firma en su lugar.',
    firmantes: [
      actaCompleta().firmantes[0]!,
      { nombre: '', cargo: '', institucion: '', rol: 'Actuó como secretario/a de actas' }
    ]
  })

  it('is said before the signatures, whose line asks for name, cargo and institución', async () => {
    const body = await docxParrafos(await actaDocx(excusada()))
    const cierre = body.indexOf('Siendo las 12:30 horas se pone término a la sesión.')
    expect(body.slice(cierre + 1, cierre + 2)).toEqual([excusada().subrogacion])
    expect(body).toEqual(
      expect.arrayContaining([
        'Nombre:',
        'Cargo:',
        'Institución:',
        'Actuó como secretario/a de actas'
      ])
    )
    const html = actaHtml(excusada())
    expect(html).toContain(
      `se pone término a la sesión.</p><p>${excusada().subrogacion}</p><p><b>Acta aprobada`
    )
    expect(html).toContain(
      '<div><b>Nombre:</b><br>Cargo:<br>Institución:<br><b>Actuó como secretario/a de actas</b></div>'
    )
  })
})
