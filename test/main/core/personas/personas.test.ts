import { describe, expect, it } from 'vitest'
import type { TestApp } from '../../../helpers/db'
import {
  cadaPrueba,
  type Caller,
  NO_EXISTE,
  conflicto,
  noExiste
} from '../../../helpers/respuestas'

/** People and their membership of an instancia, read back field by field. */
let t: TestApp
let api: Caller
cadaPrueba((nueva, llamar) => {
  t = nueva
  api = llamar
})

async function siglas() {
  return new Map((await api.ok('institucion:listar', undefined)).map((i) => [i.sigla, i.id]))
}
const persona = (nombre: string, institucionId: string | null) =>
  api.ok('persona:crear', { nombre, cargo: null, institucionId, correo: null, telefono: null })

describe('personas', () => {
  it('creates a person with every field and its institution sigla, and lists people by name', async () => {
    const inst = await siglas()
    const ana = await api.ok('persona:crear', {
      nombre: 'Ana Rojas',
      cargo: 'Jefa de unidad',
      institucionId: inst.get('PDI')!,
      correo: 'ana@pdi.cl',
      telefono: '+56 2 2222 2222'
    })
    expect(ana).toEqual({
      id: expect.any(String),
      nombre: 'Ana Rojas',
      cargo: 'Jefa de unidad',
      institucionId: inst.get('PDI'),
      institucionSigla: 'PDI',
      correo: 'ana@pdi.cl',
      telefono: '+56 2 2222 2222'
    })
    const sin = await persona('Ximena Soto', null)
    expect(sin).toMatchObject({ institucionId: null, institucionSigla: null, cargo: null })
    const bea = await persona('Beatriz Lagos', inst.get('SERNAM')!)
    expect(await api.ok('persona:listar', undefined)).toEqual([ana, bea, sin])
  })

  it('refuses an unknown institution on create and edit, and an unknown person', async () => {
    const campos = { cargo: null, correo: null, telefono: null }
    expect(
      await api.call('persona:crear', { ...campos, nombre: 'X', institucionId: NO_EXISTE })
    ).toEqual(conflicto('La institución no existe.', 'institucionId'))
    expect(await api.ok('persona:listar', undefined)).toEqual([])
    const p = await persona('Ana Rojas', null)
    expect(
      await api.call('persona:actualizar', {
        ...campos,
        id: p.id,
        nombre: 'X',
        institucionId: NO_EXISTE
      })
    ).toEqual(conflicto('La institución no existe.', 'institucionId'))
    expect(
      await api.call('persona:actualizar', {
        ...campos,
        id: NO_EXISTE,
        nombre: 'X',
        institucionId: null
      })
    ).toEqual(noExiste('La persona'))
    expect(await api.ok('persona:listar', undefined)).toEqual([p])
  })

  it('edits every field of a person', async () => {
    const inst = await siglas()
    const p = await persona('Ana Rojas', null)
    const editada = await api.ok('persona:actualizar', {
      id: p.id,
      nombre: 'Ana Rojas Soto',
      cargo: 'Asesora',
      institucionId: inst.get('MININT')!,
      correo: 'ana@interior.gob.cl',
      telefono: '123'
    })
    expect(editada).toEqual({
      id: p.id,
      nombre: 'Ana Rojas Soto',
      cargo: 'Asesora',
      institucionId: inst.get('MININT'),
      institucionSigla: 'MININT',
      correo: 'ana@interior.gob.cl',
      telefono: '123'
    })
    expect(await api.ok('persona:listar', undefined)).toEqual([editada])
  })
})

