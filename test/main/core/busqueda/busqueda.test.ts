import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestApp } from '../../../helpers/db'
import { filas, valor } from '../../../helpers/consulta'
import { caller } from '../../../helpers/sesiones'
import { sembrarDemo } from '../../../../src/main/core/seed/demo'
import type { Resultado } from '../../../../src/shared/busqueda/contract'

/**
 * Search over the `cli demo` database, through the contract's entrance: accents and case are
 * folded, titles rank above bodies, every write is searchable at once and every deletion gone
 * at once, and no text a person can type is an error.
 */
let t: TestApp
let api: ReturnType<typeof caller>
beforeAll(async () => {
  t = await openTestApp()
  await sembrarDemo(t.api)
  api = caller(t)
}, 120_000)
afterAll(() => t.close())

const buscar = async (texto: string, limite = 100, desde = 0) =>
  api.ok('busqueda:buscar', { texto, limite, desde })
const ids = (rs: Resultado[]) => rs.map((r) => r.id).sort()

/** Lower case without accents, computed here apart from SQLite's tokenizer. */
const plegar = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
const palabras = (s: string): string[] => plegar(s).match(/[\p{L}\p{N}]+/gu) ?? []

/** Each searchable row's id and its words. */
const FUENTES = [
  'select id, nombre as texto from ejes',
  'select id, texto from objetivos',
  "select id, texto || ' ' || responsables as texto from acciones",
  'select id, texto from metas',
  `select id, texto || ' ' || coalesce(numerador, '') || ' ' || coalesce(denominador, '') as texto
   from indicadores`,
  "select id, sigla || ' ' || nombre as texto from instituciones",
  `select p.id, p.nombre || ' ' || coalesce(p.cargo, '') || ' ' || coalesce(p.correo, '')
     || ' ' || coalesce(i.sigla || ' ' || i.nombre, '') as texto
   from personas p left join instituciones i on i.id = p.institucion_id`,
  'select id, observaciones_aprobacion as texto from sesiones',
  "select id, titulo || ' ' || desarrollo as texto from puntos_tabla",
  "select id, texto || ' ' || responsable as texto from acuerdos",
  'select id, nota as texto from seguimientos',
  'select id, reporte as texto from avances',
  'select id, nota as texto from mediciones',
  'select id, texto from fe_erratas'
]

/** Every row whose text has each word (the last one as the start of a word), from the rows. */
async function esperados(texto: string): Promise<string[]> {
  const buscadas = palabras(texto)
  const textos: [string, string][] = []
  for (const q of FUENTES)
    for (const r of await filas<{ id: string; texto: string }>(t, q)) textos.push([r.id, r.texto])
  return textos
    .filter(([, x]) => {
      const ws = palabras(x)
      return buscadas.every((b, i) =>
        i === buscadas.length - 1 && b.length >= 2
          ? ws.some((w) => w.startsWith(b))
          : ws.includes(b)
      )
    })
    .map(([id]) => id)
    .sort()
}

