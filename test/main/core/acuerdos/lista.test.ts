import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import type { TestApp } from '../../../helpers/db'
import { demoAl, estadoAcuerdos } from '../../../helpers/demo-hoy'
import { filas } from '../../../helpers/consulta'
import type { Input } from '../../../../src/shared/api/contract'

/**
 * The list of every acuerdo across sessions over the demo (today 2014-11-01): each filter and
 * the paging against what the test works out from the rows itself.
 */
const HOY = '2014-11-01'
let t: TestApp
interface Fila {
  id: string
  plazo: string | null
  instancia_id: string
  institucion_id: string | null
  persona_id: string | null
  accion_id: string | null
  fecha: string
  numero: number
}
let todos: Fila[]
let estado: Map<string, string>
beforeAll(async () => {
  t = await demoAl(HOY)
  todos = await filas<Fila>(
    t,
    `select a.id, a.plazo, s.instancia_id, a.institucion_id, a.persona_id, a.accion_id,
       s.fecha, a.numero
     from acuerdos a join sesiones s on s.id = a.sesion_id`
  )
  estado = await estadoAcuerdos(t)
}, 120_000)
afterAll(() => t.close())

const situacion = (a: Fila): string => {
  const e = estado.get(a.id) ?? 'pendiente'
  return e !== 'cumplido' && a.plazo !== null && a.plazo < HOY ? 'vencido' : e
}

type Filtro = Omit<Input<'acuerdo:listar'>, 'offset' | 'limit'>

/** The whole list, page by page (4 at a time). */
async function todas(f: Filtro): Promise<string[]> {
  const ids: string[] = []
  for (let offset = 0; ; offset += 4) {
    const p = await t.api['acuerdo:listar']({ orden: 'plazo', ...f, offset, limit: 4 })
    expect(p.filas.length).toBeLessThanOrEqual(4)
    ids.push(...p.filas.map((a) => a.id))
    if (offset + 4 >= p.total) {
      expect(ids.length).toBe(p.total)
      return ids
    }
  }
}

const porPlazo = (xs: Fila[]): string[] =>
  [...xs]
    .sort(
      (a, b) =>
        (a.plazo ?? '~').localeCompare(b.plazo ?? '~') ||
        a.fecha.localeCompare(b.fecha) ||
        a.numero - b.numero
    )
    .map((a) => a.id)

