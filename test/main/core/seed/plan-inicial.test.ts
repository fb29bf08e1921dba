import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { planSeed, seedPlanInicial } from '../../../../src/main/core/seed/plan-inicial'
import { createKysely, openSqlite } from '../../../../src/main/core/db/sqlite'
import { migrate } from '../../../../src/main/core/db/migrator'
import { openTestApp, tempDir, type TestApp } from '../../../helpers/db'
import { caller } from '../../../helpers/sesiones'

// In-process twin of the CLI's plan-vs-source test: the seeded database, read through the
// API, holds the transcription text for text and in its order. Each test seeds its own file
// inside the test: Stryker's per-test coverage does not see what runs in beforeAll.
let t: TestApp
afterEach(() => t.close())

describe('seedPlanInicial', () => {
  it('writes the plan, ejes, objetivos, acciones, metas and indicadores as transcribed, in order', async () => {
    t = await openTestApp()
    const seed = planSeed()
    const { ok } = caller(t)
    const arbol = await ok('plan:arbol', {})
    expect(arbol.plan).toMatchObject(seed.plan)
    const inst = new Map(arbol.instancias.map((i) => [i.id, i.codigo]))
    expect(
      arbol.ejes.map((e) => ({
        codigo: e.codigo,
        nombre: e.nombre,
        objetivos: e.objetivos.map((o) => ({
          codigo: o.codigo,
          texto: o.texto,
          acciones: o.acciones.map((a) => ({
            codigo: a.codigo,
            texto: a.texto,
            instancia: inst.get(a.instanciaId!),
            ...(a.separadorCodigo === null ? {} : { separadorCodigo: a.separadorCodigo }),
            responsables: a.responsables,
            ...(a.rotuloIndicadores === null ? {} : { rotuloIndicadores: a.rotuloIndicadores }),
            metas: a.metas.map((m) => ({
              ...(m.rotulo === null ? {} : { rotulo: m.rotulo }),
              texto: m.texto,
              plazo: m.plazo
            })),
            indicadores: a.indicadores.map((i) => ({
              texto: i.texto,
              tipo: i.tipo,
              ...(i.numerador === null ? {} : { numerador: i.numerador }),
              ...(i.denominador === null ? {} : { denominador: i.denominador }),
              ...(i.vineta === null ? {} : { vineta: i.vineta })
            }))
          }))
        }))
      }))
    ).toEqual(seed.ejes)
    const ordenes = arbol.ejes.flatMap((e) => [
      e.orden,
      ...e.objetivos.flatMap((o) => [o.orden, ...o.acciones.map((a) => a.orden)])
    ])
    expect(Math.min(...ordenes)).toBe(1)
    const accion = arbol.ejes[3]!.objetivos[1]!.acciones[1]!
    expect([
      accion.orden,
      accion.metas.map((m) => m.orden),
      accion.indicadores.map((i) => i.orden)
    ]).toEqual([2, accion.metas.map((_, i) => i + 1), accion.indicadores.map((_, i) => i + 1)])
  })

  it('writes the instancias and the glossary numbered from 1, as transcribed', async () => {
    t = await openTestApp()
    const seed = planSeed()
    const { ok } = caller(t)
    const instancias = await ok('instancia:listar', undefined)
    expect(
      instancias.map((i) => ({
        codigo: i.codigo,
        nombre: i.nombre,
        coordinador: i.coordinador,
        secretariaActas: i.secretariaActas
      }))
    ).toEqual(seed.instancias)
    expect(instancias.map((i) => i.orden)).toEqual(seed.instancias.map((_, i) => i + 1))
    const glosario = await ok('institucion:listar', undefined)
    expect(glosario.map((g) => ({ sigla: g.sigla, nombre: g.nombre }))).toEqual(seed.glosario)
    expect(glosario.map((g) => g.orden)).toEqual(seed.glosario.map((_, i) => i + 1))
  })

  it('runs once: a second call writes nothing and says so', async () => {
    t = await openTestApp()
    expect(await seedPlanInicial(t.app.db)).toBe(false)
    const { ok } = caller(t)
    expect(await ok('plan:listar', undefined)).toHaveLength(1)
  })

  it('on a file that already has a plan, only sets its marker', async () => {
    t = await openTestApp()
    const tmp = tempDir()
    const handle = openSqlite(path.join(tmp.dir, 'x.db'))
    const db = createKysely(handle)
    try {
      await migrate(db)
      await db
        .insertInto('planes')
        .values({
          id: 'p',
          nombre: 'Otro',
          periodo_desde: '2020',
          periodo_hasta: '2021',
          created_at: 'x',
          updated_at: 'x'
        })
        .execute()
      expect(await seedPlanInicial(db)).toBe(true)
      expect(await db.selectFrom('planes').select('nombre').execute()).toEqual([{ nombre: 'Otro' }])
      expect(await db.selectFrom('instancias').select('id').execute()).toEqual([])
      const marca = await db
        .selectFrom('app_settings')
        .selectAll()
        .where('key', '=', 'seed.plan-2013-2014')
        .execute()
      expect(marca).toHaveLength(1)
      expect(marca[0]!.value).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/)
      expect(await seedPlanInicial(db)).toBe(false)
    } finally {
      await db.destroy()
      tmp.cleanup()
    }
  })
})
