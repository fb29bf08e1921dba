import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { openAppDatabase } from '../../../../src/main/core/db/open'
import { respaldar } from '../../../../src/main/core/respaldos'
import { openTestApp, tempDir } from '../../../helpers/db'

/** A fresh app database, closed (the default backup of `carpetaDeRestauracion`). */
export async function baseNueva(file: string): Promise<void> {
  await (await openAppDatabase(file)).close()
}

/** A backup made by the app itself (SQLite's online backup of a seeded database). */
export async function respaldoDeLaApp(file: string): Promise<void> {
  const t = await openTestApp()
  await respaldar(t.app.handle, file)
  await t.close()
}

/**
 * What a file of restore tests starts from: a folder of its own (removed after its tests) with
 * `respaldo.db` made before them by `crear`, the path `mitp.db` beside it, and `base()` for a
 * new database in a folder of its own (so marks and side files of one test do not meet another's).
 */
export function carpetaDeRestauracion(
  prefijo: string,
  crear: (respaldo: string) => Promise<void> = baseNueva
): { dir: string; respaldo: string; db: string; base: () => Promise<string> } {
  const raiz = tempDir(prefijo)
  const respaldo = path.join(raiz.dir, 'respaldo.db')
  beforeAll(() => crear(respaldo), 60_000)
  afterAll(() => raiz.cleanup())
  let n = 0
  return {
    dir: raiz.dir,
    respaldo,
    db: path.join(raiz.dir, 'mitp.db'),
    base: async () => {
      const dir = path.join(raiz.dir, `e${++n}`)
      fs.mkdirSync(dir)
      const db = path.join(dir, 'mitp.db')
      await baseNueva(db)
      return db
    }
  }
}
