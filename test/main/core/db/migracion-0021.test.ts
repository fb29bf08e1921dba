import { describe, expect, it } from 'vitest'
import { migrate } from '../../../../src/main/core/db/migrator'
import { LATEST_SCHEMA_VERSION } from '../../../../src/main/core/db/migrations'
import { TABLAS_0021 } from '../../../../src/main/core/db/migrations/0021_comunes'
import { enNombreDe } from '../../../../src/main/core/db/quien'
import { copiaV2, desdeCadaVersion, type Archivo } from '../../../helpers/migraciones'

// Migration 0021 (#16): the rows of common origin, the only ones the exchange matches by natural
// key. Rows already there are common unless their first history entry is a per-row creation
// ('meta:crear'…), deleted ones included; the trigger marks what is written after.

const comunes = ({ handle }: Archivo) =>
  (
    handle.prepare('select tabla, fila_id from comunes').all() as {
      tabla: string
      fila_id: string
    }[]
  )
    .map((c) => `${c.tabla}:${c.fila_id}`)
    .sort()

const todas = ({ handle }: Archivo) =>
  TABLAS_0021.flatMap((t) =>
    (handle.prepare(`select id from ${t}`).pluck().all() as string[]).map((id) => `${t}:${id}`)
  ).sort()

const en = '2026-12-01T00:00:00.000Z'

/** A copy of the first meta under a new id, written on behalf of `canal` (null: no call). */
async function otraMeta(a: Archivo, id: string, canal: string | null): Promise<void> {
  const escribir = async () => {
    a.handle
      .prepare(
        `insert into metas (id, accion_id, texto, plazo, orden, created_at, updated_at)
        select ?, accion_id, 'Otra', plazo, 99, created_at, updated_at from metas limit 1`
      )
      .run(id)
  }
  if (canal === null) return escribir()
  return enNombreDe({ nombre: 'Ana', institucion: null, canal, en }, escribir)
}

describe('migration 0021: rows of common origin', () => {
  it('from every earlier version, seeded: every row of the seed is common', async () => {
    await desdeCadaVersion(
      21,
      async (a) => {
        const antes = todas(a)
        expect(antes.length).toBeGreaterThan(50)
        expect(await migrate(a.db)).toEqual({ from: a.desde, to: LATEST_SCHEMA_VERSION })
        expect(comunes(a)).toEqual(antes)
      },
      { sembrada: true }
    )
  })

  it('a file written by version 2: every row common (the previous behaviour)', async () => {
    const a = copiaV2()
    const antes = todas(a)
    expect(antes.length).toBeGreaterThan(0)
    await migrate(a.db)
    expect(comunes(a)).toEqual(antes)
  })

  it('at version 20: a row a user created one by one is not common, deleted or alive', async () => {
    await desdeCadaVersion(
      21,
      async (a) => {
        await otraMeta(a, 'meta-suelta', 'meta:crear')
        await otraMeta(a, 'meta-borrada', 'meta:crear')
        await otraMeta(a, 'meta-copiada', 'plan:copiar')
        await otraMeta(a, 'meta-de-script', null)
        const sembrada = a.handle
          .prepare("select id from metas where id not like 'meta-%' order by id desc")
          .pluck()
          .get()
        a.handle.prepare("delete from metas where id in ('meta-borrada', ?)").run(sembrada)
        const semilla = todas(a).filter((f) => !f.startsWith('metas:meta-'))
        semilla.push(`metas:${String(sembrada)}`)
        await migrate(a.db)
        expect(comunes(a)).toEqual(
          [...semilla, 'metas:meta-copiada', 'metas:meta-de-script'].sort()
        )
        // Written after: the trigger marks all but a per-row creation.
        await otraMeta(a, 'meta-nueva', 'meta:crear')
        await otraMeta(a, 'meta-importada', 'paquete:importar')
        await otraMeta(a, 'meta-sin-canal', null)
        const nuevas = comunes(a).filter((f) => /meta-(nueva|importada|sin-canal)/.test(f))
        expect(nuevas).toEqual(['metas:meta-importada', 'metas:meta-sin-canal'])
      },
      { sembrada: true, primera: 20 }
    )
  })
})