describe('every acuerdo in one list', () => {
  it('pages through all of them by plazo, each with its session and follow-ups', async () => {
    expect(await todas({})).toEqual(porPlazo(todos))
    const p = await t.api['acuerdo:listar']({ orden: 'plazo', offset: 0, limit: 200 })
    const conHistoria = p.filas.find((a) => a.historial.length > 0)!
    const [n] = await filas<{ n: number }>(
      t,
      `select count(*) n from seguimientos where acuerdo_id = ?`,
      conHistoria.id
    )
    expect(conHistoria.historial.length).toBe(n!.n)
    expect(conHistoria.sesionTitulo).toMatch(/^Sesión Ordinaria N° \d+\/2014$/)
    const desc = await t.api['acuerdo:listar']({ orden: 'plazo_desc', offset: 0, limit: 200 })
    expect(desc.filas.map((a) => a.plazo)).toEqual(
      p.filas
        .map((a) => a.plazo)
        .sort()
        .reverse()
    )
  })

  it('filters by instancia, institución, responsable, acción, situación and plazo', async () => {
    const a0 = todos.find((a) => a.persona_id && a.accion_id && a.institucion_id)!
    const entre = (a: Fila) => !!a.plazo && a.plazo >= '2014-09-10' && a.plazo <= '2014-11-19'
    const casos: [Filtro, (a: Fila) => boolean][] = [
      [{ instanciaId: a0.instancia_id }, (a) => a.instancia_id === a0.instancia_id],
      [{ institucionId: a0.institucion_id! }, (a) => a.institucion_id === a0.institucion_id],
      [{ personaId: a0.persona_id! }, (a) => a.persona_id === a0.persona_id],
      [{ accionId: a0.accion_id! }, (a) => a.accion_id === a0.accion_id],
      [{ plazoDesde: '2014-09-10', plazoHasta: '2014-11-19' }, entre],
      [{ situacion: 'abierto' }, (a) => estado.get(a.id) !== 'cumplido']
    ]
    for (const s of ['pendiente', 'en_curso', 'cumplido', 'vencido'] as const)
      casos.push([{ situacion: s }, (a) => situacion(a) === s])
    for (const [f, pasa] of casos) {
      const esperado = porPlazo(todos.filter(pasa))
      // The demo's only "en curso" follow-ups are in draft actas: none en curso as approved.
      if (f.situacion !== 'en_curso') expect(esperado.length, JSON.stringify(f)).toBeGreaterThan(0)
      expect(esperado.length, JSON.stringify(f)).toBeLessThan(todos.length)
      expect(await todas(f), JSON.stringify(f)).toEqual(esperado)
    }
  })

  it('exports the filtered list as the tracking workbook Acuerdos sheet', async () => {
    const doc = await t.api['acuerdo:exportar']({ situacion: 'vencido', orden: 'plazo' })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(doc.base64, 'base64') as unknown as ArrayBuffer)
    const ws = wb.getWorksheet('Acuerdos')!
    const vencidos = todos.filter((a) => situacion(a) === 'vencido')
    expect(vencidos.length).toBeGreaterThan(0)
    expect(ws.actualRowCount - 2).toBe(vencidos.length)
    expect(ws.getRow(2).getCell(10).value).toBe('Estado')
    const plazos = Array.from(
      { length: vencidos.length },
      (_, k) => ws.getRow(k + 3).getCell(8).value
    )
    expect(plazos.map((p) => (p as Date).toISOString().slice(0, 10))).toEqual(
      vencidos.map((a) => a.plazo).sort()
    )
  })

  it('stands acuerdos where approved actas leave them: a draft follow-up is shown apart', async () => {
    const enBorrador = (
      await filas<{ acuerdo_id: string }>(
        t,
        `select sg.acuerdo_id from seguimientos sg join sesiones s on s.id = sg.sesion_id
       where s.estado <> 'aprobada'`
      )
    ).map((r) => r.acuerdo_id)
    // Some draft follow-up says otherwise than the approved actas (else this proves nothing).
    const todosLos = new Map(
      (await t.api['acuerdo:listar']({ orden: 'plazo', offset: 0, limit: 200 })).filas.map((a) => [
        a.id,
        a
      ])
    )
    const movidos = enBorrador.filter((id) => {
      const h = todosLos.get(id)!.historial
      return h.at(-1)!.estado !== (estado.get(id) ?? 'pendiente')
    })
    expect(movidos.length).toBeGreaterThan(0)
    for (const id of enBorrador) {
      const a = todosLos.get(id)!
      expect(a.situacion, id).toBe(situacion(todos.find((x) => x.id === id)!))
      expect(a.historial.filter((h) => h.enBorrador).length).toBeGreaterThan(0)
    }
    // The export of each situación says the same Estado as the list.
    const etiqueta = { pendiente: 'Pendiente', en_curso: 'En curso', vencido: 'Vencido' }
    for (const s of ['pendiente', 'vencido'] as const) {
      const doc = await t.api['acuerdo:exportar']({ situacion: s, orden: 'plazo' })
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(Buffer.from(doc.base64, 'base64') as unknown as ArrayBuffer)
      const ws = wb.getWorksheet('Acuerdos')!
      const n = todos.filter((a) => situacion(a) === s).length
      expect(ws.actualRowCount - 2).toBe(n)
      for (let k = 0; k < n; k++) {
        expect(ws.getRow(k + 3).getCell(10).value).toBe(etiqueta[s])
        // Plazos as Chile writes dates, whatever the reader's locale.
        if (ws.getRow(k + 3).getCell(8).value)
          expect(ws.getRow(k + 3).getCell(8).numFmt).toBe('dd-mm-yyyy')
      }
    }
  })
})
