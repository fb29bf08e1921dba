import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cliEnProceso } from '../../helpers/cli-en-proceso'
import { tempDir } from '../../helpers/db'
import { pdfText } from '../../helpers/office'
import { imagenesDocx } from '../../helpers/informe-leido'

// `informe` writes the annual report of the demo data as DOCX or PDF, under a temporary name
// renamed once whole; bad input is refused in Spanish and leaves no file behind.

const dir = tempDir()
afterAll(() => dir.cleanup())
const db = path.join(dir.dir, 'demo.db')
const salidas = path.join(dir.dir, 'salidas')

const cli = cliEnProceso

/** What the output folder holds: no temporary file may be left in it. */
const enSalidas = (): string[] => fs.readdirSync(salidas).sort()

beforeAll(async () => {
  expect(await cli('demo', '--db', db)).toMatchObject({ code: 0 })
  fs.mkdirSync(salidas)
}, 120_000)

describe('cli informe', () => {
  it('writes the DOCX report of the demo year, charts included', async () => {
    const out = path.join(salidas, 'informe.docx')
    const r = await cli('informe', '--db', db, '--anio', '2014', '--out', out)
    expect(r).toEqual({ code: 0, out: `Informe anual 2014 escrito en ${out}`, err: '' })
    expect(enSalidas()).toEqual(['informe.docx'])
    const pngs = await imagenesDocx(out)
    expect(pngs.map((p) => p.valido)).toEqual([true, true])
    fs.rmSync(out)
  }, 120_000)

  it('writes it as PDF with Chromium', async () => {
    const out = path.join(salidas, 'informe.pdf')
    expect(await cli('informe', '--db', db, '--anio', '2014', '--out', out)).toMatchObject({
      code: 0
    })
    expect(fs.readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-')
    const texto = pdfText(out)
    expect(texto).toContain('Informe anual 2014')
    expect(texto).toContain('Eje 4. COOPERACIÓN Y COORDINACIÓN INTERINSTITUCIONAL')
    fs.rmSync(out)
  }, 120_000)

  it('refuses a missing database file without creating it', async () => {
    const falta = path.join(dir.dir, 'no-existe.db')
    const out = path.join(salidas, 'x.docx')
    const r = await cli('informe', '--db', falta, '--anio', '2014', '--out', out)
    expect(r.code).toBe(1)
    expect(r.err).toBe(`Error: No existe el archivo ${falta}; revise --db.`)
    expect(fs.existsSync(falta)).toBe(false)
    expect(enSalidas()).toEqual([])
  })

  it.each([
    ['20x4', 'Año no válido'],
    ['1800', 'Año no válido'],
    ['2010', 'El año 2010 está fuera del período del plan (2013–2014).'],
    ['2099', 'El año 2099 aún no comienza']
  ])('refuses the year %s in Spanish, writing nothing', async (anio, mensaje) => {
    const r = await cli(
      'informe',
      '--db',
      db,
      '--anio',
      anio,
      '--out',
      path.join(salidas, 'a.docx')
    )
    expect(r.code).toBe(1)
    expect(r.err).toContain(mensaje)
    expect(enSalidas()).toEqual([])
  })

  it('refuses an unknown extension, a --periodo that is no id and a missing --anio', async () => {
    const odt = await cli('informe', '--db', db, '--anio', '2014', '--out', `${salidas}/a.odt`)
    expect(odt.code).toBe(1)
    expect(odt.err).toContain('--out debe terminar en .docx o .pdf')
    const periodo = await cli(
      'informe',
      '--db',
      db,
      '--anio',
      '2014',
      '--periodo',
      'abc',
      '--out',
      `${salidas}/a.docx`
    )
    expect(periodo.code).toBe(1)
    expect(periodo.err).toContain(
      '--periodo debe ser el identificador de un plan (se recibió "abc")'
    )
    const sinAnio = await cli('informe', '--db', db, '--out', `${salidas}/a.docx`)
    expect(sinAnio.code).toBe(2)
    expect(sinAnio.err).toContain('informe necesita --anio AAAA')
    expect(enSalidas()).toEqual([])
  })

  it('keeps an earlier file whole when a new report fails (an unknown --periodo)', async () => {
    const out = path.join(salidas, 'anterior.docx')
    fs.writeFileSync(out, 'informe anterior')
    const periodo = '01a22d25-0000-7000-8000-000000000000'
    const r = await cli('informe', '--db', db, '--anio', '2014', '--periodo', periodo, '--out', out)
    expect(r.code).toBe(1)
    expect(r.err).toContain('El plan no existe')
    expect(fs.readFileSync(out, 'utf8')).toBe('informe anterior')
    expect(enSalidas()).toEqual(['anterior.docx'])
    fs.rmSync(out)
  })

  it('refuses a folder as --out (a .docx/.pdf file is needed) and writes nothing in it', async () => {
    const carpeta = path.join(salidas, 'carpeta.docx')
    fs.mkdirSync(carpeta)
    const r = await cli('informe', '--db', db, '--anio', '2014', '--out', carpeta)
    expect(r.code).toBe(1)
    expect(r.err).toContain('es una carpeta: --out debe ser un archivo .docx o .pdf')
    expect(r.err).not.toContain('.db')
    expect(enSalidas()).toEqual(['carpeta.docx'])
    expect(fs.readdirSync(carpeta)).toEqual([])
    fs.rmdirSync(carpeta)
  }, 120_000)
})
