import { describe, expect, it } from 'vitest'
import { migrate } from '../../../../src/main/core/db/migrator'
import { LATEST_SCHEMA_VERSION } from '../../../../src/main/core/db/migrations'
import {
  m0014,
  SINCRONIZADAS_0014,
  SIN_SELLO_0014
} from '../../../../src/main/core/db/migrations/0014_sellos'
import { revisarActas } from '../../../../src/main/core/actas/sello'
import { leer } from '../../../../src/main/core/intercambio/hlc'
import { fijarRelojSellos } from '../../../../src/main/core/db/sello'
import { archivoVacio, copiaV2, desdeCadaVersion, type Handle } from '../../../helpers/migraciones'
import { UUID_V7 } from '../../../helpers/db'

// Migration 0014 (the installation's identity and the merge stamps, #16), from every earlier
// version and from a file written by version 2; then the triggers it adds, on a real file.

const n = (handle: Handle, sql: string, ...p: unknown[]): number =>
  (handle.prepare(sql).get(...p) as { n: number }).n

const instalacion = (handle: Handle) =>
  handle.prepare('select id, nombre from instalacion').all() as { id: string; nombre: string }[]

/** Rows of synced tables with no creation stamp, and stamps of rows that never existed. */
function sinSello(handle: Handle): string[] {
  return SINCRONIZADAS_0014.flatMap((t) =>
    (
      handle
        .prepare(
          `select id from "${t}" where id not in (select fila_id from sellos where tabla = ? and campo = '*')`
        )
        .all(t) as { id: string }[]
    ).map((r) => `${t}:${r.id}`)
  )
}

const sellos = (handle: Handle, tabla: string, id: string) =>
  Object.fromEntries(
    (
      handle
        .prepare('select campo, sello from sellos where tabla = ? and fila_id = ?')
        .all(tabla, id) as { campo: string; sello: string }[]
    ).map((r) => [r.campo, r.sello])
  )

async function actual(): Promise<Handle> {
  const { handle, db } = archivoVacio()
  await migrate(db)
  return handle
}