describe('busqueda:buscar over the demo data', () => {
  it('folds accents and case: capacitacion, proteccion, victimizacion secundaria and SENAME find what they should', async () => {
    for (const q of ['capacitacion', 'proteccion', 'victimizacion secundaria', 'SENAME']) {
      const r = await buscar(q)
      expect(r.resultados.length, q).toBeGreaterThan(0)
      expect(r.total, q).toBe(r.resultados.length)
      expect(ids(r.resultados), q).toEqual(await esperados(q))
    }
    // The same words however they are written.
    const base = ids((await buscar('proteccion')).resultados)
    for (const q of ['PROTECCIÓN', 'Protección', 'protección', 'PROTECCION'])
      expect(ids((await buscar(q)).resultados), q).toEqual(base)
    expect(ids((await buscar('sename')).resultados)).toEqual(
      ids((await buscar('SENAME')).resultados)
    )
    // Where each opens: SENAME the institución, an acción of the plan, an acuerdo in its session.
    const sename = (await buscar('SENAME')).resultados
    expect(sename.find((r) => r.tipo === 'institucion')).toMatchObject({
      titulo: 'SENAME',
      lugar: 'Servicio Nacional de Menores',
      destino: { pantalla: 'institucion' }
    })
    const persona = sename.find((r) => r.tipo === 'persona')!
    expect(persona.destino).toEqual({ pantalla: 'persona', personaId: persona.id })
    expect(persona.lugar).toMatch(/, SENAME$/)
    // The plan: an acción found by a word of its text opens its page.
    const accion = (await buscar('capacitacion')).resultados.find((r) => r.tipo === 'accion')!
    expect(accion.destino).toEqual({ pantalla: 'accion', accionId: accion.id })
    expect(accion.titulo).toMatch(/^Acción \d\.\d\.[a-z]$/)
    const acuerdo = sename.find((r) => r.tipo === 'acuerdo')!
    expect(acuerdo.destino).toMatchObject({ pantalla: 'sesion', seccion: 'acuerdos' })
    expect(acuerdo.lugar).toMatch(
      /^Sesión (Ordinaria|Extraordinaria) N° \d+\/2014 · .+ · \d\d-\d\d-2014$/
    )
    expect(acuerdo.fragmentos.filter((f) => f.marca).map((f) => f.texto)).toContain('SENAME')
    const victimizacion = (await buscar('victimizacion secundaria')).resultados[0]!
    expect(
      victimizacion.fragmentos
        .filter((f) => f.marca)
        .map((f) => f.texto)
        .join(' ')
    ).toBe('victimización secundaria')
  })

  it('counts by class, filters by class and pages without losing or repeating a result', async () => {
    const todo = await buscar('SENAME')
    expect(todo.porClase.institucion).toBe(1)
    expect(todo.porClase.persona).toBeGreaterThan(0)
    expect(todo.porClase.acta).toBeGreaterThan(0)
    const actas = await api.ok('busqueda:buscar', {
      texto: 'SENAME',
      clases: ['acta'],
      limite: 100
    })
    expect(actas.total).toBe(todo.porClase.acta)
    expect(actas.resultados.every((r) => r.clase === 'acta')).toBe(true)
    const paginas: Resultado[] = []
    for (let desde = 0; desde < todo.total; desde += 7)
      paginas.push(...(await buscar('SENAME', 7, desde)).resultados)
    expect(paginas.map((r) => r.id)).toEqual(todo.resultados.map((r) => r.id))
    expect((await buscar('SENAME', 7, todo.total)).resultados).toEqual([])
  })

  it('ranks a match in a title above a match in a body, even a shorter one', async () => {
    const sesionId = (await valor<string>(
      t,
      "select id from sesiones where estado = 'borrador' order by id limit 1"
    ))!
    const enTitulo = await api.ok('punto:crear', {
      sesionId,
      titulo: 'Coordinación con la comunidad migrante de Ñuñoa y de otras comunas de la región'
    })
    const enCuerpo = await api.ok('punto:crear', { sesionId, titulo: 'Otro punto' })
    await api.ok('punto:actualizar', {
      id: enCuerpo.id,
      titulo: 'Otro punto',
      desarrollo: 'Ñuñoa.'
    })
    const r = (await buscar('nunoa')).resultados
    expect(r.map((x) => x.id)).toEqual([enTitulo.id, enCuerpo.id])
    expect(r[0]).toMatchObject({
      tipo: 'punto',
      titulo: enTitulo.titulo,
      destino: { pantalla: 'sesion', sesionId, seccion: 'tabla' }
    })
    await api.ok('punto:eliminar', { id: enTitulo.id })
    await api.ok('punto:eliminar', { id: enCuerpo.id })
  })

  it('finds an edit at once, and a deleted row no more', async () => {
    const sesionId = (await valor<string>(
      t,
      "select id from sesiones where estado = 'borrador' order by id limit 1"
    ))!
    const p = await api.ok('punto:crear', { sesionId, titulo: 'Punto nuevo' })
    expect((await buscar('ornitorrinco')).total).toBe(0)
    await api.ok('punto:actualizar', {
      id: p.id,
      titulo: 'Punto nuevo',
      desarrollo: 'El ornitorrinco.'
    })
    expect(ids((await buscar('ornitorrinco')).resultados)).toEqual([p.id])
    await api.ok('punto:actualizar', { id: p.id, titulo: 'Punto nuevo', desarrollo: 'Ya no.' })
    expect((await buscar('ornitorrinco')).total).toBe(0)
    await api.ok('punto:actualizar', {
      id: p.id,
      titulo: 'Punto nuevo',
      desarrollo: 'El ornitorrinco.'
    })
    await api.ok('punto:eliminar', { id: p.id })
    expect((await buscar('ornitorrinco')).total).toBe(0)
    const persona = await api.ok('persona:crear', {
      nombre: 'Úrsula Ñancupil',
      cargo: null,
      institucionId: null,
      correo: null,
      telefono: null
    })
    expect((await buscar('ursula nancupil')).resultados).toMatchObject([
      { id: persona.id, tipo: 'persona', destino: { pantalla: 'persona', personaId: persona.id } }
    ])
    await api.ok('persona:eliminar', { id: persona.id })
    expect((await buscar('nancupil')).total).toBe(0)
  })

  it('answers results or an empty list to any text, never an error', async () => {
    const hostiles = [
      '"',
      '""',
      '"proteccion',
      '*',
      'proteccion*',
      '*proteccion',
      'NEAR',
      'NEAR(proteccion capacitacion)',
      'proteccion NEAR/2 capacitacion',
      '-proteccion',
      'proteccion -capacitacion',
      'proteccion NOT capacitacion',
      'AND',
      'OR OR',
      '(',
      ')',
      '((proteccion)',
      'titulo:proteccion',
      '{titulo cuerpo}: proteccion',
      '^proteccion',
      "'; drop table busqueda; --",
      '\u0000\u0001 proteccion',
      '\u0301',
      '   ',
      '',
      '🙂 proteccion',
      'p'.repeat(10_000),
      'protección de víctimas '.repeat(450).slice(0, 10_240)
    ]
    for (const q of hostiles) {
      const r = await api.call('busqueda:buscar', { texto: q })
      expect(r.ok, JSON.stringify(q.slice(0, 40))).toBe(true)
      if (r.ok) expect(Array.isArray(r.value.resultados)).toBe(true)
    }
    // Operators are words like any other: "NEAR" and "-" are not syntax.
    expect((await buscar('proteccion -capacitacion')).total).toBe(
      (await esperados('proteccion capacitacion')).length
    )
    expect((await buscar('proteccion NOT')).total).toBe((await esperados('proteccion NOT')).length)
    // The index is still there, and still answers (no text dropped or broke it).
    expect(await valor(t, 'select count(*) as n from busqueda')).toBeGreaterThan(0)
    // Over the bound, a refusal in Spanish, not a crash.
    const largo = await api.call('busqueda:buscar', { texto: 'x'.repeat(20_001) })
    expect(largo).toMatchObject({ ok: false, error: { code: 'entrada_invalida' } })
  })
})
