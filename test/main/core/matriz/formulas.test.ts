import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, describe, expect, it } from 'vitest'
import { escribirSeguimiento } from '../../../../src/main/core/matriz/exportar/seguimiento-libro'
import { Hoja } from '../../../../src/main/core/matriz/exportar/seguimiento-hojas'
import { libroEnStreaming } from '../../../../src/main/core/matriz/exportar/escritor-streaming'
import { leerMatriz } from '../../../../src/main/core/matriz/importar/leer'
import { pareceFormula } from '../../../../src/main/core/matriz/texto-celda'
import { openTestApp, tempDir } from '../../../helpers/db'
import { filas, valor } from '../../../helpers/consulta'
import { libreOfficeConvert } from '../../../helpers/office'
import { datos, leer } from './fixture'

// Text a user typed that a spreadsheet would read as a formula if typed into a cell is written
// exactly as typed (no apostrophe anyone would see), as a string cell with the Text number
// format: opened, it is text; re-entered (F2 + Enter), Excel and LibreOffice keep it as text.
const PELIGROSOS = [
  '=1+1',
  '=HYPERLINK("http://x","y")',
  '+1+1',
  '-2+3',
  '@SUMA(A1)',
  ' =1+1',
  '\t=1+1',
  '\r\n+2+2',
  '\u3000=1',
  '＝1+1',
  '＋1',
  '－1',
  '＠A1',
  "'=ya citado"
]
const INOFENSIVOS = ['Texto', 'PDI', "O'Higgins", '1. Eje', '', 'a=b', 'SERNAM - PDI']

const dir = tempDir('mitp-formulas-')
afterAll(() => dir.cleanup())

// XML turns a CR (alone or before LF) into LF: that is what any reader gets back.
const comoXml = (t: string): string => t.replace(/\r\n?/g, '\n')

/** Every string cell of the workbook with its number format. */
const celdas = (wb: ExcelJS.Workbook): { texto: string; numFmt?: string }[] =>
  wb.worksheets.flatMap((ws) => {
    const out: { texto: string; numFmt?: string }[] = []
    ws.eachRow((row) =>
      row.eachCell((c) => {
        // A text with blanks at either end is a one-run rich text (LibreOffice keeps them).
        const v = c.value as string | { richText?: { text: string }[] } | null
        const t = typeof v === 'string' ? v : v?.richText?.map((r) => r.text).join('')
        if (t !== undefined) out.push({ texto: t, numFmt: c.numFmt })
      })
    )
    return out
  })

/** The cells of a flat ODS file as LibreOffice understood them. */
function celdasLibreOffice(
  fods: string
): { texto: string; formula: boolean; comoTexto: boolean }[] {
  const formatosTexto = new Set(
    [...fods.matchAll(/<number:text-style style:name="([^"]+)"/g)].map((m) => m[1]!)
  )
  const estilosTexto = new Set(
    [...fods.matchAll(/<style:style style:name="([^"]+)"[^>]*style:data-style-name="([^"]+)"/g)]
      .filter((m) => formatosTexto.has(m[2]!))
      .map((m) => m[1]!)
  )
  const decode = (x: string): string =>
    x
      .replace(/<text:s\/>/g, ' ')
      .replace(/<text:tab\/>/g, '\t')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&')
  const parrafos = (x: string): string =>
    [...x.matchAll(/<text:p(?:\/>|>(.*?)<\/text:p>)/g)].map((p) => decode(p[1] ?? '')).join('\n')
  return [
    ...fods.matchAll(/<table:table-cell([^>]*)>((?:\s*<text:p(?:\/>|>.*?<\/text:p>))+)/g)
  ].map((m) => ({
    texto: parrafos(m[2]!),
    formula: m[1]!.includes('table:formula'),
    comoTexto: estilosTexto.has(/table:style-name="([^"]+)"/.exec(m[1]!)?.[1] ?? '')
  }))
}