describe('migration 0014', () => {
  it('from every earlier version: one installation, every existing row stamped by it', async () => {
    await desdeCadaVersion(
      m0014.version,
      async ({ handle, db, desde }) => {
        expect(await migrate(db)).toEqual({ from: desde, to: LATEST_SCHEMA_VERSION })
        const [yo, ...otras] = instalacion(handle)
        expect(otras).toEqual([])
        expect(yo!.id).toMatch(UUID_V7)
        expect(yo!.nombre).not.toBe('')
        expect(n(handle, 'select count(*) n from acciones')).toBeGreaterThan(0)
        expect(sinSello(handle)).toEqual([])
        const todos = handle.prepare('select sello from sellos').all() as { sello: string }[]
        expect(new Set(todos.map((s) => leer(s.sello).instalacion))).toEqual(new Set([yo!.id]))
        expect(new Set(todos.map((s) => s.sello)).size).toBe(todos.length)
        expect(n(handle, 'select count(*) n from socios')).toBe(0)
        expect(n(handle, 'select count(*) n from alias')).toBe(0)
        // Migrating again does nothing: the identity is created once.
        await migrate(db)
        expect(instalacion(handle)).toEqual([yo])
      },
      { sembrada: true }
    )
  })

  it('from a version 2 file: every row as it was, stamped; deleted rows from their tombstones', async () => {
    const { handle, db } = copiaV2()
    await migrate(db, m0014.version - 1)
    const dump = () => SINCRONIZADAS_0014.map((t) => handle.prepare(`select * from "${t}"`).all())
    // The fixture deleted nothing; a tombstone as a deletion leaves it.
    handle.prepare("insert into tombstones values ('borrada-1', 'acuerdos', '2014-03-01')").run()
    const antes = dump()
    const lapidas = handle.prepare('select id, tabla from tombstones').all() as {
      id: string
      tabla: string
    }[]
    await migrate(db)
    expect(dump()).toEqual(antes)
    expect(sinSello(handle)).toEqual([])
    expect(lapidas.length).toBeGreaterThan(0)
    for (const l of lapidas.filter((l) => SINCRONIZADAS_0014.includes(l.tabla))) {
      expect(Object.keys(sellos(handle, l.tabla, l.id))).toContain('_borrado')
    }
    const r = await revisarActas(db)
    expect([r.alteradas, r.distintas]).toEqual([[], []])
  })

  it('stamps a creation, each changed field, a deletion and a row created again', async () => {
    const handle = await actual()
    const ins =
      "insert into instituciones (id, sigla, nombre, orden, created_at, updated_at) values ('i1', 'SPD', 'Subsecretaría', 1, 'a', 'a')"
    handle.prepare(ins).run()
    const creada = sellos(handle, 'instituciones', 'i1')
    expect(Object.keys(creada)).toEqual(['*'])
    handle
      .prepare("update instituciones set nombre = 'Otra', updated_at = 'b' where id = 'i1'")
      .run()
    const editada = sellos(handle, 'instituciones', 'i1')
    expect(Object.keys(editada).sort()).toEqual(['*', 'nombre'])
    expect(editada['nombre']! > creada['*']!).toBe(true)
    // Only the bookkeeping stamp, or the same value: nothing to merge.
    handle.prepare("update instituciones set updated_at = 'c', sigla = 'SPD' where id = 'i1'").run()
    expect(sellos(handle, 'instituciones', 'i1')).toEqual(editada)
    handle.prepare("update instituciones set sigla = 'X', orden = 2 where id = 'i1'").run()
    const dos = sellos(handle, 'instituciones', 'i1')
    expect(dos['sigla']).toBe(dos['orden'])
    expect(dos['sigla']! > editada['nombre']!).toBe(true)
    handle.prepare("delete from instituciones where id = 'i1'").run()
    const borrada = sellos(handle, 'instituciones', 'i1')
    expect(borrada['_borrado']! > dos['sigla']!).toBe(true)
    handle.prepare(ins).run()
    const otraVez = sellos(handle, 'instituciones', 'i1')
    expect(otraVez['_borrado']).toBe(otraVez['*'])
    expect(otraVez['*']! > borrada['_borrado']!).toBe(true)
  })

  it('a deletion cascading to child rows stamps each of them', async () => {
    const { handle, db } = archivoVacio()
    await migrate(db, 1)
    const { seedPlanInicial } = await import('../../../../src/main/core/seed/plan-inicial')
    await seedPlanInicial(db)
    await migrate(db)
    const acciones = n(handle, 'select count(*) n from acciones')
    handle.prepare('delete from planes').run()
    expect(
      n(handle, "select count(*) n from sellos where tabla = 'acciones' and campo = '_borrado'")
    ).toBe(acciones)
  })

  it('every merged column of every synced table is in its update trigger', async () => {
    const handle = await actual()
    for (const t of SINCRONIZADAS_0014) {
      const trigger = handle
        .prepare("select sql from sqlite_master where type = 'trigger' and name = ?")
        .get(`sellos_${t}_update`) as { sql: string } | undefined
      const columnas = (
        handle.prepare(`select name from pragma_table_info(?)`).all(t) as {
          name: string
        }[]
      ).map((c) => c.name)
      for (const c of columnas.filter((c) => !SIN_SELLO_0014.includes(c))) {
        expect(trigger?.sql, `${t}.${c}`).toContain(`old."${c}" is not new."${c}"`)
      }
      for (const e of ['insert', 'delete']) {
        expect(
          n(handle, 'select count(*) n from sqlite_master where name = ?', `sellos_${t}_${e}`)
        ).toBe(1)
      }
    }
  })

  it('the clock never falls behind a stored stamp, nor when the laptop runs an hour late', async () => {
    const handle = await actual()
    const ins = (id: string) =>
      handle
        .prepare(
          "insert into instituciones (id, sigla, nombre, orden, created_at, updated_at) values (?, ?, 'N', 1, 'a', 'a')"
        )
        .run(id, id)
    ins('a')
    const primero = sellos(handle, 'instituciones', 'a')['*']!
    fijarRelojSellos(handle, () => Date.now() - 3_600_000)
    ins('b')
    const atrasado = sellos(handle, 'instituciones', 'b')['*']!
    expect(atrasado > primero).toBe(true)
    // A stamp from another installation, a day ahead (an import wrote it).
    const futuro = `${String(Date.now() + 86_400_000).padStart(13, '0')}-0000-otra`
    handle.prepare("insert into sellos values ('instituciones', 'zz', '*', ?)").run(futuro)
    ins('c')
    const despues = leer(sellos(handle, 'instituciones', 'c')['*']!)
    expect(despues.ms).toBe(leer(futuro).ms)
    expect(despues.contador).toBe(1)
    expect(despues.instalacion).toBe(instalacion(handle)[0]!.id)
  })
})
