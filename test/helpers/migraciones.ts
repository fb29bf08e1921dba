import fs from 'node:fs'
import path from 'node:path'
import { afterEach } from 'vitest'
import { createKysely, openSqlite } from '../../src/main/core/db/sqlite'
import { migrate } from '../../src/main/core/db/migrator'
import { seedPlanInicial } from '../../src/main/core/seed/plan-inicial'
import { tempDir } from './db'

/** What every migration test starts from: a raw SQLite file and kysely over it. */
export type Handle = ReturnType<typeof openSqlite>
export interface Archivo {
  handle: Handle
  db: ReturnType<typeof createKysely>
}

// Files opened by a test are closed and removed after it, even when an assertion failed.
const pendientes: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cerrar of pendientes.splice(0)) await cerrar()
})

function abrir(nombre: string, preparar: (file: string) => void = () => {}): Archivo {
  const t = tempDir()
  const file = path.join(t.dir, nombre)
  preparar(file)
  const handle = openSqlite(file)
  const db = createKysely(handle)
  pendientes.push(async () => {
    await db.destroy().catch(() => {})
    t.cleanup()
  })
  return { handle, db }
}

/** An empty file at schema version 0. */
export const archivoVacio = (): Archivo => abrir('m.db')

/** A copy of a real database written by version 2 (test/fixtures/v2-demo.db), with approved actas. */
export const copiaV2 = (): Archivo =>
  abrir('v2.db', (file) => fs.copyFileSync(path.join(__dirname, '../fixtures/v2-demo.db'), file))

/**
 * Runs `probar` on a fresh file brought to each version before `hasta`, so a new migration is
 * tried from every earlier one. With `sembrada`, the plan is seeded at version 1 (where the seed's
 * tables first exist) and version 0 starts there too.
 */
export async function desdeCadaVersion(
  hasta: number,
  probar: (a: Archivo & { desde: number }) => Promise<void>,
  { sembrada = false, primera = 0 }: { sembrada?: boolean; primera?: number } = {}
): Promise<void> {
  for (let v = primera; v < hasta; v++) {
    const a = archivoVacio()
    const desde = sembrada ? Math.max(v, 1) : v
    await migrate(a.db, desde)
    if (sembrada) await seedPlanInicial(a.db)
    await probar({ ...a, desde })
    await pendientes.pop()!()
  }
}
