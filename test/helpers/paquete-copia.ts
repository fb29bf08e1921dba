import path from 'node:path'
import type { TestApp } from './db'
import { tempDir } from './db'
import { respaldar } from '../../src/main/core/respaldos'
import { openAppDatabase } from '../../src/main/core/db/open'
import { createAppApi } from '../../src/main/core/api'
import { newId } from '../../src/main/core/db/ids'

/**
 * A real package (#16, base64) from a copy of `t`'s database taken now under another
 * installation's id, with one new institución: everything else in it is already known to `t`,
 * so whatever `t` changes afterwards, it imports there without conflicts (a package from an
 * independently seeded database may conflict with later edits of the seeded plan).
 */
export async function paqueteDeUnaCopia(t: TestApp): Promise<string> {
  const { dir, cleanup } = tempDir('mitp-copia-')
  try {
    const file = path.join(dir, 'copia.db')
    await respaldar(t.app.handle, file)
    const app = await openAppDatabase(file, { seed: false })
    try {
      app.handle.prepare('update instalacion set id = ?, nombre = ?').run(newId(), 'Copia')
      const api = createAppApi(app, { version: 'test', printPdf: null, log: () => {} })
      await api['institucion:crear']({ sigla: 'FUNDA', nombre: 'Fundación Amanecer' })
      return (await api['paquete:generar']({ para: 'nuevo', nombre: 'Mundo' })).base64
    } finally {
      await app.close()
    }
  } finally {
    cleanup()
  }
}
