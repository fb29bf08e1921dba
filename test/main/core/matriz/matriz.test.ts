import fs from 'node:fs'
import path from 'node:path'
import { execFileSync } from 'node:child_process'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportarMatriz } from '../../../../src/main/core/matriz/exportar/exportar'
import {
  importarMatriz,
  previsualizarMatriz
} from '../../../../src/main/core/matriz/importar/importar'
import { sembrarDemo } from '../../../../src/main/core/seed/demo'
import { planArbol } from '../../../../src/main/core/plan/plan.service'
import { RESULTS } from '../../../helpers/browser'
import { dbSnapshot, openTestApp, sha256, tempDir, type TestApp } from '../../../helpers/db'
import { libreOfficeConvert } from '../../../helpers/office'
import type { MatrizOpciones } from '../../../../src/main/core/matriz/exportar/datos'

let t: TestApp
let demo: TestApp
const dir = tempDir()
beforeAll(async () => {
  t = await openTestApp()
  demo = await openTestApp()
  await sembrarDemo(demo.api)
})
afterAll(async () => {
  await t.close()
  await demo.close()
  dir.cleanup()
})

const opciones = (o: Partial<MatrizOpciones> = {}): MatrizOpciones => ({
  seguimiento: false,
  papel: 'carta',
  ...o
})

async function exportar(
  app: TestApp,
  o: MatrizOpciones,
  nombre: string
): Promise<{ file: string; wb: ExcelJS.Workbook }> {
  const r = await exportarMatriz(app.app.db, o)
  const file = path.join(dir.dir, nombre)
  fs.writeFileSync(file, r.data)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(file)
  return { file, wb }
}

