import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openAppDatabase } from '../../../../src/main/core/db/open'
import { migrar } from '../../../../src/main/core/db/migrar'
import { tempDir } from '../../../helpers/db'
import { sumas } from './migrar-apoyo'

// `migrar` copies the source as of one instant: someone writing to it while the copy runs changes
// neither the copy nor the check after it (both read one snapshot), so the check can say «equal».

const carpeta = tempDir('mitp-migrar-foto-')
afterAll(() => carpeta.cleanup())

describe('migrar reads its source as of one instant', () => {
  it('a write to the source during the copy is in neither the copy nor the check', async () => {
    const origen = await openAppDatabase(path.join(carpeta.dir, 'origen.db'))
    // Another user of the source file, with the app's own connection (its triggers' functions).
    const otro = await openAppDatabase(origen.path, { seed: false })
    const destino = await openAppDatabase(path.join(carpeta.dir, 'destino.db'), { seed: false })
    const antes = await sumas(origen)
    let escrito = false
    try {
      const r = await migrar(origen, destino, (tabla, copiadas, total) => {
        // Once the institutions are copied, someone renames them all (committed at once).
        if (tabla !== 'instituciones' || copiadas < total || escrito) return
        otro.handle.prepare(`update instituciones set nombre = nombre || ' (cambiada)'`).run()
        escrito = true
      })
      expect(escrito).toBe(true)
      expect(r.tablas.filter((t) => !t.igual).map((t) => t.tabla)).toEqual([])
      expect(r.ok).toBe(true)
      expect(await sumas(destino)).toEqual(antes)
      // The source did change: the copy is of the instant it started.
      const despues = await sumas(origen)
      expect(despues.instituciones).not.toBe(antes.instituciones)
    } finally {
      await otro.close()
      await destino.close()
      await origen.close()
    }
  })
})