describe('formula-like text in cells', () => {
  it('is told apart from text no spreadsheet would take for a formula', () => {
    for (const t of PELIGROSOS) expect(pareceFormula(t), JSON.stringify(t)).toBe(true)
    for (const t of INOFENSIVOS) expect(pareceFormula(t), JSON.stringify(t)).toBe(false)
  })

  it('the matrix and its tracking sheets show it as typed, as text, and it comes back', async () => {
    const d = datos(true)
    const acciones = d.arbol.ejes[0]!.objetivos[0]!.acciones
    acciones[0]!.responsables = PELIGROSOS[0]!
    acciones[1]!.responsables = PELIGROSOS[9]!
    acciones[0]!.metas[0]!.rotulo = '=Meta:'
    d.glosario = [
      { sigla: '@PDI', nombre: PELIGROSOS[2]! },
      { sigla: 'X', nombre: PELIGROSOS[13]! }
    ]
    // The Acuerdos sheet's rows come from the database, as the app writes them.
    const t = await openTestApp()
    const inst = await valor(t, 'select id from instancias order by orden')
    const id = '01900000-0000-7000-8000-000000000001'
    const hoy = '2014-03-12'
    await filas(
      t,
      `insert into sesiones (id, instancia_id, tipo, numero, anio, fecha, modalidad, created_at, updated_at)
       values (?, ?, 'ordinaria', 1, 2014, ?, 'presencial', ?, ?)`,
      id,
      inst,
      hoy,
      hoy,
      hoy
    )
    for (const [i, texto] of PELIGROSOS.entries())
      await filas(
        t,
        `insert into acuerdos (id, sesion_id, numero, texto, responsable, created_at, updated_at)
         values (?, ?, ?, ?, '-PDI', ?, ?)`,
        `ac-${i}`,
        id,
        i + 1,
        texto,
        hoy,
        hoy
      )
    let bytes: Buffer
    try {
      bytes = await escribirSeguimiento(t.app.db, d, { seguimiento: true, papel: 'carta' })
    } finally {
      await t.close()
    }
    const libro = await leer(bytes)
    const escritas = celdas(libro)
    const metas: string[] = []
    libro.worksheets[0]!.eachRow((row) =>
      row.eachCell((c) => {
        const v = c.value as { richText?: { text: string }[] }
        if (v?.richText?.[0]?.text === '=Meta:') metas.push(c.numFmt)
      })
    )
    expect(metas).toEqual(['@'])
    for (const t of [...PELIGROSOS, '-PDI', '@PDI'])
      expect(escritas.find((c) => c.texto === comoXml(t))?.numFmt, JSON.stringify(t)).toBe('@')
    // Nothing anyone would see was added to the text.
    expect(escritas.filter((c) => c.texto.startsWith("'") && c.texto !== PELIGROSOS[13])).toEqual(
      []
    )
    expect(escritas.find((c) => c.texto === 'Sesión Ordinaria N° 1/2014')?.numFmt).not.toBe('@')

    const leida = await leerMatriz(bytes)
    expect(leida.ejes[0]!.objetivos[0]!.acciones.map((a) => a.responsables)).toEqual([
      PELIGROSOS[0],
      PELIGROSOS[9]
    ])
    expect(leida.glosario).toEqual(d.glosario)

    // LibreOffice: text, never a formula, formatted as Text; saved again, it still reads back.
    const file = path.join(dir.dir, 'matriz.xlsx')
    fs.writeFileSync(file, bytes)
    const lo = celdasLibreOffice(fs.readFileSync(libreOfficeConvert(file, 'fods'), 'utf8'))
    for (const t of PELIGROSOS) {
      const c = lo.find((x) => x.texto === comoXml(t))
      expect(c, JSON.stringify(t)).toMatchObject({ formula: false, comoTexto: true })
    }
    fs.mkdirSync(path.join(dir.dir, 'lo'))
    const copia = path.join(dir.dir, 'lo', 'matriz.xlsx')
    fs.copyFileSync(file, copia)
    const guardada = libreOfficeConvert(copia, 'xlsx:Calc MS Excel 2007 XML')
    const releida = await leerMatriz(fs.readFileSync(guardada))
    expect(releida.ejes[0]!.objetivos[0]!.acciones.map((a) => a.responsables)).toEqual([
      PELIGROSOS[0],
      PELIGROSOS[9]
    ])
    expect(releida.glosario).toEqual(d.glosario)
  }, 120_000)

  it('the streamed tracking sheets write it the same way, without touching shared styles', async () => {
    const { wb, terminar } = libroEnStreaming('Acuerdos')
    const hoja = new Hoja(
      wb,
      'Acuerdos',
      'Acuerdos',
      [
        { titulo: 'A', ancho: 20 },
        { titulo: 'B', ancho: 20 }
      ],
      { seguimiento: true, papel: 'carta' }
    )
    for (const t of PELIGROSOS) hoja.agregar([t, 'normal'])
    hoja.agregar(['normal', 'normal'])
    hoja.cerrar()
    const escritas = celdas(await leer(await terminar()))
    for (const t of PELIGROSOS)
      expect(escritas.find((c) => c.texto === comoXml(t))?.numFmt, JSON.stringify(t)).toBe('@')
    expect(escritas.filter((c) => c.texto === 'normal').map((c) => c.numFmt ?? '')).not.toContain(
      '@'
    )
  })

  it('keeps blanks at either end of a text, and writes any other text as a plain string', async () => {
    const { wb, terminar } = libroEnStreaming('Acuerdos')
    const hoja = new Hoja(wb, 'Acuerdos', 'Acuerdos', [{ titulo: 'A', ancho: 20 }], {
      seguimiento: true,
      papel: 'carta'
    })
    const textos = ['Enviar informe ', ' Enviar', 'Enviar\n', 'Enviar informe']
    for (const t of textos) hoja.agregar([t])
    hoja.cerrar()
    const ws = (await leer(await terminar())).getWorksheet('Acuerdos')!
    // LibreOffice drops the blanks of a plain <v> string: those go as a one-run rich text.
    expect(textos.map((_, i) => ws.getCell(3 + i, 1).value)).toEqual([
      { richText: [{ text: 'Enviar informe ' }] },
      { richText: [{ text: ' Enviar' }] },
      { richText: [{ text: 'Enviar\n' }] },
      'Enviar informe'
    ])
  })

  it('hands the rows to the zip as they are written, not when the sheet ends', async () => {
    const { wb, terminar, escritos } = libroEnStreaming('Asistencia')
    const hoja = new Hoja(wb, 'Asistencia', 'Asistencia', [{ titulo: 'A', ancho: 20 }], {
      seguimiento: true,
      papel: 'carta'
    })
    // Rows that compress little, as a synchronous cursor gives them: 2,000 × ~1 KB of XML.
    let x = 1
    const azar = (): string => {
      let t = ''
      for (let i = 0; i < 900; i++)
        t += String.fromCharCode(97 + ((x = (x * 48271) % 2147483647) % 26))
      return t
    }
    const antes = escritos()
    for (let i = 0; i < 2000; i++) {
      hoja.agregar([azar()])
      await hoja.respiro()
    }
    // The sheet is compressed and goes out as it is written (else it all waits in memory until it
    // is closed: 49 bytes out before). How much depends on the machine's load: a tenth at least.
    const enCurso = escritos() - antes
    hoja.cerrar()
    const total = (await terminar()).length
    expect(total).toBeGreaterThan(1_000_000)
    expect(enCurso).toBeGreaterThan(total / 10)
  })
})