const text = (c: ExcelJS.Cell): string => {
  const v = c.value
  if (v && typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('')
  return v === null || v === undefined ? '' : String(v)
}

function sheetText(ws: ExcelJS.Worksheet): string[][] {
  const out: string[][] = []
  ws.eachRow({ includeEmpty: true }, (row) =>
    out.push((row.values as unknown[]).slice(1).map((_, i) => text(row.getCell(i + 1))))
  )
  return out
}

describe('Matriz del plan', () => {
  let wb: ExcelJS.Workbook
  let file: string
  beforeAll(
    async () => ({ wb, file } = await exportar(t, opciones({ papel: 'oficio' }), 'matriz.xlsx'))
  )

  it('mirrors the source: title, headers, one row per acción with its code and text', () => {
    const ws = wb.getWorksheet('Matriz')!
    expect(text(ws.getCell('A1'))).toBe('PLAN DE ACCIÓN CONTRA LA TRATA DE PERSONAS')
    expect([1, 2, 3, 4, 5].map((c) => text(ws.getCell(2, c)))).toEqual([
      'Ejes Estratégicos',
      'Objetivos',
      'Acciones',
      'Metas e Indicadores',
      'Instituciones Responsables'
    ])
    const codigos = []
    for (let r = 3; r < 28; r++) codigos.push(text(ws.getCell(r, 3)).split(' ')[0])
    expect(codigos).toHaveLength(25)
    expect(codigos[0]).toBe('1.1.a.')
    expect(codigos[24]).toBe('4.2.d.')
    expect(text(ws.getCell('C3'))).toBe(
      '1.1.a. Generar e implementar un plan nacional de capacitación de funcionarios públicos para la detección de casos de trata de personas y fomentar y reforzar los planes sectoriales existentes.'
    )
    expect(text(ws.getCell('A3'))).toBe('1. PREVENCIÓN Y SENSIBILIZACIÓN')
    expect(text(ws.getCell('B3'))).toBe(
      '1.1. Fortalecer de manera transversal las capacidades de respuesta estatal para prevenir la trata de personas.'
    )
  })

  it('merges eje and objetivo cells over their acciones, responsables only for Mesa RAV', () => {
    const merges = (wb.getWorksheet('Matriz')!.model as { merges: string[] }).merges
    expect(merges).toEqual(expect.arrayContaining(['A1:E1', 'E18:E20']))
    // Objetivo 1.1 (rows 3-7) fits on the first page; others may be cut at a page break.
    expect(merges).toContain('B3:B7')
    // 3.2.a, 3.3.a and 3.4.a share "Mesa RAV" (rows 18-20), as in the source; every other row
    // has its own responsables.
    expect(merges.filter((m) => m.startsWith('E'))).toEqual(['E18:E20'])
    expect(text(wb.getWorksheet('Matriz')!.getCell('E18'))).toBe('Mesa RAV')
  })

  it('writes metas and indicadores as rich text with bold labels and bullets', () => {
    const v = wb.getWorksheet('Matriz')!.getCell('D3').value as ExcelJS.CellRichTextValue
    const bold = v.richText.filter((r) => r.font?.bold).map((r) => r.text)
    expect(bold).toEqual(['Meta:', 'Indicadores:'])
    expect(v.richText.map((r) => r.text).join('')).toBe(
      'Meta: Al primer semestre de 2014 se contará con un plan de capacitación en prevención al que se le habrán integrado las acciones de capacitación en curso, y cuya ejecución se habrá completado al 31 de diciembre de 2014.\nIndicadores:\n• Documento validado en su propuesta de contenido, en su metodología, y en los servicios priorizados.\n• Número de servicios donde se han desarrollado acciones de capacitación.\n• Número de funcionarios y funcionarias capacitados.'
    )
    const multi = wb.getWorksheet('Matriz')!.getCell('D25').value as ExcelJS.CellRichTextValue // 4.2.b
    expect(multi.richText.filter((r) => r.font?.bold).map((r) => r.text)).toEqual([
      'Meta 1:',
      'Meta 2:',
      'Indicador:'
    ])
  })

  it('sets styles, explicit row heights, frozen header, print setup and properties', () => {
    const ws = wb.getWorksheet('Matriz')!
    expect(ws.getCell('C3').alignment).toMatchObject({ wrapText: true, vertical: 'top' })
    expect(ws.getCell('C3').border?.top?.style).toBe('thin')
    expect((ws.getCell('A2').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFD9E2F3')
    expect(ws.getCell('A2').font?.bold).toBe(true)
    for (let r = 3; r < 28; r++) expect(ws.getRow(r).height, `row ${r}`).toBeGreaterThan(20)
    expect(ws.getColumn(4).width).toBe(47)
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 })
    expect(ws.pageSetup).toMatchObject({
      orientation: 'landscape',
      // At 100 %: fit-to-pages would make Excel drop the writer's page breaks (saltos.test.ts).
      fitToPage: false,
      scale: 100,
      paperSize: 14,
      printTitlesRow: '1:2'
    })
    expect(wb.creator).toBe('Secretaría MITP')
    expect(wb.title).toBe('Plan de Acción contra la Trata de Personas 2013-2014')
  })

  it('puts the glossary of 18 institutions on its own sheet', () => {
    const rows = sheetText(wb.getWorksheet('Glosario')!)
    expect(rows[0]![0]).toBe('Glosario de términos:')
    const gl = rows.slice(1).filter((r) => r[0])
    expect(gl).toHaveLength(18)
    expect(gl[7]!.slice(0, 2)).toEqual(['SERNAM', 'Servicio Nacional de la Mujer'])
    expect(sheetText(wb.getWorksheet('Matriz')!).flat()).not.toContain('Glosario de términos:')
  })

  it('opens in LibreOffice: PDF without error, CSV with all 25 acciones, and a picture for the README', () => {
    const csv = fs.readFileSync(
      libreOfficeConvert(file, 'csv:Text - txt - csv (StarCalc):44,34,76'),
      'utf8'
    )
    // "2.1.a Sistematizar…": the source has no dot after some codes.
    const codigos = [...csv.matchAll(/(\d\.\d\.[a-e])\.? /g)].map((m) => m[1])
    expect(new Set(codigos).size).toBe(25)
    const pdf = libreOfficeConvert(file, 'pdf')
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-')
    fs.mkdirSync(RESULTS, { recursive: true })
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '70',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      pdf,
      path.join(RESULTS, 'matriz')
    ])
    expect(fs.statSync(path.join(RESULTS, 'matriz.png')).size).toBeGreaterThan(10_000)
  })
})

