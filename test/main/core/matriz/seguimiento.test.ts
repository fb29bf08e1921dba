import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppApi } from '../../../../src/main/core/api'
import { createKysely } from '../../../../src/main/core/db/sqlite'
import { exportarMatriz } from '../../../../src/main/core/matriz/exportar/exportar'
import { construirHistoria, conLotes } from '../../../../scripts/bench/historia'
import { openTestApp, tempDir, type TestApp } from '../../../helpers/db'
import { libreOfficeConvert } from '../../../helpers/office'
import { execFileSync } from 'node:child_process'

/**
 * The tracking workbook ("con seguimiento"), streamed: read back with exceljs and after
 * LibreOffice has opened and saved it. Every detail row names its instancia and session, a
 * draft's rows say "Borrador", colours are conditional formats, no cell holds an empty string.
 */
const DETALLE = ['Sesiones', 'Asistencia', 'Acuerdos', 'Indicadores']

let t: TestApp
let dir: { dir: string; cleanup: () => void }
let propio: ExcelJS.Workbook
let deLibreOffice: ExcelJS.Workbook
let borradores: Set<string>
let archivo: string
beforeAll(async () => {
  t = await openTestApp()
  const api = createAppApi({ ...t.app, db: createKysely(conLotes(t.app.handle)) }, { version: 't' })
  await construirHistoria(api, t.app.handle, { porAnio: 3, anios: 1, desde: 2015 })
  borradores = new Set(
    (
      t.app.handle
        .prepare(`select fecha from sesiones where estado <> 'aprobada'`)
        .pluck()
        .all() as string[]
    ).map((f) => f.split('-').reverse().join('-'))
  )
  const r = await exportarMatriz(t.app.db, {
    seguimiento: true,
    papel: 'oficio',
    hoy: '2015-06-01'
  })
  dir = tempDir()
  const file = path.join(dir.dir, 'seguimiento.xlsx')
  fs.writeFileSync(file, r.data)
  archivo = file
  propio = new ExcelJS.Workbook()
  await propio.xlsx.readFile(file)
  // LibreOffice opens it and writes it again: what it understood is what it keeps.
  const copia = path.join(dir.dir, 'copia', 'seguimiento.xlsx')
  fs.mkdirSync(path.dirname(copia))
  fs.copyFileSync(file, copia)
  const lo = libreOfficeConvert(copia, 'xlsx:Calc MS Excel 2007 XML')
  deLibreOffice = new ExcelJS.Workbook()
  await deLibreOffice.xlsx.readFile(lo)
}, 240_000)
afterAll(async () => {
  await t?.close()
  dir?.cleanup()
})

const libros = () =>
  [
    ['exceljs', propio],
    ['LibreOffice', deLibreOffice]
  ] as const

const texto = (v: ExcelJS.CellValue): string =>
  v instanceof Date ? v.toISOString().slice(0, 10).split('-').reverse().join('-') : String(v ?? '')

