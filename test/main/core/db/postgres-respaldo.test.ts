import pg from 'pg'
import { sql, type Kysely } from 'kysely'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { abrirPostgres } from '../../../../src/main/core/db/postgres/abrir'
import { MENSAJE_APROBADA } from '../../../../src/main/core/sesiones/acta-guard'
import type { ServidorPostgres } from '../../../helpers/postgres-servidor'
import {
  appDe,
  archivoConActa,
  bloqueDelReadme,
  CLAVE_ROL,
  destinoDelRol,
  ejecutarBloque,
  entornoDe,
  migrarAlServidor,
  psqlComoElReadme,
  servidorComoElReadme
} from '../../../helpers/postgres-readme'
import { caller } from '../../../helpers/sesiones'
import { tempDir } from '../../../helpers/db'

// README «Base de datos compartida»: backups. The README's own pg_dump (as the app's role) and
// pg_restore (as the superuser, into a new database) commands, run as written with Debian's
// binaries, then its rename. The restored database opens (its protections came back with it),
// holds the same rows, and its approved acta still refuses edits.

let servidor: ServidorPostgres
let dir: string
let limpiar: () => void

beforeAll(async () => {
  ;({ dir, cleanup: limpiar } = tempDir('mitp-pg-respaldo-'))
  ;({ servidor } = await servidorComoElReadme(dir))
}, 120_000)

afterAll(async () => {
  await servidor?.detener()
  limpiar?.()
})

/** Every table of the app's schema with its rows, and its triggers (enabled) by name. */
async function inventario(db: Kysely<unknown>): Promise<Record<string, unknown>> {
  const { rows: tablas } = await sql<{ t: string }>`
    select tablename as t from pg_tables where schemaname = current_schema() order by 1`.execute(db)
  const filas: Record<string, number> = {}
  for (const { t } of tablas) {
    const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.id(t)}`.execute(db)
    filas[t] = rows[0]!.n
  }
  const { rows: disparadores } = await sql<{ d: string }>`
    select tgrelid::regclass || '.' || tgname || ':' || tgenabled::text as d from pg_trigger
    where not tgisinternal order by 1`.execute(db)
  return { filas, disparadores: disparadores.map((r) => r.d) }
}

it("the README's pg_dump and pg_restore bring the database back, sealed acta and all", async () => {
  const { archivo, f } = await archivoConActa(dir)
  expect((await migrarAlServidor(servidor, archivo)).code).toBe(0)
  const antes = await abrirPostgres(destinoDelRol(servidor, 'requerido'), { maximo: 1 })
  const esperado = await inventario(antes.db as unknown as Kysely<unknown>)
  await antes.close()
  expect((esperado.filas as Record<string, number>).sesiones).toBe(3)
  expect((esperado.disparadores as string[]).length).toBeGreaterThan(50)

  // IT's backup as the role, its restore and rename as the superuser: each block as written.
  ejecutarBloque(bloqueDelReadme('mitp:respaldo'), dir, {
    ...entornoDe(servidor),
    PGPASSWORD: CLAVE_ROL
  })
  ejecutarBloque(bloqueDelReadme('mitp:restaurar'), dir, entornoDe(servidor))
  psqlComoElReadme(servidor, bloqueDelReadme('mitp:renombrar'), dir)

  const t = appDe(await abrirPostgres(destinoDelRol(servidor, 'requerido'), { maximo: 1 }))
  try {
    expect(t.app.created).toBe(false)
    expect(await inventario(t.app.db as unknown as Kysely<unknown>)).toEqual(esperado)
    const { call } = caller(t)
    expect(
      await call('punto:actualizar', { id: f.aprobada.punto, titulo: 'X', desarrollo: 'X' })
    ).toEqual({ ok: false, error: { code: 'solo_lectura', message: MENSAJE_APROBADA } })
    // The app's own backup menu does not apply to a server: it says who backs it up.
    const respaldo = await call('respaldo:ahora', undefined)
    expect(respaldo.ok ? 'respaldó' : respaldo.error.message).toMatch(/informática \(pg_dump\)/)
    await expect(
      sql`update puntos_tabla set desarrollo = 'X' where id = ${f.aprobada.punto}`.execute(t.app.db)
    ).rejects.toThrow(/aprobada/i)
  } finally {
    await t.close()
  }
  // The damaged one is kept beside it, as the README says.
  const admin = new pg.Client({ connectionString: servidor.url })
  await admin.connect()
  const { rows } = await admin.query(
    "select datname from pg_database where datname like 'mitp%' order by 1"
  )
  await admin.end()
  expect(rows.map((r) => r.datname)).toEqual(['mitp', 'mitp_danada'])
})
