import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../../src/main/core/dispatch'
import type { Channel } from '../../../../src/shared/api/channels'
import type { Input, Output } from '../../../../src/shared/api/contract'
import type { ApiResult } from '../../../../src/shared/api/result'
import type { PlanArbol } from '../../../../src/shared/domain/plan'
import { openTestApp, type TestApp } from '../../../helpers/db'

let t: TestApp
const logged: unknown[] = []
beforeEach(async () => {
  t = await openTestApp()
  logged.length = 0
})
afterEach(() => t.close())

/** Through the same entrance the IPC and HTTP transports use: parse, run, typed result. */
const call = <C extends Channel>(channel: C, input: Input<C>) =>
  dispatch(t.api, channel, input, (_m, e) => logged.push(e)) as Promise<ApiResult<Output<C>>>

async function ok<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const r = await call(channel, input)
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`)
  return r.value
}

const arbol = (): Promise<PlanArbol> => ok('plan:arbol', {})
const accion = (a: PlanArbol, codigo: string) => {
  const found = a.ejes
    .flatMap((e) => e.objetivos.flatMap((o) => o.acciones))
    .find((x) => x.codigo === codigo)
  if (!found) throw new Error(`no ${codigo}`)
  return found
}
const objetivo = (a: PlanArbol, codigo: string) => {
  const found = a.ejes.flatMap((e) => e.objetivos).find((x) => x.codigo === codigo)
  if (!found) throw new Error(`no ${codigo}`)
  return found
}

describe('plan API', () => {
  it('edits an acción and the change is in the database', async () => {
    const a = accion(await arbol(), '1.1.b')
    await ok('accion:actualizar', {
      id: a.id,
      codigo: a.codigo,
      texto: 'Texto nuevo',
      instanciaId: a.instanciaId,
      responsables: a.responsables
    })
    const row = await t.app.db
      .selectFrom('acciones')
      .selectAll()
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow()
    expect(row.texto).toBe('Texto nuevo')
    expect(row.updated_at > row.created_at).toBe(true)
  })

  it('refuses an empty text with a Spanish message, and changes nothing', async () => {
    const a = accion(await arbol(), '1.1.b')
    const before = await t.app.db
      .selectFrom('acciones')
      .selectAll()
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow()
    const r = await call('accion:actualizar', {
      id: a.id,
      codigo: a.codigo,
      texto: '   ',
      instanciaId: null,
      responsables: ''
    })
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'entrada_invalida',
        message: 'El texto de la acción no puede estar vacío.',
        fields: { texto: 'El texto de la acción no puede estar vacío.' }
      }
    })
    expect(
      await t.app.db
        .selectFrom('acciones')
        .selectAll()
        .where('id', '=', a.id)
        .executeTakeFirstOrThrow()
    ).toEqual(before)
  })

  it('keeps codes unique within the plan and under their parent', async () => {
    const plan = await arbol()
    const o = objetivo(plan, '1.1')
    const dup = await call('accion:crear', {
      objetivoId: o.id,
      codigo: '1.1.a',
      texto: 'x',
      instanciaId: null,
      responsables: ''
    })
    expect(dup).toMatchObject({
      ok: false,
      error: {
        code: 'conflicto',
        message: 'Ya existe una acción con el código 1.1.a en este plan.'
      }
    })
    const wrong = await call('accion:crear', {
      objetivoId: o.id,
      codigo: '2.1.z',
      texto: 'x',
      instanciaId: null,
      responsables: ''
    })
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'conflicto', message: 'El código de la acción debe comenzar con 1.1.' }
    })
    const bad = await call('accion:crear', {
      objetivoId: o.id,
      codigo: 'uno',
      texto: 'x',
      instanciaId: null,
      responsables: ''
    })
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'entrada_invalida', message: 'El código debe tener la forma 1.1.a.' }
    })
    // Responsables follow the text rule of every field: the export would refuse them later.
    const control = await call('accion:crear', {
      objetivoId: o.id,
      codigo: '1.1.z',
      texto: 'x',
      instanciaId: null,
      responsables: 'Jefatura\u0007DAF'
    })
    expect(control).toMatchObject({
      ok: false,
      error: { code: 'entrada_invalida', message: expect.stringContaining('caracteres de control') }
    })
    expect(await t.app.db.selectFrom('acciones').select('id').execute()).toHaveLength(25)
  })

  it('creates a whole branch: eje, objetivo, acción, meta with its deadline read from the text, indicador', async () => {
    const plan = await arbol()
    const eje = await ok('eje:crear', { planId: plan.plan.id, codigo: '5', nombre: 'SEGUIMIENTO' })
    const obj = await ok('objetivo:crear', {
      ejeId: eje.id,
      codigo: '5.1',
      texto: 'Dar seguimiento.'
    })
    const acc = await ok('accion:crear', {
      objetivoId: obj.id,
      codigo: '5.1.a',
      texto: 'Informe.',
      instanciaId: plan.instancias[4]!.id,
      responsables: 'MITP'
    })
    const meta = await ok('meta:crear', {
      accionId: acc.id,
      texto: 'Informe al primer trimestre de 2015.'
    })
    expect(meta.plazo).toBe('2015-03-31')
    const sinPlazo = await ok('meta:crear', {
      accionId: acc.id,
      texto: 'Al segundo semestre de 2015.',
      plazo: null
    })
    expect(sinPlazo.plazo).toBeNull()
    expect(sinPlazo.orden).toBe(2)
    const refused = await call('indicador:crear', {
      accionId: acc.id,
      texto: 'Cobertura',
      tipo: 'porcentaje',
      numerador: 'Servicios',
      denominador: null
    })
    expect(refused).toMatchObject({
      ok: false,
      error: { message: 'Un indicador de porcentaje necesita numerador y denominador.' }
    })
    await ok('indicador:crear', {
      accionId: acc.id,
      texto: 'Cobertura',
      tipo: 'porcentaje',
      numerador: 'Servicios',
      denominador: 'Total'
    })
    const after = accion(await arbol(), '5.1.a')
    expect(after.metas.map((m) => m.plazo)).toEqual(['2015-03-31', null])
    expect(after.indicadores).toMatchObject([
      { tipo: 'porcentaje', numerador: 'Servicios', denominador: 'Total' }
    ])
    expect((await arbol()).ejes.map((e) => e.codigo)).toEqual(['1', '2', '3', '4', '5'])
  })

  it('reorders acciones within their objetivo, and stays put at the ends', async () => {
    const ids = (p: PlanArbol) => objetivo(p, '1.2').acciones.map((a) => a.codigo)
    const plan = await arbol()
    await ok('accion:mover', { id: accion(plan, '1.2.c').id, direccion: 'arriba' })
    expect(ids(await arbol())).toEqual(['1.2.a', '1.2.c', '1.2.b', '1.2.d'])
    await ok('accion:mover', { id: accion(plan, '1.2.a').id, direccion: 'arriba' })
    await ok('accion:mover', { id: accion(plan, '1.2.d').id, direccion: 'abajo' })
    expect(ids(await arbol())).toEqual(['1.2.a', '1.2.c', '1.2.b', '1.2.d'])
  })

  it('deletes an objetivo with its acciones, metas and indicadores, and leaves a tombstone', async () => {
    const o = objetivo(await arbol(), '3.1')
    const accionIds = o.acciones.map((a) => a.id)
    expect(await ok('objetivo:eliminar', { id: o.id })).toEqual({ id: o.id })
    expect(
      await t.app.db.selectFrom('acciones').select('id').where('id', 'in', accionIds).execute()
    ).toEqual([])
    expect(
      await t.app.db.selectFrom('metas').select('id').where('accion_id', 'in', accionIds).execute()
    ).toEqual([])
    expect(await t.app.db.selectFrom('tombstones').selectAll().execute()).toMatchObject([
      { id: o.id, tabla: 'objetivos' }
    ])
    expect(await call('objetivo:eliminar', { id: o.id })).toMatchObject({
      ok: false,
      error: { code: 'no_encontrado' }
    })
  })

  it('edits the glossary with case-insensitive unique siglas, and the instancias', async () => {
    const list = await ok('institucion:listar', undefined)
    expect(list).toHaveLength(18)
    const dup = await call('institucion:crear', { sigla: 'sernam', nombre: 'Otro' })
    expect(dup).toMatchObject({
      ok: false,
      error: { code: 'conflicto', message: 'Ya existe una institución con la sigla sernam.' }
    })
    const nueva = await ok('institucion:crear', {
      sigla: 'OIM',
      nombre: 'Organización Internacional para las Migraciones'
    })
    expect(nueva.orden).toBe(19)
    const rav = (await ok('instancia:listar', undefined)).find((i) => i.codigo === 'RAV')!
    const upd = await ok('instancia:actualizar', {
      id: rav.id,
      nombre: 'Mesa RAV',
      coordinador: 'MININT',
      secretariaActas: '  '
    })
    expect(upd).toMatchObject({ coordinador: 'MININT', secretariaActas: null })
  })

  it('answers unknown channels and malformed input with typed errors, logging nothing', async () => {
    expect(await dispatch(t.api, 'plan:borrarTodo', {}, () => {})).toMatchObject({
      ok: false,
      error: { code: 'metodo_desconocido' }
    })
    expect(await dispatch(t.api, 'accion:obtener', 42, () => {})).toMatchObject({
      ok: false,
      error: { code: 'entrada_invalida' }
    })
    expect(await dispatch(t.api, 'accion:obtener', { id: 'no-es-un-id' }, () => {})).toMatchObject({
      ok: false,
      error: { code: 'entrada_invalida', message: 'Identificador no válido.' }
    })
    expect(logged).toEqual([])
  })
})
