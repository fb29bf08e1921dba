import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportarMatriz } from '../../../../src/main/core/matriz/exportar/exportar'
import { actaAprobada, type ActaAprobadaFixture } from '../../../helpers/acta-aprobada'
import { openTestApp, type TestApp } from '../../../helpers/db'
import { caller } from '../../../helpers/sesiones'

// The tracking workbook reports acuerdos as approved actas record them: a follow-up written in a
// session whose acta is still a draft is not the mesa's word yet. It is shown, marked as a draft,
// beside the approved state, and does not change the pending counts.

let t: TestApp
let f: ActaAprobadaFixture
let wb: ExcelJS.Workbook
beforeAll(async () => {
  t = await openTestApp()
  f = await actaAprobada(t)
  // In the draft session (N° 3), the approved session's acuerdo is reported as met.
  await caller(t).ok('acuerdo:seguimiento', {
    sesionId: f.borrador.sesion,
    acuerdoId: f.aprobada.acuerdo,
    estado: 'cumplido',
    nota: 'Enviado.'
  })
  const { data } = await exportarMatriz(t.app.db, { seguimiento: true, papel: 'oficio' })
  wb = new ExcelJS.Workbook()
  await wb.xlsx.load(data as unknown as ArrayBuffer)
}, 120_000)
afterAll(() => t.close())

const texto = (v: ExcelJS.CellValue): string => (v === null || v === undefined ? '' : String(v))

describe('the tracking workbook and follow-ups in draft actas', () => {
  it('gives each acuerdo the state approved actas record, the draft one beside it, marked', () => {
    const ws = wb.getWorksheet('Acuerdos')!
    const encabezados = (ws.getRow(2).values as ExcelJS.CellValue[]).slice(1).map(texto)
    const col = (t: string) => encabezados.indexOf(t) + 1
    expect(col('Seguimiento en borrador')).toBeGreaterThan(col('Estado'))
    const filas = Array.from({ length: ws.rowCount - 2 }, (_, i) => ws.getRow(i + 3))
    const de = (n: number) =>
      filas.find(
        (r) =>
          texto(r.getCell(2).value) === `Sesión Ordinaria N° ${n}/2014` &&
          texto(r.getCell(col('Acuerdo')).value).startsWith('Acuerdo de la sesión')
      )!
    // The approved session's own acuerdo: no approved follow-up, so still pending.
    const aprobado = de(2)
    expect(texto(aprobado.getCell(col('Acta')).value)).toBe('Aprobada')
    expect(texto(aprobado.getCell(col('Estado')).value)).toBe('Pendiente')
    expect(texto(aprobado.getCell(col('Seguimiento en borrador')).value)).toBe(
      'Cumplido, Sesión Ordinaria N° 3/2014 (acta en borrador)'
    )
    // S1's acuerdo: "en curso" in the approved acta, and again in the later draft, marked.
    const s1 = filas.find((r) => texto(r.getCell(col('Acuerdo')).value).startsWith('Enviar'))!
    expect(texto(s1.getCell(col('Estado')).value)).toBe('En curso')
    expect(texto(s1.getCell(col('Seguimiento en borrador')).value)).toBe(
      'En curso, Sesión Ordinaria N° 3/2014 (acta en borrador)'
    )
    // A row with nothing in draft leaves the cell blank, not an empty string.
    const sinBorrador = filas.filter((r) => !texto(r.getCell(col('Seguimiento en borrador')).value))
    expect(sinBorrador.length).toBeGreaterThan(0)
    for (const r of sinBorrador) expect(r.getCell(col('Seguimiento en borrador')).value).toBeNull()
    const reglas = (
      ws as unknown as {
        conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[]
      }
    ).conditionalFormattings
    expect(
      reglas.some((c) => c.ref.startsWith('K3:') && /\$K3<>""/.test(c.rules[0]!.formulae[0]!))
    ).toBe(true)
  })

  it("counts an acción's pending acuerdos from approved actas only", () => {
    const ws = wb.getWorksheet('Matriz')!
    const fila = Array.from({ length: ws.rowCount }, (_, i) => ws.getRow(i + 1)).find((r) =>
      texto(r.getCell(3).value).startsWith('1.2.b')
    )!
    // 1.2.b has three acuerdos: S1's and N° 3's are in drafts; N° 2's is approved and, as
    // approved actas say, not met (the draft that reports it met does not count yet).
    expect(fila.getCell(10).value).toBe(1)
  })
})
