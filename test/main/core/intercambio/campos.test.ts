import { afterEach, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { camposNoVistos, vectorPropio } from '../../../../src/main/core/intercambio/campos'
import { BORRADO } from '../../../../src/main/core/intercambio/fusion'
import { CLAVES, COMUN } from '../../../../src/main/core/intercambio/alias'
import { leer } from '../../../../src/main/core/intercambio/hlc'
import {
  BORRADO_0014,
  SINCRONIZADAS_0014,
  SIN_SELLO_0014
} from '../../../../src/main/core/db/migrations/0014_sellos'
import type { TestApp } from '../../../helpers/db'
import { instalacionPropia } from '../../../helpers/intercambio'

// What a package carries, read from a real seeded database: every field the first time, then
// only the fields changed since a vector, deletions (cascaded too) as the field BORRADO.

let t: TestApp
afterEach(async () => t?.close())

const clave = (c: { tabla: string; filaId: string; campo: string }) =>
  `${c.tabla}:${c.filaId}:${c.campo}`

describe('camposNoVistos', () => {
  it('the first time: every field of every synced row, with its value and stamp', async () => {
    t = await instalacionPropia()
    const db = t.app.db
    expect(BORRADO).toBe(BORRADO_0014)
    const campos = await camposNoVistos(db, {})
    const yo = (await db.selectFrom('instalacion').select('id').executeTakeFirstOrThrow()).id
    let esperados = 0
    for (const tabla of SINCRONIZADAS_0014) {
      const { rows } = await sql<
        Record<string, unknown>
      >`select * from ${sql.table(tabla)}`.execute(db)
      for (const fila of rows) {
        for (const [campo, valor] of Object.entries(fila)) {
          if (SIN_SELLO_0014.includes(campo)) continue
          esperados++
          const c = campos.find(
            (c) => c.tabla === tabla && c.filaId === fila['id'] && c.campo === campo
          )
          expect(c && JSON.parse(c.valor), `${tabla}.${campo}`).toEqual(valor)
        }
      }
    }
    // And each row's creation stamp ('*'), which tells a seeded field never edited.
    for (const tabla of SINCRONIZADAS_0014) {
      const { rows } = await sql<{ n: number }>`select count(*) n from ${sql.table(tabla)}`.execute(
        db
      )
      esperados += rows[0]!.n
    }
    expect(campos.filter((c) => c.campo === '*').every((c) => c.valor === 'null')).toBe(true)
    expect(esperados).toBeGreaterThan(100)
    // Besides, each seeded row's natural key (`=codigo`…), for a partner that knows it under
    // another id (claves.ts).
    // And each one's mark of common origin (`~comun`, comunes.ts): the seed's are all common.
    const marcas = campos.filter((c) => c.campo === COMUN)
    const conClave = campos.filter((c) => CLAVES.some(([tabla]) => tabla === c.tabla))
    expect(marcas.length).toBe(new Set(conClave.map((c) => `${c.tabla}:${c.filaId}`)).size)
    expect(marcas.every((c) => c.valor === 'true')).toBe(true)
    expect(campos.filter((c) => !c.campo.startsWith('=') && c.campo !== COMUN).length).toBe(
      esperados
    )
    expect(campos.filter((c) => c.tabla === 'instancias' && c.campo === '=codigo').length).toBe(
      campos.filter((c) => c.tabla === 'instancias' && c.campo === '*').length
    )
    expect(new Set(campos.map((c) => leer(c.sello).instalacion))).toEqual(new Set([yo]))
    expect(campos.some((c) => c.campo === BORRADO)).toBe(false)
  })

  it('after a vector: only the field changed, deletions cascaded, a row created again', async () => {
    t = await instalacionPropia()
    const db = t.app.db
    const visto = await vectorPropio(db)
    expect(await camposNoVistos(db, visto)).toEqual([])
    const accion = await db
      .selectFrom('acciones')
      .select(['id', 'objetivo_id'])
      .executeTakeFirstOrThrow()
    await db
      .updateTable('acciones')
      .set({ texto: 'Otra', updated_at: 'x' })
      .where('id', '=', accion.id)
      .execute()
    // The field changed, and the keys that let a partner find the row: its own and its plan's.
    const plan = await db.selectFrom('planes').select('id').executeTakeFirstOrThrow()
    expect((await camposNoVistos(db, visto)).map((c) => [clave(c), c.valor]).sort()).toEqual(
      [
        [`acciones:${accion.id}:texto`, '"Otra"'],
        [`acciones:${accion.id}:=plan_id`, JSON.stringify(plan.id)],
        [`acciones:${accion.id}:=codigo`, expect.any(String)],
        [`planes:${plan.id}:=periodo_desde`, expect.any(String)],
        [`acciones:${accion.id}:${COMUN}`, 'true'],
        [`planes:${plan.id}:${COMUN}`, 'true']
      ].sort()
    )
    const despues = await vectorPropio(db)
    expect(despues).not.toEqual(visto)
    expect(await camposNoVistos(db, despues)).toEqual([])
    const hijas = await db
      .selectFrom('acciones')
      .select('id')
      .where('objetivo_id', '=', accion.objetivo_id)
      .execute()
    await db.deleteFrom('objetivos').where('id', '=', accion.objetivo_id).execute()
    const borradas = await camposNoVistos(db, despues)
    expect(borradas.map(clave)).toEqual(
      expect.arrayContaining([
        `objetivos:${accion.objetivo_id}:${BORRADO}`,
        ...hijas.map((h) => `acciones:${h.id}:${BORRADO}`)
      ])
    )
    // Metas and indicators of those acciones go with them: only deletions, nothing else.
    expect(borradas.length).toBeGreaterThan(1 + hijas.length)
    const propias = borradas.filter((c) => !c.campo.startsWith('=') && c.campo !== COMUN)
    expect(new Set(propias.map((c) => `${c.campo}=${c.valor}`))).toEqual(
      new Set([`${BORRADO}=true`])
    )
    // Seeded rows carry their natural key, for a partner that knows them under another id.
    expect(borradas.find((c) => c.filaId === accion.id && c.campo === '=codigo')).toBeDefined()
  })

  it('a row created again after its deletion carries BORRADO false and its fields', async () => {
    t = await instalacionPropia()
    const db = t.app.db
    const inst = await db.selectFrom('instituciones').selectAll().executeTakeFirstOrThrow()
    await db.deleteFrom('instituciones').where('id', '=', inst.id).execute()
    const visto = await vectorPropio(db)
    await db.insertInto('instituciones').values(inst).execute()
    const campos = await camposNoVistos(db, visto)
    expect(campos.find((c) => c.campo === BORRADO)).toMatchObject({
      filaId: inst.id,
      valor: 'false'
    })
    expect(campos.find((c) => c.campo === 'sigla')).toMatchObject({
      valor: JSON.stringify(inst.sigla)
    })
  })
})
