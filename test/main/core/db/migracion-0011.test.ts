import { describe, expect, it } from 'vitest'
import { migrate } from '../../../../src/main/core/db/migrator'
import { LATEST_SCHEMA_VERSION } from '../../../../src/main/core/db/migrations'
import { AUDITADAS_0011 } from '../../../../src/main/core/db/migrations/0011_historial'
import { revisarActas } from '../../../../src/main/core/actas/sello'
import { enNombreDe } from '../../../../src/main/core/db/quien'
import { copiaV2, desdeCadaVersion, type Handle } from '../../../helpers/migraciones'

// Migration 0011 (the history of changes), from every earlier version and from a file written by
// version 2: the rows already there are not rewritten nor recorded, the next write is.

// Tables triggers keep from the others, and the migrations' own: nobody edits them. The
// installation's identity, the merge stamps, partners and aliases (0014), the partners'
// actas kept aside (0015), the ids it had before a restore (0019) and the rows of common
// origin (0021) belong to the exchange, not the history.
const DERIVADAS = [
  'acuerdos_cierre',
  'actas_ajenas',
  'alias',
  'avance_fechas',
  'busqueda',
  'busqueda_filas',
  'comunes',
  'historial',
  'instalacion',
  'instalaciones_anteriores',
  'schema_migrations',
  'sellos',
  'socios',
  'tombstones'
]
const QUIEN = {
  nombre: 'Ana Pérez',
  institucion: 'SPD',
  canal: 'prueba',
  en: '2014-03-12T15:04:00.000Z'
}

const n = (handle: Handle, sql: string): number => (handle.prepare(sql).get() as { n: number }).n

describe('migration 0011', () => {
  it('adds an empty, append-only history from every earlier version; the next write is recorded', async () => {
    await desdeCadaVersion(
      11,
      async ({ handle, db, desde }) => {
        const filas = n(handle, 'select count(*) n from acciones')
        expect(await migrate(db)).toEqual({ from: desde, to: LATEST_SCHEMA_VERSION })
        expect(n(handle, 'select count(*) n from historial')).toBe(0)
        await enNombreDe(QUIEN, async () => {
          await db.updateTable('acciones').set({ texto: 'Editada' }).execute()
        })
        expect(n(handle, "select count(*) n from historial where actor = 'Ana Pérez'")).toBe(filas)
        expect(() => handle.prepare('delete from historial').run()).toThrow('historial_inmutable')
      },
      { sembrada: true }
    )
  })

  it('audits every table but the derived ones: a new table needs its triggers', async () => {
    await desdeCadaVersion(
      11,
      async ({ handle, db }) => {
        await migrate(db)
        const tablas = (
          handle
            .prepare(
              "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'busqueda_%'"
            )
            .all() as { name: string }[]
        ).map((t) => t.name)
        const sinHistorial = tablas.filter(
          (t) =>
            !['insert', 'update', 'delete'].every(
              (e) =>
                n(
                  handle,
                  `select count(*) n from sqlite_master where name = 'historial_${t}_${e}'`
                ) === 1
            )
        )
        expect(sinHistorial.sort()).toEqual(DERIVADAS.filter((t) => tablas.includes(t)).sort())
        expect(Object.keys(AUDITADAS_0011).length).toBe(tablas.length - sinHistorial.length)
      },
      { primera: 10 }
    )
  })

  it('from a version 2 file: nothing recorded for the old rows, sealed actas intact', async () => {
    const { handle, db } = copiaV2()
    await migrate(db)
    expect(n(handle, 'select count(*) n from historial')).toBe(0)
    const r = await revisarActas(db)
    expect([r.alteradas, r.distintas]).toEqual([[], []])
    // A draft's acuerdo edited: one row, with its session and its own id to find it by.
    const acuerdo = handle
      .prepare(
        "select a.id, a.sesion_id from acuerdos a join sesiones s on s.id = a.sesion_id where s.estado = 'borrador' limit 1"
      )
      .get() as { id: string; sesion_id: string }
    await enNombreDe(QUIEN, async () => {
      await db.updateTable('acuerdos').set({ texto: 'Otro' }).where('id', '=', acuerdo.id).execute()
    })
    expect(
      handle
        .prepare('select actor, en, tabla, operacion, sesion_id, acuerdo_id from historial')
        .all()
    ).toEqual([
      {
        actor: 'Ana Pérez',
        en: QUIEN.en,
        tabla: 'acuerdos',
        operacion: 'modificar',
        sesion_id: acuerdo.sesion_id,
        acuerdo_id: acuerdo.id
      }
    ])
  })
})