describe('the tracking workbook, read back', () => {
  it('every detail row says which instancia, session and acta it comes from, in session order', () => {
    for (const [quien, wb] of libros())
      for (const nombre of DETALLE) {
        const ws = wb.getWorksheet(nombre)!
        expect(ws.getCell('A2').value, `${quien} ${nombre}`).toBe('Instancia')
        expect(ws.rowCount, `${quien} ${nombre}`).toBeGreaterThan(3)
        let anterior = ''
        for (let r = 3; r <= ws.rowCount; r++) {
          const [inst, sesion, fecha, acta] = [1, 2, 3, 4].map((c) => ws.getCell(r, c).value)
          expect(inst, `${quien} ${nombre}!A${r}`).toMatch(/\S/)
          expect(sesion, `${quien} ${nombre}!B${r}`).toMatch(
            /^Sesión (Ordinaria|Extraordinaria) N° \d+\/\d{4}$/
          )
          expect(acta, `${quien} ${nombre}!D${r}`).toMatch(/^(Aprobada|Borrador|Cerrada)$/)
          const iso = texto(fecha).split('-').reverse().join('-')
          expect(iso >= anterior, `${quien} ${nombre}!C${r} in order`).toBe(true)
          anterior = iso
        }
      }
  })

  it("marks a draft's rows as such (and only those)", () => {
    for (const [quien, wb] of libros()) {
      const ws = wb.getWorksheet('Sesiones')!
      const marcadas = new Set<string>()
      for (let r = 3; r <= ws.rowCount; r++)
        if (ws.getCell(r, 4).value === 'Borrador') marcadas.add(texto(ws.getCell(r, 3).value))
      expect([...marcadas].sort(), quien).toEqual([...borradores].sort())
    }
  })

  it('colours by conditional formats (estado, overdue acuerdos) and filters the Matriz sheet too', () => {
    for (const [quien, wb] of libros()) {
      const cf = (n: string) =>
        (
          wb.getWorksheet(n) as unknown as {
            conditionalFormattings?: { rules: { formulae?: string[] }[] }[]
          }
        ).conditionalFormattings ?? []
      const formulas = (n: string) => cf(n).flatMap((c) => c.rules.flatMap((r) => r.formulae ?? []))
      expect(formulas('Matriz').join(' '), quien).toMatch(/Cumplida/)
      expect(formulas('Matriz').join(' '), quien).toMatch(/Atrasada/)
      expect(formulas('Acuerdos').join(' '), quien).toMatch(/TODAY\(\)/)
      const matriz = wb.getWorksheet('Matriz')!
      for (let r = 3; r <= matriz.rowCount; r++)
        for (let c = 6; c <= 10; c++)
          expect(
            matriz.getCell(r, c).fill?.type === 'pattern' &&
              (matriz.getCell(r, c).fill as ExcelJS.FillPattern).pattern === 'solid',
            `${quien} fixed fill at ${r},${c}`
          ).toBe(false)
      for (const n of ['Matriz', ...DETALLE])
        expect(wb.getWorksheet(n)!.autoFilter, `${quien} ${n}`).toBeTruthy()
    }
  })

  it('writes labels, not raw values, and leaves empty cells blank instead of empty strings', () => {
    for (const [quien, wb] of libros()) {
      let vacias = 0
      wb.eachSheet((ws) =>
        ws.eachRow((row) =>
          row.eachCell({ includeEmpty: false }, (c) => {
            if (c.value === '') vacias++
          })
        )
      )
      expect(vacias, quien).toBe(0)
      const ind = wb.getWorksheet('Indicadores')!
      const tipos = new Set<string>()
      const hitos = new Set<string>()
      for (let r = 3; r <= ind.rowCount; r++) {
        tipos.add(String(ind.getCell(r, 8).value))
        if (String(ind.getCell(r, 8).value).startsWith('Hito'))
          hitos.add(String(ind.getCell(r, 9).value))
      }
      expect(
        [...tipos].every((x) => /^[A-Z]/.test(x)),
        `${quien} ${[...tipos].join(', ')}`
      ).toBe(true)
      expect(
        [...hitos].every((x) => x === 'Logrado' || x === 'No logrado'),
        quien
      ).toBe(true)
    }
  })

  it('gives every sheet a title, page numbers in the footer and its paper', () => {
    for (const nombre of DETALLE) {
      const ws = propio.getWorksheet(nombre)!
      expect(String(ws.getCell('A1').value), nombre).toMatch(/\S/)
      expect(ws.headerFooter.oddFooter, nombre).toMatch(/&P de &N/)
      expect(ws.pageSetup.orientation, nombre).toBe('landscape')
      expect(ws.pageSetup.paperSize, nombre).toBe(14)
    }
  })
})

