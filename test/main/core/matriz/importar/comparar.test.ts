import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { vistaPrevia } from '../../../../../src/main/core/matriz/importar/comparar'
import type { PlanArbol } from '../../../../../src/shared/domain/plan'
import type { VistaPreviaImportacion } from '../../../../../src/shared/domain/importacion'
import { openTestApp, type TestApp } from '../../../../helpers/db'
import { leidaDe } from './leida'

/**
 * The import preview, list by list: a workbook read back from the plan itself changes nothing,
 * and each kind of edit shows up in its own list (and only there).
 */
let t: TestApp
let plan: PlanArbol
let glosario: { sigla: string; nombre: string }[]
beforeEach(async () => {
  t = await openTestApp()
})
afterEach(() => t.close())

async function cargar() {
  plan = await t.api['plan:arbol']({})
  glosario = await t.api['institucion:listar'](undefined)
  return leidaDe(plan, glosario)
}

const NADA: Omit<VistaPreviaImportacion, 'hoja' | 'totalAcciones' | 'sinCambios'> = {
  ejes: { agregados: [], modificados: [], eliminados: [] },
  objetivos: { agregados: [], modificados: [], eliminados: [] },
  acciones: { agregadas: [], modificadas: [], eliminadas: [] },
  metasCambiadas: [],
  indicadoresCambiados: [],
  responsablesCambiados: [],
  glosario: { agregadas: [], modificadas: [] }
}
const sinCambios = { hoja: 'Matriz', totalAcciones: 25, ...NADA, sinCambios: true }