describe('miembros', () => {
  it('adds members and lists them by institution, titulares first, then by name', async () => {
    const inst = await siglas()
    const [instancia] = await api.ok('instancia:listar', undefined)
    const gente = {
      zoe: await persona('Zoe Pérez', inst.get('PDI')!),
      ana: await persona('Ana Muñoz', inst.get('SERNAM')!),
      eva: await persona('Eva Díaz', inst.get('SERNAM')!),
      bea: await persona('Beatriz Soto', inst.get('SERNAM')!),
      ines: await persona('Inés Vera', inst.get('MININT')!),
      // Spanish order: ñ is a letter of its own after n ("Nuñez" before "Ñañez").
      nene: await persona('Ñañez Soto', inst.get('SERNAM')!),
      nunez: await persona('Nuñez Soto', inst.get('SERNAM')!)
    }
    const agregar = (p: { id: string }, calidad: 'titular' | 'suplente') =>
      api.ok('miembro:agregar', { instanciaId: instancia!.id, personaId: p.id, calidad })
    const m = await agregar(gente.ana, 'suplente')
    expect(m).toEqual({
      id: expect.any(String),
      instanciaId: instancia!.id,
      persona: gente.ana,
      calidad: 'suplente'
    })
    await agregar(gente.zoe, 'titular')
    await agregar(gente.eva, 'titular')
    await agregar(gente.bea, 'suplente')
    await agregar(gente.ines, 'suplente')
    await agregar(gente.nene, 'titular')
    await agregar(gente.nunez, 'titular')
    const lista = await api.ok('miembro:listar', { instanciaId: instancia!.id })
    expect(lista.map((x) => [x.persona.institucionSigla, x.calidad, x.persona.nombre])).toEqual([
      ['MININT', 'suplente', 'Inés Vera'],
      ['PDI', 'titular', 'Zoe Pérez'],
      ['SERNAM', 'titular', 'Eva Díaz'],
      ['SERNAM', 'titular', 'Nuñez Soto'],
      ['SERNAM', 'titular', 'Ñañez Soto'],
      ['SERNAM', 'suplente', 'Ana Muñoz'],
      ['SERNAM', 'suplente', 'Beatriz Soto']
    ])
    expect(lista.find((x) => x.id === m.id)).toEqual(m)
    // Members of another instancia are not listed.
    const otra = (await api.ok('instancia:listar', undefined))[1]!
    expect(await api.ok('miembro:listar', { instanciaId: otra.id })).toEqual([])
    // Members whose institution was deleted have no sigla and are listed first.
    await api.ok('institucion:eliminar', { id: inst.get('PDI')! })
    await api.ok('institucion:eliminar', { id: inst.get('MININT')! })
    const despues = await api.ok('miembro:listar', { instanciaId: instancia!.id })
    expect(despues.map((x) => [x.persona.institucionSigla, x.persona.nombre])).toEqual([
      [null, 'Zoe Pérez'],
      [null, 'Inés Vera'],
      ['SERNAM', 'Eva Díaz'],
      ['SERNAM', 'Nuñez Soto'],
      ['SERNAM', 'Ñañez Soto'],
      ['SERNAM', 'Ana Muñoz'],
      ['SERNAM', 'Beatriz Soto']
    ])
  })

  it('refuses a person without institution, an unknown person or instancia, and a repeated member', async () => {
    const inst = await siglas()
    const [instancia] = await api.ok('instancia:listar', undefined)
    const sin = await persona('Sin Institución', null)
    const con = await persona('Ana Rojas', inst.get('PDI')!)
    const agregar = (instanciaId: string, personaId: string) =>
      api.call('miembro:agregar', { instanciaId, personaId, calidad: 'titular' })
    expect(await agregar(instancia!.id, sin.id)).toEqual(
      conflicto(
        'Indique la institución de la persona antes de agregarla como miembro.',
        'personaId'
      )
    )
    expect(await agregar(instancia!.id, NO_EXISTE)).toEqual(noExiste('La persona'))
    expect(await agregar(NO_EXISTE, con.id)).toEqual(noExiste('La instancia'))
    expect(await agregar(instancia!.id, con.id)).toMatchObject({ ok: true })
    expect(await agregar(instancia!.id, con.id)).toEqual(
      conflicto('Ana Rojas ya es miembro de esta instancia.', 'personaId')
    )
    // The same person may sit in another instancia.
    const otra = (await api.ok('instancia:listar', undefined))[1]!
    expect(await agregar(otra.id, con.id)).toMatchObject({ ok: true })
    expect(await t.app.db.selectFrom('miembros').select('persona_id').execute()).toEqual([
      { persona_id: con.id },
      { persona_id: con.id }
    ])
  })
})
