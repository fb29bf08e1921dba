import { afterEach, describe, expect, it } from 'vitest'
import { openTestApp, type TestApp } from '../../../helpers/db'
import { filas, valor } from '../../../helpers/consulta'
import { enNombreDe } from '../../../../src/main/core/db/quien'
import {
  AUDITADAS_0011,
  OMITIDAS_0011
} from '../../../../src/main/core/db/migrations/0011_historial'
import {
  CAMPO_LABEL,
  fechaHoraChile,
  TABLA_LABEL,
  valorLegible
} from '../../../../src/shared/domain/historial'

// The history of one acción, a session, an acuerdo through the API: who, when (the host's
// clock), what changed; a page at a time; in Spanish.

let t: TestApp | undefined
afterEach(async () => {
  await t?.close()
  t = undefined
})

const RELOJ = new Date('2014-03-12T15:04:00Z')

async function primeraAccion(t: TestApp) {
  const id = await valor<string>(t, 'select id from acciones order by codigo limit 1')
  return (await t.api['accion:obtener']({ id: id! })).accion
}

describe('the history of an acción', () => {
  it('records who changed which field, before and after, newest first', async () => {
    t = await openTestApp({ reloj: () => RELOJ })
    await t.api['perfil:guardar']({ nombre: 'Ana Pérez', institucion: 'Subsecretaría' })
    const a = await primeraAccion(t)
    await t.api['accion:actualizar']({ ...a, texto: 'Texto nuevo de la acción' })
    const p = await t.api['historial:listar']({ entidad: 'accion', id: a.id })
    expect(p.cambios[0]).toMatchObject({
      actor: 'Ana Pérez',
      institucion: 'Subsecretaría',
      canal: 'accion:actualizar',
      en: RELOJ.toISOString(),
      tabla: 'acciones',
      filaId: a.id,
      operacion: 'modificar',
      campos: [{ campo: 'texto', antes: a.texto, despues: 'Texto nuevo de la acción' }]
    })
  })

  it('pages from the newest: pages do not overlap and together hold every change', async () => {
    t = await openTestApp()
    const a = await primeraAccion(t)
    for (let i = 1; i <= 7; i++) await t.api['accion:actualizar']({ ...a, texto: `Versión ${i}` })
    const ids: number[] = []
    let antesDe: number | null = null
    let paginas = 0
    do {
      const p = await t.api['historial:listar']({ entidad: 'accion', id: a.id, limite: 3, antesDe })
      expect(p.cambios.length).toBeLessThanOrEqual(3)
      ids.push(...p.cambios.map((c) => c.id))
      antesDe = p.siguiente
      paginas++
    } while (antesDe !== null)
    const todos = await filas<{ id: number }>(
      t,
      'select id from historial where accion_id = ? order by id desc',
      a.id
    )
    expect(ids).toEqual(todos.map((r) => r.id))
    expect(paginas).toBe(Math.ceil(todos.length / 3))
    // The newest first: the last edit, with its text before and after.
    const [ultimo] = (await t.api['historial:listar']({ entidad: 'accion', id: a.id, limite: 1 }))
      .cambios
    expect(ultimo!.campos).toEqual([{ campo: 'texto', antes: 'Versión 6', despues: 'Versión 7' }])
  })

  it("a session's and an acuerdo's: their own rows and those that hang from them", async () => {
    t = await openTestApp()
    const [instancia] = await t.api['instancia:listar'](undefined)
    const s = await t.api['sesion:crear']({
      instanciaId: instancia!.id,
      tipo: 'ordinaria',
      fecha: '2014-03-12',
      modalidad: 'presencial'
    })
    const acuerdo = await t.api['acuerdo:crear']({
      sesionId: s.id,
      texto: 'Enviar el calendario.',
      institucionId: null,
      personaId: null,
      plazo: null,
      accionId: null
    })
    const tablas = async (entidad: 'sesion' | 'acuerdo', id: string) =>
      new Set(
        (await t!.api['historial:listar']({ entidad, id, limite: 100 })).cambios.map((c) => c.tabla)
      )
    expect(await tablas('sesion', s.id)).toEqual(new Set(['sesiones', 'puntos_tabla', 'acuerdos']))
    expect(await tablas('acuerdo', acuerdo.id)).toEqual(new Set(['acuerdos']))
    const creado = (await t.api['historial:listar']({ entidad: 'acuerdo', id: acuerdo.id }))
      .cambios[0]!
    // A created row shows all its fields, empty ones too, but not its keys and links.
    expect(creado.campos.map((c) => c.campo)).not.toContain('sesion_id')
    expect(creado.campos.map((c) => c.campo)).not.toContain('id')
    expect(creado.campos).toContainEqual({
      campo: 'texto',
      antes: null,
      despues: 'Enviar el calendario.'
    })
    expect(creado.campos).toContainEqual({ campo: 'plazo', antes: null, despues: null })
    // A removed one, what it held.
    await t.api['acuerdo:eliminar']({ id: acuerdo.id })
    const [borrado] = (await t.api['historial:listar']({ entidad: 'acuerdo', id: acuerdo.id }))
      .cambios
    expect(borrado).toMatchObject({ operacion: 'borrar', tabla: 'acuerdos' })
    expect(borrado!.campos).toContainEqual({
      campo: 'texto',
      antes: 'Enviar el calendario.',
      despues: null
    })
  })

  it('names the user a host set for the call (a server), not the local profile', async () => {
    t = await openTestApp()
    await t.api['perfil:guardar']({ nombre: 'Ana Pérez', institucion: null })
    const a = await primeraAccion(t)
    const servidor = { nombre: 'Luis Soto', institucion: 'PDI', canal: '', en: RELOJ.toISOString() }
    await enNombreDe(servidor, () =>
      t!.api['accion:actualizar']({ ...a, texto: 'Por el servidor' })
    )
    const [c] = (await t.api['historial:listar']({ entidad: 'accion', id: a.id })).cambios
    expect(c).toMatchObject({
      actor: 'Luis Soto',
      institucion: 'PDI',
      canal: 'accion:actualizar',
      en: RELOJ.toISOString()
    })
  })

  // A local file keeps its profile in this row; on a server each notebook keeps its own
  // (perfil-servidor.test.ts), so there the row is never read, well formed or not.
  it('reads no profile from a malformed row (written outside the app), nor any on a server', async () => {
    t = await openTestApp()
    // An upsert both dialects read alike (SQLite's `insert or replace` is not PostgreSQL's).
    const poner = (value: string) =>
      filas(
        t!,
        `insert into app_settings (key, value, updated_at) values ('perfil', ?, '')
         on conflict (key) do update set value = excluded.value`,
        value
      )
    for (const malo of ['{"nombre":""}', '{"nombre":5}', '{}']) {
      await poner(malo)
      expect(await t.api['perfil:obtener'](undefined), malo).toBeNull()
    }
    await poner('{"nombre":"Ana"}')
    expect(await t.api['perfil:obtener'](undefined)).toEqual(
      t.app.dialecto === 'sqlite' ? { nombre: 'Ana', institucion: null } : null
    )
  })
})

