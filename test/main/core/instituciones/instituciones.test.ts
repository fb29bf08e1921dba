import { describe, expect, it } from 'vitest'
import type { TestApp } from '../../../helpers/db'
import { cadaPrueba, type Caller, NO_EXISTE } from '../../../helpers/respuestas'

/** The glossary of institutions and the instancias, read back field by field. */
let t: TestApp
let api: Caller
cadaPrueba((nueva, llamar) => {
  t = nueva
  api = llamar
})

const siglaTomada = (sigla: string) => {
  const message = `Ya existe una institución con la sigla ${sigla}.`
  return { ok: false, error: { code: 'conflicto', message, fields: { sigla: message } } }
}

describe('instituciones', () => {
  it('lists the glossary in its order, and a new one goes last with its fields', async () => {
    const antes = await api.ok('institucion:listar', undefined)
    expect(antes.map((i) => i.orden)).toEqual(antes.map((_, n) => n + 1))
    expect(antes[0]).toEqual({
      id: expect.any(String),
      sigla: expect.any(String),
      nombre: expect.any(String),
      orden: 1
    })
    const oim = await api.ok('institucion:crear', {
      sigla: 'OIM',
      nombre: 'Organización Internacional'
    })
    expect(oim).toEqual({
      id: expect.any(String),
      sigla: 'OIM',
      nombre: 'Organización Internacional',
      orden: antes.length + 1
    })
    await api.ok('institucion:mover', { id: oim.id, direccion: 'arriba' })
    const despues = await api.ok('institucion:listar', undefined)
    expect(despues.map((i) => i.sigla)).toEqual([
      ...antes.slice(0, -1).map((i) => i.sigla),
      'OIM',
      antes.at(-1)!.sigla
    ])
  })

  it('refuses a sigla already taken in any case, and changes nothing', async () => {
    const [primera] = await api.ok('institucion:listar', undefined)
    const otra = primera!.sigla.toLowerCase()
    expect(await api.call('institucion:crear', { sigla: otra, nombre: 'X' })).toEqual(
      siglaTomada(otra)
    )
    expect(await api.ok('institucion:listar', undefined)).toHaveLength(18)
  })

  it('edits an institution, keeping or recasing its own sigla, but not taking another', async () => {
    const [a, b] = await api.ok('institucion:listar', undefined)
    const propia = await api.ok('institucion:actualizar', {
      id: a!.id,
      sigla: a!.sigla.toLowerCase(),
      nombre: 'Nombre nuevo'
    })
    expect(propia).toEqual({ ...a, sigla: a!.sigla.toLowerCase(), nombre: 'Nombre nuevo' })
    expect(
      await api.call('institucion:actualizar', { id: a!.id, sigla: b!.sigla, nombre: 'X' })
    ).toEqual(siglaTomada(b!.sigla))
    expect((await api.ok('institucion:listar', undefined))[0]).toEqual(propia)
    expect(
      await api.call('institucion:actualizar', { id: NO_EXISTE, sigla: 'NUEVA', nombre: 'X' })
    ).toEqual({
      ok: false,
      error: { code: 'no_encontrado', message: 'La institución no existe o fue eliminada.' }
    })
  })
})

describe('instancias', () => {
  it('lists the instancias in order and edits name, coordinator and secretaría', async () => {
    const lista = await api.ok('instancia:listar', undefined)
    expect(lista.map((i) => i.orden)).toEqual(lista.map((_, n) => n + 1))
    const rav = lista.find((i) => i.codigo === 'RAV')!
    const editada = await api.ok('instancia:actualizar', {
      id: rav.id,
      nombre: 'Mesa RAV',
      coordinador: 'MININT',
      secretariaActas: 'SERNAM'
    })
    expect(editada).toEqual({
      id: rav.id,
      codigo: 'RAV',
      nombre: 'Mesa RAV',
      coordinador: 'MININT',
      secretariaActas: 'SERNAM',
      orden: rav.orden
    })
    expect((await api.ok('instancia:listar', undefined)).find((i) => i.id === rav.id)).toEqual(
      editada
    )
    const row = await t.app.db
      .selectFrom('instancias')
      .selectAll()
      .where('id', '=', rav.id)
      .executeTakeFirstOrThrow()
    expect(row.updated_at > row.created_at).toBe(true)
    expect(
      await api.call('instancia:actualizar', {
        id: NO_EXISTE,
        nombre: 'X',
        coordinador: null,
        secretariaActas: null
      })
    ).toEqual({
      ok: false,
      error: { code: 'no_encontrado', message: 'La instancia no existe o fue eliminada.' }
    })
  })
})
