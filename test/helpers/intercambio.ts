import path from 'node:path'
import { sql } from 'kysely'
import { afterEach } from 'vitest'
import { openTestApp, tempDir, type TestApp } from './db'
import { urlPostgresDePrueba } from './postgres-pruebas'
import { dialectoDe } from '../../src/main/core/db/dialecto'
import { seedPlanInicial } from '../../src/main/core/seed/plan-inicial'
import { respaldar } from '../../src/main/core/respaldos'
import {
  exportar,
  importar,
  vistaPrevia,
  type IntercambioDeps
} from '../../src/main/core/intercambio'
import { SINCRONIZADAS_0014 } from '../../src/main/core/db/migrations/0014_sellos'
import { CLAVES, referencias } from '../../src/main/core/intercambio/alias'

// Two installations on real files (#16): the service's ports over a test app, and each one's
// content with its ids in the other's terms, to compare them table by table.

export function deps(t: TestApp): IntercambioDeps & { respaldos: string[] } {
  const { dir } = tempDir('mitp-respaldo-')
  const respaldos: string[] = []
  // A server's backups are IT's (pg_dump): there the import's backup is only counted.
  if (dialectoDe(t.app.db) === 'postgres') {
    const respaldar = async () => void respaldos.push(`servidor-${respaldos.length}`)
    return { db: t.app.db, respaldos, respaldar }
  }
  return {
    db: t.app.db,
    handle: t.app.handle,
    respaldos,
    respaldar: async () => {
      const f = path.join(dir, `r${respaldos.length}.db`)
      await respaldar(t.app.handle, f)
      respaldos.push(f)
    }
  }
}

export async function nombrar(t: TestApp, nombre: string): Promise<string> {
  await t.app.db.updateTable('instalacion').set({ nombre }).execute()
  return (await t.app.db.selectFrom('instalacion').select('id').executeTakeFirstOrThrow()).id
}

/** Every synced row, ids translated by `ids` (this side's id → the other's), without stamps. */
export async function contenido(
  t: TestApp,
  ids: (tabla: string, id: string) => string = (_t, id) => id
): Promise<Record<string, unknown[]>> {
  const r: Record<string, unknown[]> = {}
  for (const tabla of SINCRONIZADAS_0014) {
    const refs = await referencias(t.app.db, tabla)
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(tabla)}`.execute(
      t.app.db
    )
    r[tabla] = rows
      .map((f) => {
        const { created_at: _c, updated_at: _u, ...resto } = f
        const o: Record<string, unknown> = { ...resto, id: ids(tabla, String(f['id'])) }
        for (const [col, ref] of refs)
          if (typeof o[col] === 'string') o[col] = ids(ref, o[col] as string)
        return o
      })
      .sort((a, b) => String(a['id']).localeCompare(String(b['id'])))
  }
  return r
}

/** This side's ids for rows aliased to the other's: local → remote. */
export async function haciaElOtro(t: TestApp): Promise<(tabla: string, id: string) => string> {
  const alias = await t.app.db.selectFrom('alias').selectAll().execute()
  const m = new Map(alias.map((a) => [`${a.tabla}:${a.local}`, a.remoto]))
  return (tabla, id) => m.get(`${tabla}:${id}`) ?? id
}

/**
 * An installation seeded on its own, as each laptop or server is. The PostgreSQL run copies each
 * test database from one seeded template: its rows would share ids and stamps of an installation
 * neither side knows, so there each installation seeds an empty copy itself.
 */
export async function instalacionPropia(): Promise<TestApp> {
  if (!urlPostgresDePrueba()) return openTestApp()
  const t = await openTestApp({ seed: false })
  await seedPlanInicial(t.app.db)
  return t
}

export interface Equipo {
  t: TestApp
  d: ReturnType<typeof deps>
  nombre: string
}

/**
 * Installations on real files for one test file, closed after each test, and a folder for their
 * packages: `equipo(nombre)` opens one (seeded on its own, or as `abrir` gives it).
 */
export function banco() {
  const abiertos: TestApp[] = []
  const carpeta = tempDir('mitp-paquetes-')
  afterEach(async () => {
    for (const t of abiertos.splice(0)) await t.close()
  })
  let n = 0
  const paquete = () => path.join(carpeta.dir, `p${++n}.mitp`)
  return {
    paquete,
    async equipo(
      nombre: string,
      abrir: () => Promise<TestApp> = instalacionPropia
    ): Promise<Equipo> {
      const t = await abrir()
      abiertos.push(t)
      await nombrar(t, nombre)
      return { t, d: deps(t), nombre }
    },
    /** A package from `de` for `para`, as a file. */
    paqueteDe,
    /** One package from `de` imported by `para`, keeping ours in every conflict; its preview. */
    llevar,
    /** Both ways, `a` first. */
    async ambos(a: Equipo, b: Equipo): Promise<void> {
      await llevar(a, b)
      await llevar(b, a)
    }
  }
  async function paqueteDe(de: Equipo, para: Equipo): Promise<string> {
    const p = paquete()
    await exportar(de.d, para.nombre, p)
    return p
  }
  async function llevar(de: Equipo, para: Equipo) {
    const p = await paqueteDe(de, para)
    const v = await vistaPrevia(para.d, p)
    await importar(para.d, p, Object.fromEntries(v.conflictos.map((c) => [c.clave, 'mio'])))
    return v
  }
}

/** A seeded row's id as its natural key (each laptop seeded the plan under its own ids). */
export async function canonicos(t: TestApp): Promise<(tabla: string, id: string) => string> {
  const m = new Map<string, string>()
  for (const [tabla, clave] of CLAVES) {
    const refs = await referencias(t.app.db, tabla)
    const { rows } = await sql<Record<string, string>>`select * from ${sql.table(tabla)}`.execute(
      t.app.db
    )
    for (const f of rows) {
      const k = clave.map((c) => (refs.has(c) ? m.get(`${refs.get(c)}:${f[c]}`) : f[c]))
      m.set(`${tabla}:${f['id']}`, `${tabla}=${JSON.stringify(k)}`)
    }
  }
  return (tabla, id) => m.get(`${tabla}:${id}`) ?? id
}