describe('vistaPrevia', () => {
  it('sees no change in the plan read back, nor in spacing and line breaks', async () => {
    const { leida, accion } = await cargar()
    expect(vistaPrevia(leida, plan, glosario)).toEqual(sinCambios)
    const a = accion('1.1.a')
    a.texto = `  ${a.texto.replace(/ /g, '\n ')}  `
    a.metas = a.metas.map((m) => ` ${m}   `)
    leida.ejes[0]!.nombre = `${leida.ejes[0]!.nombre}\n`
    leida.glosario[0]!.sigla = leida.glosario[0]!.sigla.toLowerCase()
    leida.glosario[0]!.nombre = ` ${leida.glosario[0]!.nombre} `
    expect(vistaPrevia(leida, plan, glosario)).toEqual(sinCambios)
  })

  it('against no plan (a new period), everything is added and nothing removed', async () => {
    const { leida } = await cargar()
    const v = vistaPrevia(leida, null, [])
    expect(v.ejes).toEqual({ agregados: ['1', '2', '3', '4'], modificados: [], eliminados: [] })
    expect(v.objetivos.agregados).toHaveLength(plan.ejes.flatMap((e) => e.objetivos).length)
    expect(v.objetivos.eliminados).toEqual([])
    expect(v.acciones.agregadas).toHaveLength(25)
    expect(v.acciones.modificadas).toEqual([])
    expect(v.acciones.eliminadas).toEqual([])
    expect(v.metasCambiadas).toEqual([])
    expect(v.glosario.agregadas).toEqual(glosario.map((g) => g.sigla))
    expect(v.sinCambios).toBe(false)
  })

  it('puts each edit in its own list', async () => {
    const { leida, accion, objetivo } = await cargar()
    leida.hoja = 'Hoja editada'
    leida.ejes[1]!.nombre = 'EJE RENOMBRADO'
    const quitado = leida.ejes.pop()!
    leida.ejes.push({ codigo: '9', nombre: 'NUEVO', objetivos: [] })
    objetivo('1.1').texto = 'Objetivo editado.'
    const o12 = leida.ejes[0]!.objetivos.splice(1, 1)[0]!
    leida.ejes[0]!.objetivos.push({ codigo: '1.9', texto: 'Nuevo.', acciones: [] })
    accion('1.1.a').texto = 'Acción editada.'
    accion('1.1.b').metas.push('Otra meta.')
    accion('2.1.a').indicadores = []
    accion('2.1.b').responsables = 'Otra institución'
    objetivo('1.1').acciones.push({
      codigo: '1.1.z',
      texto: 'Nueva.',
      responsables: '',
      metas: [],
      indicadores: [],
      fila: 99
    })
    leida.glosario[1]!.nombre = 'Nombre cambiado'
    leida.glosario.push({ sigla: 'OIM', nombre: 'Organización Internacional' })

    const eliminadas = [
      ...o12.acciones.map((a) => a.codigo),
      ...quitado.objetivos.flatMap((o) => o.acciones.map((a) => a.codigo))
    ].sort()
    const v = vistaPrevia(leida, plan, glosario)
    expect({
      ...v,
      acciones: { ...v.acciones, eliminadas: [...v.acciones.eliminadas].sort() }
    }).toEqual({
      hoja: 'Hoja editada',
      totalAcciones: 25 + 1 - eliminadas.length,
      ejes: { agregados: ['9'], modificados: ['2'], eliminados: [quitado.codigo] },
      objetivos: {
        agregados: ['1.9'],
        modificados: ['1.1'],
        eliminados: [o12.codigo, ...quitado.objetivos.map((o) => o.codigo)]
      },
      acciones: { agregadas: ['1.1.z'], modificadas: ['1.1.a'], eliminadas },
      metasCambiadas: ['1.1.b'],
      indicadoresCambiados: ['2.1.a'],
      responsablesCambiados: ['2.1.b'],
      glosario: { agregadas: ['OIM'], modificadas: [glosario[1]!.sigla] },
      sinCambios: false
    })
  })

  it('says there are changes when any single list has one', async () => {
    const cambios: [string, (l: ReturnType<typeof leidaDe>) => void][] = [
      ['eje agregado', (l) => l.leida.ejes.push({ codigo: '9', nombre: 'X', objetivos: [] })],
      ['eje modificado', (l) => (l.leida.ejes[0]!.nombre = 'X')],
      [
        'objetivo agregado',
        (l) => l.leida.ejes[0]!.objetivos.push({ codigo: '1.9', texto: 'X', acciones: [] })
      ],
      ['objetivo modificado', (l) => (l.objetivo('1.1').texto = 'X')],
      ['acción modificada', (l) => (l.accion('1.1.a').texto = 'X')],
      ['acción eliminada', (l) => l.objetivo('1.1').acciones.pop()],
      ['meta cambiada', (l) => l.accion('1.1.a').metas.reverse().push('X')],
      ['meta distinta', (l) => (l.accion('1.1.a').metas[0] = 'X')],
      ['indicador cambiado', (l) => l.accion('1.1.a').indicadores.push('X')],
      // Same count, one of three changed.
      ['un indicador de tres', (l) => (l.accion('1.1.a').indicadores[1] = 'X')],
      ['responsables', (l) => (l.accion('1.1.a').responsables = 'X')],
      ['sigla nueva', (l) => l.leida.glosario.push({ sigla: 'OIM', nombre: 'X' })],
      ['nombre de sigla', (l) => (l.leida.glosario[0]!.nombre = 'X')]
    ]
    const l0 = await cargar()
    expect(vistaPrevia(l0.leida, plan, glosario).sinCambios).toBe(true)
    for (const [que, cambiar] of cambios) {
      const l = leidaDe(plan, glosario)
      cambiar(l)
      expect([que, vistaPrevia(l.leida, plan, glosario).sinCambios]).toEqual([que, false])
    }
    // An eje or objetivo removed with its acciones also counts.
    const sinEje = leidaDe(plan, glosario)
    sinEje.leida.ejes.pop()
    const v = vistaPrevia(sinEje.leida, plan, glosario)
    expect([v.sinCambios, v.ejes.eliminados]).toEqual([false, ['4']])
  })
})
