import { describe, expect, it } from 'vitest'
import { migrate } from '../../../../src/main/core/db/migrator'
import { LATEST_SCHEMA_VERSION } from '../../../../src/main/core/db/migrations'
import { revisarActas } from '../../../../src/main/core/actas/sello'
import { enNombreDe } from '../../../../src/main/core/db/quien'
import { copiaV2, desdeCadaVersion, type Handle } from '../../../helpers/migraciones'

// Migration 0012 (plan periods: planes.cerrado_at and the triggers that make a closed period
// read-only), from every earlier version and from a file written by version 2.

const QUIEN = {
  nombre: 'Ana Pérez',
  institucion: 'SPD',
  canal: 'prueba',
  en: '2015-01-02T10:00:00.000Z'
}
const uno = (handle: Handle, sql: string): unknown => handle.prepare(sql).get()

/** Every kind of write to a closed plan's rows: each must be refused by the database. */
const ESCRITURAS_CERRADO = [
  "update planes set nombre = nombre || 'x'",
  'delete from planes',
  "insert into ejes (id, plan_id, codigo, nombre, orden, created_at, updated_at) select 'e-nuevo', id, '99', 'X', 99, '', '' from planes",
  "update ejes set nombre = 'X'",
  'delete from ejes',
  "update objetivos set texto = 'X'",
  "update acciones set texto = 'X'",
  'update acciones set instancia_id = (select i.id from instancias i where i.id is not acciones.instancia_id limit 1)',
  'delete from acciones',
  "insert into metas (id, accion_id, texto, plazo, orden, created_at, updated_at) select 'm-nueva', id, 'X', null, 99, '', '' from acciones limit 1",
  "update metas set plazo = '2099-12-31'",
  'delete from metas',
  'update indicadores set meta_valor = 1',
  'delete from indicadores'
]

describe('migration 0012', () => {
  it('from every earlier version: plans open; closing one is recorded and makes its rows read-only', async () => {
    await desdeCadaVersion(
      12,
      async ({ handle, db, desde }) => {
        expect(await migrate(db)).toEqual({ from: desde, to: LATEST_SCHEMA_VERSION })
        expect(uno(handle, 'select count(*) n from planes where cerrado_at is not null')).toEqual({
          n: 0
        })
        // Open, its rows are written as before.
        handle.exec(
          "update acciones set texto = texto || '.' where rowid = (select min(rowid) from acciones)"
        )
        await enNombreDe(QUIEN, async () => {
          await db.updateTable('planes').set({ cerrado_at: QUIEN.en }).execute()
        })
        // The history triggers know the new column: the closing is recorded, before → after.
        const h = uno(
          handle,
          "select actor, json_extract(antes, '$.cerrado_at') antes, json_extract(despues, '$.cerrado_at') despues from historial where tabla = 'planes' and operacion = 'modificar'"
        )
        expect(h).toEqual({ actor: 'Ana Pérez', antes: null, despues: QUIEN.en })
        for (const sql of ESCRITURAS_CERRADO)
          expect(() => handle.exec(sql), sql).toThrow('plan_cerrado')
        // An instancia removed still clears the acciones that named it (FK set null).
        const conInstancia = uno(
          handle,
          'select instancia_id id from acciones where instancia_id is not null limit 1'
        ) as { id: string }
        handle.exec(`delete from miembros where instancia_id = '${conInstancia.id}'`)
        handle.exec(`delete from instancias where id = '${conInstancia.id}'`)
        expect(
          uno(handle, `select count(*) n from acciones where instancia_id = '${conInstancia.id}'`)
        ).toEqual({ n: 0 })
      },
      { sembrada: true, primera: 1 }
    )
  })

  it('from a version 2 file: every plan open and writable, sealed actas intact', async () => {
    const { handle, db } = copiaV2()
    await migrate(db)
    expect(uno(handle, 'select count(*) n from planes where cerrado_at is null')).toEqual(
      uno(handle, 'select count(*) n from planes')
    )
    expect(() => handle.exec("update acciones set texto = texto || '.'")).not.toThrow()
    const r = await revisarActas(db)
    expect([r.alteradas, r.distintas]).toEqual([[], []])
  })
})
