import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { actaDocumento } from '../../../../../src/main/core/actas/documentos/modelo'
import { openTestApp, type TestApp } from '../../../../helpers/db'
import { caller, prevencionConMiembros } from '../../../../helpers/sesiones'

// A hito's value is stored as 1 or 0: the acta prints it as the tracking workbook does.
let t: TestApp
let sesionId = ''
beforeAll(async () => {
  t = await openTestApp()
  const ctx = await prevencionConMiembros(t)
  const { ok } = caller(t)
  const s = await ok('sesion:crear', {
    instanciaId: ctx.prevencion.id,
    tipo: 'ordinaria',
    fecha: '2014-03-12',
    modalidad: 'presencial'
  })
  sesionId = s.id
  const hitos = ctx.acciones.flatMap((a) => a.indicadores.filter((i) => i.tipo === 'hito'))
  for (const [i, valor] of [1, 0].entries())
    await ok('medicion:guardar', {
      sesionId,
      indicadorId: hitos[i]!.id,
      valor,
      numerador: null,
      denominador: null,
      fechaCorte: '2014-03-01',
      nota: `h${valor}`
    })
})
afterAll(() => t.close())

describe('a hito in the acta', () => {
  it('prints "Logrado" / "No logrado", never the raw 1 or 0', async () => {
    const a = await actaDocumento(t.app.db, sesionId)
    expect(a.mediciones.map((m) => [m.nota, m.valor]).sort()).toEqual([
      ['h0', 'No logrado'],
      ['h1', 'Logrado']
    ])
  })
})
