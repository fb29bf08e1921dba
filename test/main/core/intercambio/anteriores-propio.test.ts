import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { importar } from '../../../../src/main/core/intercambio'
import { abrirPaquete, escribirPaquete } from '../../../../src/main/core/intercambio/paquete'
import { respaldar } from '../../../../src/main/core/respaldos'
import { tempDir } from '../../../helpers/db'
import { banco } from '../../../helpers/intercambio'
import { filas } from '../../../helpers/demo-hoy'
import { restaurarEn } from '../../../helpers/restaurada'

// A package's `anteriores` lists its sender's ids from before a restore (restaurada.ts). A
// crafted one (third review of #16) named the receiver's own former id: the receiver recorded
// that id as the sender's, and a partner's package for it was then refused as meant for
// another installation. Our own ids are never taken as someone else's.

const { equipo, paqueteDe, paquete } = banco()

const id = (t: Parameters<typeof filas>[0]) =>
  filas<{ id: string }>(t, 'select id from instalacion')[0]!.id

describe('a package whose `anteriores` names one of our own ids', () => {
  it('does not take it: it stays ours, and a package for it still imports', async () => {
    const [a, b, c] = [await equipo('A'), await equipo('B'), await equipo('C')]
    for (const [x, y] of [
      [a, b],
      [b, a],
      [c, b],
      [b, c]
    ] as const)
      await importar(y.d, await paqueteDe(x, y))
    const viejo = id(b.t)
    const bk = path.join(tempDir('mitp-anteriores-propio-').dir, 'bk.db')
    await respaldar(b.t.app.handle, bk)
    await c.t.app.db
      .updateTable('instituciones')
      .set({ nombre: 'Cambio de C' })
      .where('sigla', '=', 'PDI')
      .execute()
    // Written for B before the restore: addressed to its old id.
    const deC = await paqueteDe(c, b)
    const b1 = await restaurarEn(b, bk)
    // A real package from A, its manifest rewritten to claim B's old id as A's own former one.
    const real = abrirPaquete(await paqueteDe(a, b1))
    const falso = paquete()
    const { app: _a, formato: _f, ...m } = real.manifiesto
    escribirPaquete(falso, { ...m, anteriores: [viejo] }, [...real.campos()])
    real.cerrar()
    await importar(b1.d, falso)
    expect(filas(b1.t, 'select id, actual from instalaciones_anteriores')).toEqual([
      { id: viejo, actual: id(b1.t) }
    ])
    await importar(b1.d, deC)
    expect(filas(b1.t, "select nombre from instituciones where sigla = 'PDI'")[0]).toEqual({
      nombre: 'Cambio de C'
    })
  })
})
