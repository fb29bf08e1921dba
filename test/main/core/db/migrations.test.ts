import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { currentSchemaVersion, migrate } from '../../../../src/main/core/db/migrator'
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../../src/main/core/db/migrations'
import { archivoVacio, copiaV2, type Handle } from '../../../helpers/migraciones'
import { leerSellado, revisarActas } from '../../../../src/main/core/actas/sello'
import { seedPlanInicial } from '../../../../src/main/core/seed/plan-inicial'

/** The schema as SQLite stores it: every table, index and constraint, in a stable order. */
function schemaSql(handle: Handle): string {
  const rows = handle
    .prepare(
      "select type, name, sql from sqlite_master where sql is not null and name not like 'sqlite_%' order by type, name"
    )
    .all() as { type: string; name: string; sql: string }[]
  return rows.map((r) => `-- ${r.type} ${r.name}\n${r.sql};`).join('\n\n') + '\n'
}

describe('migrations', () => {
  it('are numbered 1..N with no gaps, in order', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1))
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length)
  })

  it('run from an empty file to the latest version, and a second run does nothing', async () => {
    const { db } = archivoVacio()
    expect(await migrate(db)).toEqual({ from: 0, to: LATEST_SCHEMA_VERSION })
    expect(await migrate(db)).toEqual({ from: LATEST_SCHEMA_VERSION, to: LATEST_SCHEMA_VERSION })
    const applied = await db
      .selectFrom('schema_migrations')
      .select(['version', 'name'])
      .orderBy('version')
      .execute()
    expect(applied).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })))
    await db.destroy()
  })

  it('0001 (from empty): creates the plan tables with global text ids, stamps and foreign keys', async () => {
    const { db, handle } = archivoVacio()
    await migrate(db, 1)
    expect(await currentSchemaVersion(db)).toBe(1)
    for (const table of [
      'planes',
      'ejes',
      'objetivos',
      'acciones',
      'metas',
      'indicadores',
      'instituciones',
      'instancias'
    ]) {
      const cols = handle.prepare(`pragma table_info(${table})`).all() as {
        name: string
        type: string
        pk: number
      }[]
      expect(cols.find((c) => c.pk === 1)).toMatchObject({ name: 'id', type: 'TEXT' })
      expect(cols.map((c) => c.name)).toEqual(expect.arrayContaining(['created_at', 'updated_at']))
    }
    const fks = handle.prepare('pragma foreign_key_list(acciones)').all() as {
      table: string
      on_delete: string
    }[]
    expect(fks.map((f) => `${f.table}:${f.on_delete}`).sort()).toEqual(
      ['instancias:SET NULL', 'objetivos:CASCADE', 'planes:CASCADE'].sort()
    )
    await db.destroy()
  })

  it('0002 (from 1): adds sessions and actas, and keeps every plan row as it was', async () => {
    const { db, handle } = archivoVacio()
    await migrate(db, 1)
    await seedPlanInicial(db)
    const dump = (t: string) =>
      JSON.stringify(handle.prepare(`select * from ${t} order by id`).all())
    const before = [
      'planes',
      'ejes',
      'objetivos',
      'acciones',
      'metas',
      'indicadores',
      'instituciones',
      'instancias'
    ].map(dump)
    expect(await migrate(db, 2)).toEqual({ from: 1, to: 2 })
    expect(
      [
        'planes',
        'ejes',
        'objetivos',
        'acciones',
        'metas',
        'indicadores',
        'instituciones',
        'instancias'
      ].map(dump)
    ).toEqual(before)
    for (const t of [
      'personas',
      'miembros',
      'sesiones',
      'asistencias',
      'puntos_tabla',
      'avances',
      'mediciones',
      'acuerdos',
      'seguimientos',
      'fe_erratas'
    ]) {
      const cols = handle.prepare(`pragma table_info(${t})`).all() as { name: string; pk: number }[]
      expect(cols.find((c) => c.pk === 1)?.name, t).toBe('id')
      expect(
        cols.map((c) => c.name),
        t
      ).toEqual(expect.arrayContaining(['created_at', 'updated_at']))
    }
    // Session numbers are unique per instancia, type and year.
    const idx = handle.prepare("select sql from sqlite_master where name = 'sesiones'").get() as {
      sql: string
    }
    expect(idx.sql).toMatch(/unique \("instancia_id", "tipo", "anio", "numero"\)/i)
    await db.destroy()
  })

  it('0003 (from a file written by version 2): seals each approved acta with the hash it was given', async () => {
    const { handle, db } = copiaV2()
    expect(await currentSchemaVersion(db)).toBe(2)
    const before = handle.prepare('select * from sesiones order by id').all()
    expect(await migrate(db, 3)).toEqual({ from: 2, to: 3 })
    const rows = await db.selectFrom('sesiones').selectAll().orderBy('id').execute()
    const aprobadas = rows.filter((r) => r.estado === 'aprobada')
    expect(aprobadas).toHaveLength(9)
    // Rebuilt exactly as version 2 hashed it: every stored hash matches the sealed copy.
    for (const r of aprobadas) expect(leerSellado(r).sesion.titulo).toMatch(/^Sesión /)
    expect(await revisarActas(db)).toEqual({ alteradas: [], distintas: [], reselladas: [] })
    for (const r of aprobadas) {
      expect(r.hash_anterior).toBeNull()
      expect(r.aprobada_en_titulo ?? '').toMatch(/^(Sesión .*)?$/)
    }
    expect(aprobadas.filter((r) => r.aprobada_en_titulo !== null).length).toBeGreaterThan(0)
    for (const r of rows.filter((x) => x.estado !== 'aprobada'))
      expect(r.contenido_aprobado).toBeNull()
    const nuevas = [
      'contenido_aprobado',
      'aprobada_en_titulo',
      'aprobada_secretaria',
      'hash_anterior'
    ]
    expect(
      rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !nuevas.includes(k))))
    ).toEqual(before)
    await db.destroy()
  })

  it('0003: an acta whose content version 2 let drift is sealed as it reads, its old hash kept', async () => {
    const { handle, db } = copiaV2()
    // The version 2 bug: renaming the instancia changed its approved actas.
    handle.exec("update instancias set nombre = 'Renombrada' where codigo = 'RAV'")
    const deRav = handle
      .prepare(
        "select count(*) as n from sesiones s join instancias i on i.id = s.instancia_id where i.codigo = 'RAV' and s.estado = 'aprobada'"
      )
      .get() as { n: number }
    expect(deRav.n).toBeGreaterThan(0)
    const hashes = handle
      .prepare("select id, hash from sesiones where estado = 'aprobada' order by id")
      .all() as { id: string; hash: string }[]
    await migrate(db, 3)
    const r = await revisarActas(db)
    expect(r.alteradas).toEqual([])
    expect(r.reselladas).toHaveLength(deRav.n)
    // Still printable (its new hash matches), and the hash it was approved with is kept.
    const rows = await db
      .selectFrom('sesiones')
      .selectAll()
      .where('estado', '=', 'aprobada')
      .orderBy('id')
      .execute()
    for (const row of rows) {
      expect(leerSellado(row).sesion.titulo).toMatch(/^Sesión /)
      const antes = hashes.find((h) => h.id === row.id)!.hash
      if (r.reselladas.some((x) => x.sesionId === row.id)) {
        expect(row.hash_anterior).toBe(antes)
        expect(row.hash).not.toBe(antes)
        expect(leerSellado(row).sesion.instancia).toBe('Renombrada')
      } else expect(row.hash).toBe(antes)
    }
    await db.destroy()
  })

  it('0004 (from 3, and from a file written by version 2): adds the history indexes, changes no row', async () => {
    const { handle, db } = copiaV2()
    await migrate(db, 3)
    const filas = (tabla: string) => handle.prepare(`select * from ${tabla} order by rowid`).all()
    const antes = ['sesiones', 'fe_erratas', 'acuerdos'].map(filas)
    expect(await migrate(db, 4)).toEqual({ from: 3, to: 4 })
    expect(['sesiones', 'fe_erratas', 'acuerdos'].map(filas)).toEqual(antes)
    const plan = (q: string) =>
      (handle.prepare(`explain query plan ${q}`).all() as { detail: string }[])
        .map((r) => r.detail)
        .join('; ')
    expect(plan("select id from sesiones where aprobada_en_sesion_id = 'x'")).toMatch(
      /USING (COVERING )?INDEX sesiones_aprobada_en_idx/
    )
    expect(plan("select * from fe_erratas where sesion_id = 'x'")).toMatch(
      /USING INDEX fe_erratas_sesion_idx/
    )
    expect(plan('select id from sesiones order by fecha desc, id desc limit 50')).toMatch(
      /INDEX sesiones_fecha_idx/
    )
    await db.destroy()
    // And from an empty file straight to 4, through 1..3.
    const fresco = archivoVacio()
    await migrate(fresco.db, 3)
    expect(await migrate(fresco.db)).toEqual({ from: 3, to: LATEST_SCHEMA_VERSION })
    await fresco.db.destroy()
  })

  it('0005 (from 4, and from a file written by version 2): adds the labels and the acting secretary, null everywhere; sealed actas still verify', async () => {
    const { handle, db } = copiaV2()
    await migrate(db, 4)
    const tablas = ['acciones', 'metas', 'indicadores', 'sesiones']
    const filas = (tabla: string) =>
      handle.prepare(`select * from ${tabla} order by rowid`).all() as Record<string, unknown>[]
    const antes = tablas.map(filas)
    expect(await migrate(db, 5)).toEqual({ from: 4, to: 5 })
    const nuevas: Record<string, string[]> = {
      acciones: ['rotulo_indicadores', 'separador_codigo'],
      metas: ['rotulo'],
      indicadores: ['vineta'],
      sesiones: ['secretaria_subrogante_id']
    }
    tablas.forEach((tabla, i) => {
      const despues = filas(tabla)
      expect(despues.length).toBeGreaterThan(0)
      // Every row as it was, plus the new columns, null: today's labels, nobody acting.
      expect(despues).toEqual(
        antes[i]!.map((r) => ({
          ...r,
          ...Object.fromEntries(nuevas[tabla]!.map((c) => [c, null]))
        }))
      )
    })
    const aprobadas = await db
      .selectFrom('sesiones')
      .selectAll()
      .where('estado', '=', 'aprobada')
      .execute()
    expect(aprobadas).toHaveLength(9)
    // The content read from the rows leaves out the empty new field: same text, same hash.
    for (const r of aprobadas) expect(leerSellado(r).sesion.secretariaSubrogante).toBeUndefined()
    expect(await revisarActas(db)).toEqual({ alteradas: [], distintas: [], reselladas: [] })
    // The new column of an approved session is locked with the rest of its row.
    const asistencia = handle
      .prepare('select id from asistencias where sesion_id = ?')
      .get(aprobadas[0]!.id) as { id: string }
    expect(() =>
      handle
        .prepare('update sesiones set secretaria_subrogante_id = ? where id = ?')
        .run(asistencia.id, aprobadas[0]!.id)
    ).toThrow(/acta_aprobada/)
    await db.destroy()
    const fresco = archivoVacio()
    await migrate(fresco.db, 4)
    expect(await migrate(fresco.db)).toEqual({ from: 4, to: LATEST_SCHEMA_VERSION })
    await fresco.db.destroy()
  })

  it('a failing migration leaves the file at the previous version (each runs in its own transaction)', async () => {
    const { db } = archivoVacio()
    await migrate(db)
    // Simulate a half-applied future migration: its statements must roll back with it.
    await expect(
      db.transaction().execute(async (trx) => {
        await sql`create table probe (id text)`.execute(trx)
        throw new Error('boom')
      })
    ).rejects.toThrow('boom')
    const probe = await sql<{
      n: number
    }>`select count(*) as n from sqlite_master where name = 'probe'`.execute(db)
    expect(probe.rows[0]?.n).toBe(0)
    expect(await currentSchemaVersion(db)).toBe(LATEST_SCHEMA_VERSION)
    await db.destroy()
  })

  it('schema snapshot: every schema change is visible in review', async () => {
    const { db, handle } = archivoVacio()
    await migrate(db)
    await expect(schemaSql(handle)).toMatchFileSnapshot('__snapshots__/schema.sql')
    await db.destroy()
  })
})
