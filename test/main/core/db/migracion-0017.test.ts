import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../../../src/main/core/db/migrator'
import { LATEST_SCHEMA_VERSION } from '../../../../src/main/core/db/migrations'
import { m0017 } from '../../../../src/main/core/db/migrations/0017_conocido'
import { archivoVacio, copiaV2, desdeCadaVersion } from '../../../helpers/migraciones'

// Migration 0017 (#16): what this installation knows it has received, apart from the partners'
// claims. A file that already exchanged starts from what it trusted so far: its own largest
// stamp and every partner's vector.

type Conocido = Record<string, string>

const leerConocido = async (db: ReturnType<typeof archivoVacio>['db']): Promise<Conocido> =>
  JSON.parse(
    (await sql<{ conocido: string }>`select conocido from instalacion`.execute(db)).rows[0]!
      .conocido
  ) as Conocido

describe('migration 0017: what this installation knows', () => {
  it('from every earlier version and from a version 2 file: its own largest stamp, or nothing', async () => {
    await desdeCadaVersion(
      m0017.version,
      async ({ db, desde }) => {
        expect(await migrate(db)).toEqual({ from: desde, to: LATEST_SCHEMA_VERSION })
        const v = await leerConocido(db)
        const { id } = (await sql<{ id: string }>`select id from instalacion`.execute(db)).rows[0]!
        const mayor = (
          await sql<{
            s: string | null
          }>`select max(sello) as s from sellos where sello like ${'%-' + id}`.execute(db)
        ).rows[0]!.s
        expect(v).toEqual(mayor ? { [id]: mayor } : {})
      },
      { sembrada: true }
    )
    const v2 = copiaV2()
    await migrate(v2.db)
    expect(Object.keys(await leerConocido(v2.db))).toHaveLength(1)
  })

  it('a file that exchanged keeps knowing what its partners’ vectors said', async () => {
    const { db } = archivoVacio()
    await migrate(db, 16)
    const { id } = (await sql<{ id: string }>`select id from instalacion`.execute(db)).rows[0]!
    const propio = `1700000000000-0000-${id}`
    await sql`insert into sellos (tabla, fila_id, campo, sello) values ('x', 'y', 'z', ${propio})`.execute(
      db
    )
    const p = { p: '1700000000005-0000-p', q: '1600000000000-0000-q' }
    const q = { q: '1700000000009-0000-q', [id]: '1600000000000-0000-' + id }
    for (const [n, v] of [
      ['P', p],
      ['Q', q]
    ] as const)
      await sql`insert into socios (instalacion_id, nombre, vector) values (${n}, ${n}, ${JSON.stringify(v)})`.execute(
        db
      )
    await migrate(db)
    expect(await leerConocido(db)).toEqual({
      [id]: propio,
      p: p.p,
      q: q.q
    })
  })
})