describe('Matriz con seguimiento', () => {
  let wb: ExcelJS.Workbook
  let file: string
  beforeAll(
    async () =>
      ({ wb, file } = await exportar(demo, opciones({ seguimiento: true }), 'seguimiento.xlsx'))
  )

  it('adds typed progress columns, coloured by estado through conditional formats', () => {
    const ws = wb.getWorksheet('Matriz')!
    expect([6, 7, 8, 9, 10].map((c) => text(ws.getCell(2, c)))).toEqual([
      'Estado',
      '% de avance',
      'Último reporte',
      'Sesión del reporte',
      'Acuerdos pendientes'
    ])
    const pct = ws.getCell('G3')
    expect(typeof pct.value).toBe('number')
    expect(pct.numFmt).toBe('0%')
    expect(ws.getCell('H3').value).toBeInstanceOf(Date)
    expect(ws.getCell('H3').numFmt).toBe('dd-mm-yyyy')
    expect(['En curso', 'Cumplida', 'Atrasada', 'No iniciada']).toContain(text(ws.getCell('F3')))
    // The colour is a rule on the estado, so it follows an edit; no fixed fill.
    expect((ws.getCell('F3').fill as ExcelJS.FillPattern | undefined)?.pattern).not.toBe('solid')
    const reglas = (
      ws as unknown as {
        conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[]
      }
    ).conditionalFormattings
    expect(reglas.flatMap((c) => c.rules.flatMap((r) => r.formulae))).toContain('$F3="Cumplida"')
  })

  it('adds Sesiones, Asistencia, Acuerdos and Indicadores with a title, autofilter, frozen headers and formulas', () => {
    for (const name of ['Sesiones', 'Asistencia', 'Acuerdos', 'Indicadores']) {
      const ws = wb.getWorksheet(name)!
      expect(ws, name).toBeDefined()
      expect(ws.autoFilter, name).toBeTruthy()
      expect(ws.views[0], name).toMatchObject({ state: 'frozen', ySplit: 2 })
      expect(ws.getCell('A2').value, name).toBe('Instancia')
      expect(ws.rowCount, name).toBeGreaterThan(3)
    }
    expect(wb.getWorksheet('Sesiones')!.getCell('C3').value).toBeInstanceOf(Date)
    const ind = wb.getWorksheet('Indicadores')!
    let formulas = 0
    ind.eachRow((row, r) => {
      const v = row.getCell(12).value
      if (r > 2 && v && typeof v === 'object' && 'formula' in v) {
        formulas++
        expect(v.formula).toBe(`J${r}/K${r}`)
        expect(row.getCell(12).numFmt).toBe('0.0%')
      }
    })
    expect(formulas).toBeGreaterThan(0)
  })

  it('opens in LibreOffice', () => {
    expect(fs.readFileSync(libreOfficeConvert(file, 'pdf')).subarray(0, 5).toString()).toBe('%PDF-')
  })
})

