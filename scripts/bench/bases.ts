import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { openAppDatabase } from '../../src/main/core/db/open'
import { createAppApi } from '../../src/main/core/api'
import { createKysely } from '../../src/main/core/db/sqlite'
import { construirHistoria, conLotes, type HistoriaOpciones } from './historia'

const RAIZ = path.resolve(__dirname, '../..')
export const CACHE = path.join(RAIZ, 'node_modules/.cache/mitp')

/**
 * The bench's databases are built once and kept under node_modules/.cache/mitp, named after what
 * decides their content: the generator (the builder, the plan's seed and the choice of who signs,
 * file contents) and the size. Not the migrations: a cached file older than the schema is
 * migrated forward on use, as the app migrates a user's file (migrations are append-only),
 * instead of being built again (building ×10 takes minutes). Changing a service does not rebuild them either: they hold data,
 * the services are measured on it.
 */
function firma(o: HistoriaOpciones): string {
  const h = crypto.createHash('sha1').update(JSON.stringify({ ...o, progreso: null }))
  const archivos = [
    path.join(RAIZ, 'src/main/core/seed/plan-inicial.ts'),
    // Who signs each session is chosen there.
    path.join(RAIZ, 'src/main/core/seed/firmantes.ts'),
    path.join(__dirname, 'historia.ts')
  ]
  for (const f of archivos) h.update(path.basename(f)).update(fs.readFileSync(f))
  return h.digest('hex').slice(0, 16)
}

/** A cached file brought to the current schema (a no-op when it already is). */
async function alDia(archivo: string): Promise<void> {
  const app = await openAppDatabase(archivo, { seed: false })
  app.handle.pragma('wal_checkpoint(TRUNCATE)')
  await app.close()
}

export interface BaseDeBench {
  archivo: string
  construidaEnMs: number | null
}

/** The database of this size, from the cache or built now through the services. */
export async function baseDeBench(
  nombre: string,
  o: HistoriaOpciones,
  aviso: (m: string) => void = () => {}
): Promise<BaseDeBench> {
  const archivo = path.join(CACHE, `bench-${nombre}-${firma(o)}.db`)
  if (fs.existsSync(archivo)) {
    await alDia(archivo)
    return { archivo, construidaEnMs: null }
  }
  fs.mkdirSync(CACHE, { recursive: true })
  const tmp = `${archivo}.${process.pid}.tmp`
  const t0 = performance.now()
  const app = await openAppDatabase(tmp)
  const api = createAppApi({ ...app, db: createKysely(conLotes(app.handle)) }, { version: 'bench' })
  let ultimo = 0
  await construirHistoria(api, app.handle, {
    ...o,
    progreso: (hechas, total) => {
      if (performance.now() - ultimo < 5000) return
      ultimo = performance.now()
      aviso(
        `  ${nombre}: ${hechas}/${total} sesiones (${Math.round((performance.now() - t0) / 1000)} s)`
      )
    }
  })
  app.handle.pragma('wal_checkpoint(TRUNCATE)')
  await app.close()
  for (const f of [`${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(f, { force: true })
  fs.renameSync(tmp, archivo)
  return { archivo, construidaEnMs: performance.now() - t0 }
}

export const DIEZ_ANIOS: HistoriaOpciones = { porAnio: 12, anios: 10 }
export const POR_DIEZ: HistoriaOpciones = { porAnio: 120, anios: 10 }
/**
 * `--rapido`: the same run end to end on two small bases (two years at each rate), built in
 * seconds, to check the bench works when the cache is cold; its figures are not the targets'.
 */
export const RAPIDO: Record<'10anios' | 'x10', HistoriaOpciones> = {
  '10anios': { porAnio: 12, anios: 2 },
  x10: { porAnio: 120, anios: 2 }
}
