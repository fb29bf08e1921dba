import { describe, expect, it } from 'vitest'
import { importar } from '../../../../src/main/core/intercambio'
import { banco } from '../../../helpers/intercambio'
import { caller, ordinarias } from '../../../helpers/sesiones'

// Where data came from (#16): each session and acuerdo names the installation that created it,
// as this side knows it (itself, or the partner by its package), in the detail and the list.

const { equipo, paqueteDe } = banco()

describe('created by which installation', () => {
  it('sessions and acuerdos received name the partner; our own name us', async () => {
    const a = await equipo('Notebook MININT – Coordinación')
    const b = await equipo('Notebook SERNAM – Javiera')
    const prevencion = async (t: typeof a.t) =>
      (await caller(t).ok('instancia:listar', undefined)).find((i) => i.codigo === 'PREVENCION')!.id
    const suya = await ordinarias(a.t, await prevencion(a.t))('2015-03-10')
    await caller(a.t).ok('acuerdo:crear', {
      sesionId: suya.id,
      texto: 'Enviar la minuta.',
      institucionId: null,
      personaId: null,
      plazo: null,
      accionId: null
    })
    const mia = await ordinarias(b.t, await prevencion(b.t))('2015-04-14')
    expect(suya.creadaEn).toBe('Notebook MININT – Coordinación')
    await importar(b.d, await paqueteDe(a, b))
    const { ok } = caller(b.t)
    const d = await ok('sesion:obtener', { id: suya.id })
    expect(d.sesion.creadaEn).toBe('Notebook MININT – Coordinación')
    expect(d.acuerdos.map((x) => [x.texto, x.creadoEn])).toEqual([
      ['Enviar la minuta.', 'Notebook MININT – Coordinación']
    ])
    const lista = await ok('sesion:listar', {})
    expect(lista.map((s) => [s.id, s.creadaEn])).toEqual([
      [mia.id, 'Notebook SERNAM – Javiera'],
      [suya.id, 'Notebook MININT – Coordinación']
    ])
    const acuerdos = await ok('acuerdo:listar', {})
    expect(acuerdos.filas.map((x) => x.creadoEn)).toEqual(['Notebook MININT – Coordinación'])
  })
})