describe('importing a matrix', () => {
  it('round trip: export → import → export gives the same plan and touches no row', async () => {
    const app = await openTestApp()
    try {
      const first = await exportarMatriz(app.app.db, opciones())
      const before = await dbSnapshot(app.app.db)
      const plan = await planArbol(app.app.db)
      const r = await importarMatriz(app.app.db, first.data, {
        modo: 'actualizar',
        planId: plan.plan.id
      })
      expect(r.vista.sinCambios).toBe(true)
      expect(await dbSnapshot(app.app.db)).toBe(before)
      const second = await exportarMatriz(app.app.db, opciones())
      const [a, b] = await Promise.all(
        [first.data, second.data].map(async (d) => {
          const wb = new ExcelJS.Workbook()
          await wb.xlsx.load(d as unknown as ArrayBuffer)
          return sheetText(wb.getWorksheet('Matriz')!)
        })
      )
      expect(b).toEqual(a)
    } finally {
      await app.close()
    }
  })

  it('previews every change before writing, then applies it in one go', async () => {
    const app = await openTestApp()
    try {
      const { data } = await exportarMatriz(app.app.db, opciones())
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(data as unknown as ArrayBuffer)
      const ws = wb.getWorksheet('Matriz')!
      ws.getCell('C4').value =
        '1.1.b. Elaborar y distribuir material informativo (texto revisado por el ministerio).'
      ws.getCell('D12').value =
        'Meta: Contar con una guía al segundo semestre de 2015.\nIndicador:\n• Documento validado y disponible para todos los integrantes de la mesa.'
      ws.unMergeCells('E18:E20')
      ws.getCell('E18').value = 'Mesa RAV\nCoordinador: SERNAM'
      ws.getCell('E19').value = 'Mesa RAV'
      ws.getCell('E20').value = 'Mesa RAV'
      ws.spliceRows(27, 1) // 4.2.d removed
      const edited = Buffer.from(await wb.xlsx.writeBuffer())
      const planId = (await planArbol(app.app.db)).plan.id
      const before = await dbSnapshot(app.app.db)
      const vista = await previsualizarMatriz(app.app.db, edited, planId)
      expect(await dbSnapshot(app.app.db)).toBe(before)
      expect(vista).toMatchObject({
        sinCambios: false,
        acciones: { agregadas: [], modificadas: ['1.1.b'], eliminadas: ['4.2.d'] },
        metasCambiadas: ['2.1.a'],
        responsablesCambiados: ['3.2.a']
      })
      await importarMatriz(app.app.db, edited, { modo: 'actualizar', planId })
      const after = await planArbol(app.app.db, planId)
      const acciones = after.ejes.flatMap((e) => e.objetivos.flatMap((o) => o.acciones))
      expect(acciones).toHaveLength(24)
      expect(acciones.find((a) => a.codigo === '1.1.b')!.texto).toBe(
        'Elaborar y distribuir material informativo (texto revisado por el ministerio).'
      )
      expect(acciones.find((a) => a.codigo === '2.1.a')!.metas).toMatchObject([
        { texto: 'Contar con una guía al segundo semestre de 2015.', plazo: '2015-12-31' }
      ])
      expect(await app.app.db.selectFrom('tombstones').select('tabla').execute()).toEqual([
        { tabla: 'acciones' }
      ])

      const nuevo = await importarMatriz(app.app.db, edited, {
        modo: 'nuevo',
        nombre: 'Plan de Acción 2015-2018',
        periodoDesde: '2015-01-01',
        periodoHasta: '2018-12-31'
      })
      const otro = await planArbol(app.app.db, nuevo.planId)
      expect(otro.plan.nombre).toBe('Plan de Acción 2015-2018')
      expect(otro.ejes.flatMap((e) => e.objetivos.flatMap((o) => o.acciones))).toHaveLength(24)
    } finally {
      await app.close()
    }
  })

  describe('refuses workbooks that do not fit, naming sheet, row and column, and writes nothing', () => {
    let base: Buffer
    let planId: string
    beforeAll(async () => {
      base = (await exportarMatriz(t.app.db, opciones())).data
      planId = (await planArbol(t.app.db)).plan.id
    })
    async function editado(edit: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(base as unknown as ArrayBuffer)
      edit(wb.getWorksheet('Matriz')!)
      return Buffer.from(await wb.xlsx.writeBuffer())
    }
    async function rechazo(data: Uint8Array): Promise<string> {
      t.app.handle.pragma('wal_checkpoint(TRUNCATE)')
      const before = sha256(t.file)
      const snap = await dbSnapshot(t.app.db)
      const error = await importarMatriz(t.app.db, data, { modo: 'actualizar', planId }).then(
        () => null,
        (e: Error) => e.message
      )
      expect(error).not.toBeNull()
      expect(await dbSnapshot(t.app.db)).toBe(snap)
      t.app.handle.pragma('wal_checkpoint(TRUNCATE)')
      expect(sha256(t.file)).toBe(before)
      return error!
    }

    it.each([
      [
        'wrong headers',
        (ws: ExcelJS.Worksheet) => (ws.getCell('D2').value = 'Metas'),
        'Hoja «Matriz», fila 2, columna D (D2): se esperaba el encabezado «Metas e Indicadores» y dice «Metas».'
      ],
      [
        'a missing code',
        (ws: ExcelJS.Worksheet) => (ws.getCell('C5').value = 'Generar un manual sin código.'),
        'Hoja «Matriz», fila 5, columna C (C5): la acción no tiene código (por ejemplo «1.1.a. Generar…»).'
      ],
      [
        'a duplicate code',
        (ws: ExcelJS.Worksheet) => (ws.getCell('C6').value = '1.1.c. Repetida.'),
        'Hoja «Matriz», fila 6, columna C (C6): el código 1.1.c está repetido (ya aparece en la fila 5).'
      ],
      [
        'an acción under no objetivo',
        (ws: ExcelJS.Worksheet) => {
          ws.unMergeCells('B3:B7')
          ws.getCell('B3').value = null
        },
        'Hoja «Matriz», fila 3, columna B (B3): la acción no está bajo ningún objetivo.'
      ]
    ])('%s', async (_name, edit, message) => {
      expect(await rechazo(await editado(edit))).toBe(`${message} No se modificó nada.`)
    })

    it('a file that is not a workbook', async () => {
      expect(
        await rechazo(
          fs.readFileSync(
            path.join(__dirname, '../../../../resources/seed/plan-de-accion-trata-de-personas.txt')
          )
        )
      ).toBe('El archivo no es un libro de Excel (.xlsx) válido. No se modificó nada.')
      expect(
        await rechazo(Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(1000, 7)]))
      ).toBe('El archivo no es un libro de Excel (.xlsx) válido. No se modificó nada.')
    })

    it('a 50 MB junk file, without reading it whole', async () => {
      const junk = Buffer.alloc(50 * 1024 * 1024, 0x41)
      expect(await rechazo(junk)).toBe(
        'El archivo pesa 50.0 MB; el máximo es 20 MB. No se modificó nada.'
      )
    })
  })

  it('keeps emoji and long paragraphs pasted from Word unchanged, and refuses control characters with a message', async () => {
    const app = await openTestApp()
    try {
      const plan = await planArbol(app.app.db)
      const largo =
        'Párrafo pegado desde Word con comillas “tipográficas”, guiones — y emoji 🙂🇨🇱. '
          .repeat(55)
          .trim()
      await app.app.db
        .updateTable('acciones')
        .set({ texto: largo })
        .where('codigo', '=', '1.1.a')
        .execute()
      const { data } = await exportarMatriz(app.app.db, opciones())
      await app.app.db
        .updateTable('acciones')
        .set({ texto: 'otro' })
        .where('codigo', '=', '1.1.a')
        .execute()
      await importarMatriz(app.app.db, data, { modo: 'actualizar', planId: plan.plan.id })
      const back = await app.app.db
        .selectFrom('acciones')
        .select('texto')
        .where('codigo', '=', '1.1.a')
        .executeTakeFirstOrThrow()
      expect(back.texto).toBe(largo)
      await app.app.db
        .updateTable('acciones')
        .set({ texto: 'Texto con campana \u0007 pegada' })
        .where('codigo', '=', '1.1.a')
        .execute()
      await expect(exportarMatriz(app.app.db, opciones())).rejects.toThrow(
        'La acción 1.1.a contiene caracteres de control que Excel no guarda; corríjalo antes de exportar.'
      )
    } finally {
      await app.close()
    }
  })
})

