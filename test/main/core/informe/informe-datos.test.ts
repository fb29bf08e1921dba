import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '../../../helpers/db'
import {
  comprobarInforme,
  demoConMetas,
  filasAccion,
  COLUMNAS
} from '../../../helpers/informe-esperado'
import { datosInforme } from '../../../../src/main/core/informe/datos'
import { informeDocumento, type InformeDocumento } from '../../../../src/main/core/informe/modelo'

// The same checks as informe-demo.test.ts on the core's own blocks, in this process (no
// LibreOffice): what mutation testing runs against the report's code.

let t: TestApp
let doc: InformeDocumento

const texto = (d: InformeDocumento): string =>
  d.bloques.map((b) => ('texto' in b ? b.texto : '')).join('\n')
const filas = (d: InformeDocumento, columnas: string[]): string[][] =>
  d.bloques.flatMap((b) =>
    b.tipo === 'tabla' && JSON.stringify(b.columnas) === JSON.stringify(columnas) ? b.filas : []
  )

beforeAll(async () => {
  t = await demoConMetas('2015-01-15')
  doc = informeDocumento(await datosInforme(t.app.db, { anio: 2014 }, '2015-01-15'))
}, 120_000)
afterAll(() => t.close())

describe("the annual report's blocks, on the demo year", () => {
  comprobarInforme(
    () => t,
    () => ({ texto: () => texto(doc), filas: (columnas) => filas(doc, columnas) })
  )

  it('counts, within the year itself, only the reports up to today', async () => {
    // On 1 April 2014 the June sessions have not been held: their reports are not counted.
    const d = await datosInforme(t.app.db, { anio: 2014 }, '2014-04-01')
    expect(d.corte).toBe('2014-04-01')
    const enAbril = filas(informeDocumento(d), COLUMNAS.accion)
    expect(enAbril).toEqual(await filasAccion(t, '2014-04-01'))
    expect(enAbril).not.toEqual(await filasAccion(t, '2014-12-31'))
    expect(d.sesiones.length).toBeGreaterThan(0)
    expect(d.sesiones.every((s) => s.fecha <= '2014-04-01')).toBe(true)
  })

  it('draws its charts from the same figures as its tables', () => {
    const [estados, indicadores] = doc.bloques.flatMap((b) =>
      b.tipo === 'grafico' ? [b.grafico] : []
    )
    // One bar per eje, each with its count of acciones.
    for (const f of filas(doc, COLUMNAS.porEje))
      expect(estados!.svg).toContain(`>${f[1]} acciones</text>`)
    // One row per indicador with a value or a target, its value and target written beside it.
    const conDatos = filas(doc, COLUMNAS.indicador).filter((f) => f[1] !== '—' || f[2] !== '—')
    expect(conDatos.length).toBeGreaterThan(0)
    expect(indicadores!.svg.match(/fill="#f1f3f5"/g)).toHaveLength(conDatos.length)
    for (const f of conDatos)
      expect(indicadores!.svg).toContain(`>${f[1]} / ${f[2] === '—' ? 's/m' : f[2]}</text>`)
  })

  it('refuses a year outside the plan or not yet begun, in Spanish', async () => {
    await expect(datosInforme(t.app.db, { anio: 2012 }, '2015-01-15')).rejects.toThrow(
      'El año 2012 está fuera del período del plan (2013–2014).'
    )
    await expect(datosInforme(t.app.db, { anio: 2015 }, '2014-12-31')).rejects.toThrow(
      'El año 2015 aún no comienza: no hay nada que informar.'
    )
  })
})
