import { describe, expect, it } from 'vitest'
import { migrate } from '../../../../src/main/core/db/migrator'
import { LATEST_SCHEMA_VERSION } from '../../../../src/main/core/db/migrations'
import { m0015 } from '../../../../src/main/core/db/migrations/0015_actas_ajenas'
import { SINCRONIZADAS_0014 } from '../../../../src/main/core/db/migrations/0014_sellos'
import { revisarActas } from '../../../../src/main/core/actas/sello'
import { copiaV2, desdeCadaVersion, type Handle } from '../../../helpers/migraciones'

// Migration 0015 (a partner's approved acta kept beside ours, #16), from every earlier version
// and from a file written by version 2: an empty table, every row as it was, sealed actas intact.

const columnas = (handle: Handle) =>
  (
    handle.prepare('select name from pragma_table_info(?) order by cid').all('actas_ajenas') as {
      name: string
    }[]
  ).map((c) => c.name)

describe('migration 0015', () => {
  it('from every earlier version: the table for partners’ actas, empty', async () => {
    await desdeCadaVersion(
      m0015.version,
      async ({ handle, db, desde }) => {
        expect(columnas(handle)).toEqual([])
        expect(await migrate(db)).toEqual({ from: desde, to: LATEST_SCHEMA_VERSION })
        expect(columnas(handle)).toEqual([
          'sesion_id',
          'hash',
          'motivo',
          'instalacion_id',
          'instalacion_nombre',
          'aprobada_at',
          'contenido',
          'fila',
          'recibida_at'
        ])
        expect(handle.prepare('select count(*) n from actas_ajenas').get()).toEqual({ n: 0 })
        // One copy per acta and hash; only the two reasons.
        const poner = handle.prepare(
          "insert into actas_ajenas values ('s', 'h', ?, 'i', 'Otra', null, '{}', '{}', 'x')"
        )
        poner.run('version')
        expect(() => poner.run('version')).toThrow(/UNIQUE/)
        expect(() => poner.run('otro')).toThrow(/CHECK/)
      },
      { sembrada: true }
    )
  })

  it('from a version 2 file: every synced row as it was, sealed actas intact', async () => {
    const { handle, db } = copiaV2()
    await migrate(db, m0015.version - 1)
    const dump = () => SINCRONIZADAS_0014.map((t) => handle.prepare(`select * from "${t}"`).all())
    const antes = dump()
    await migrate(db)
    expect(dump()).toEqual(antes)
    const r = await revisarActas(db)
    expect([r.alteradas, r.distintas]).toEqual([[], []])
  })
})