describe('the tracking workbook at scale', () => {
  it('exports a database with 40,000 acuerdos', async () => {
    const a = await openTestApp()
    try {
      const h = a.app.handle
      const inst = h.prepare('select id from instancias order by orden').pluck().all() as string[]
      const sesion = h.prepare(
        `insert into sesiones (id, instancia_id, tipo, numero, anio, fecha, modalidad, estado, created_at, updated_at)
         values (?, ?, 'ordinaria', ?, ?, ?, 'presencial', 'borrador', ?, ?)`
      )
      const acuerdo = h.prepare(
        `insert into acuerdos (id, sesion_id, numero, texto, responsable, plazo, created_at, updated_at)
         values (?, ?, ?, ?, 'SERNAM', ?, ?, ?)`
      )
      h.transaction(() => {
        for (let i = 0; i < 8000; i++) {
          const anio = 2015 + Math.floor(i / 800)
          const fecha = `${anio}-${String(1 + (i % 12)).padStart(2, '0')}-15`
          const id = `01900000-0000-7000-8000-${String(i).padStart(12, '0')}`
          sesion.run(
            id,
            inst[i % inst.length],
            1 + Math.floor((i % 800) / 5),
            anio,
            fecha,
            fecha,
            fecha
          )
          for (let n = 1; n <= 5; n++)
            acuerdo.run(`${id}-${n}`, id, n, `Acuerdo ${n} de ${fecha}.`, fecha, fecha, fecha)
        }
      })()
      const r = await exportarMatriz(a.app.db, {
        seguimiento: true,
        papel: 'carta',
        hoy: '2026-01-01'
      })
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(r.data as unknown as ArrayBuffer)
      expect(wb.getWorksheet('Acuerdos')!.rowCount).toBe(40_002)
      expect(wb.getWorksheet('Sesiones')!.rowCount).toBe(8_002)
    } finally {
      await a.close()
    }
  }, 240_000)

  it('gives each colour rule its own priority, a missed deadline over a draft or an estado', () => {
    const lista = execFileSync('unzip', ['-Z1', archivo], { encoding: 'utf8' })
    const hojas = lista.split('\n').filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))
    let acuerdos = 0
    for (const h of hojas) {
      const xml = execFileSync('unzip', ['-p', archivo, h], { encoding: 'utf8' })
      const reglas = [...xml.matchAll(/<cfRule[^>]*priority="(\d+)"[^>]*>\s*<formula>([^<]*)/g)]
      const prioridades = reglas.map((m) => Number(m[1]))
      expect(new Set(prioridades).size, h).toBe(prioridades.length)
      const de = (f: RegExp) => Number(reglas.find((m) => f.test(m[2]!))?.[1])
      if (!xml.includes('TODAY()')) continue
      acuerdos++
      // Acuerdos: overdue over a draft; Matriz: an overdue meta over the estado's colour.
      const otra = xml.includes('Borrador') ? /Borrador/ : /En curso/
      expect(de(/TODAY\(\)/), h).toBeLessThan(de(otra))
    }
    expect(acuerdos).toBe(2)
  })

  it("computes a porcentaje by a formula with its value cached, never one giving ''", () => {
    const ind = propio.getWorksheet('Indicadores')!
    let formulas = 0
    for (let r = 3; r <= ind.rowCount; r++) {
      const v = ind.getCell(r, 12).value as ExcelJS.CellFormulaValue | null
      if (!v || typeof v !== 'object' || !('formula' in v)) continue
      formulas++
      expect(v.formula, `L${r}`).not.toContain('""')
      // exceljs writes a cached 0 as an empty <v/>: only a zero numerator may lack its value.
      if (Number(ind.getCell(r, 10).value ?? 0) !== 0)
        expect(typeof v.result, `L${r}`).toBe('number')
      expect(Number(ind.getCell(r, 11).value), `K${r}`).toBeGreaterThan(0)
    }
    expect(formulas).toBeGreaterThan(0)
  })

  it("names the instancia of each acción's last report in the Matriz sheet", () => {
    const instancias = t.app.handle
      .prepare('select nombre from instancias')
      .pluck()
      .all() as string[]
    const ws = propio.getWorksheet('Matriz')!
    let reportes = 0
    for (let r = 3; r <= ws.rowCount; r++) {
      const v = String(ws.getCell(r, 9).value ?? '')
      if (!v) continue
      reportes++
      expect(
        instancias.some((i) => v.endsWith(`, ${i}`)),
        `I${r}: ${v}`
      ).toBe(true)
    }
    expect(reportes).toBeGreaterThan(0)
  })
})