describe('long work as a task', () => {
  it('reports progress to the end, and can be cancelled', async () => {
    const api = t.api
    const { tareaId } = await api['matriz:exportar']({ seguimiento: false, papel: 'carta' })
    let estado = await api['tarea:estado']({ id: tareaId })
    while (estado.estado === 'en_curso') {
      await new Promise((r) => setTimeout(r, 20))
      estado = await api['tarea:estado']({ id: tareaId })
    }
    expect(estado).toMatchObject({ estado: 'lista', progreso: 1 })
    expect(
      Buffer.from((estado.resultado as { base64: string }).base64, 'base64')
        .subarray(0, 2)
        .toString()
    ).toBe('PK')
    const otra = await api['matriz:exportar']({ seguimiento: true, papel: 'a4' })
    await api['tarea:cancelar']({ id: otra.tareaId })
    // The task says 'cancelada' once its work has really stopped, not when asked.
    let cancelada = await api['tarea:estado']({ id: otra.tareaId })
    while (cancelada.estado === 'en_curso') {
      expect(cancelada.detalle).toBe('Cancelando…')
      await new Promise((r) => setTimeout(r, 5))
      cancelada = await api['tarea:estado']({ id: otra.tareaId })
    }
    expect(cancelada).toMatchObject({ estado: 'cancelada', error: { code: 'cancelado' } })
  })
})
