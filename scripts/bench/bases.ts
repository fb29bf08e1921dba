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
 * decides their content: the migrations, the plan's seed and the builder (file contents), and the
 * size. Changing a service does not rebuild them: they hold data, the services are measured on it.
 */
function firma(o: HistoriaOpciones): string {
  const h = crypto.createHash('sha1').update(JSON.stringify({ ...o, progreso: null }))
  const migraciones = path.join(RAIZ, 'src/main/core/db/migrations')
  const archivos = [
    ...fs
      .readdirSync(migraciones)
      .sort()
      .map((f) => path.join(migraciones, f)),
    path.join(RAIZ, 'src/main/core/seed/plan-inicial.ts'),
    path.join(__dirname, 'historia.ts')
  ]
  for (const f of archivos) h.update(path.basename(f)).update(fs.readFileSync(f))
  return h.digest('hex').slice(0, 16)
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
  if (fs.existsSync(archivo)) return { archivo, construidaEnMs: null }
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