describe('the history in Spanish', () => {
  it('names every audited table and every field a user can read', async () => {
    t = await openTestApp()
    // The columns from kysely's catalog reader, which asks either dialect's own catalog.
    const tablas = await t.app.db.introspection.getTables()
    for (const tabla of Object.keys(AUDITADAS_0011)) {
      expect(TABLA_LABEL[tabla], tabla).toBeTruthy()
      const columnas = tablas.find((x) => x.name === tabla)?.columns ?? []
      expect(columnas.length, tabla).toBeGreaterThan(0)
      for (const { name } of columnas) {
        if (name === 'id' || name.endsWith('_id') || OMITIDAS_0011.includes(name)) continue
        expect(CAMPO_LABEL[name], `${tabla}.${name}`).toBeTruthy()
      }
    }
  })

  it('writes instants and dates as in Chile', () => {
    expect(fechaHoraChile('2014-03-12T15:04:00.000Z')).toBe('12-03-2014 12:04')
    expect(fechaHoraChile('2014-07-01T03:59:00.000Z')).toBe('30-06-2014 23:59')
    // An unknown instant (none recorded) reads as such instead of throwing.
    expect(fechaHoraChile('')).toBe('—')
    expect(valorLegible('2014-12-31')).toBe('31-12-2014')
    expect(valorLegible(null)).toBe('—')
    expect(valorLegible('')).toBe('—')
    expect(valorLegible(80.5)).toBe('80,5')
    // States by their labels, only in the fields that hold them.
    expect(valorLegible('en_curso', 'estado')).toBe('En curso')
    expect(valorLegible('conteo', 'tipo')).toBe('Conteo')
    expect(valorLegible('conteo', 'texto')).toBe('conteo')
  })
})
