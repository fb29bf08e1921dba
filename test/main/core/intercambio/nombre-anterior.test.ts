import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { importar, vistaPrevia } from '../../../../src/main/core/intercambio'
import { presentar } from '../../../../src/main/core/intercambio/presentar'
import { respaldar } from '../../../../src/main/core/respaldos'
import { tempDir } from '../../../helpers/db'
import { banco, type Equipo } from '../../../helpers/intercambio'
import { filas } from '../../../helpers/demo-hoy'
import { restaurarEn } from '../../../helpers/restaurada'

// A restored laptop changes under a new id (restaurada.ts); the changes it made before, under
// its old one, still carry that id. In a conflict the preview named them «otra instalación
// (…)» on the restored laptop itself: they are its own, made before the restore.

const { equipo, paqueteDe } = banco()

const fijar = async (e: Equipo, codigo: string, texto: string) => {
  await e.t.app.db.updateTable('acciones').set({ texto }).where('codigo', '=', codigo).execute()
}

/** The conflict on the acción's text, as the screen shows it, on `para`. */
async function conflicto(de: Equipo, para: Equipo) {
  const v = await presentar(para.t.app.db, await vistaPrevia(para.d, await paqueteDe(de, para)))
  expect(v.conflictos.map((c) => c.campo)).toEqual(['texto'])
  return v.conflictos[0]!
}

describe('a change made before restoring a backup, in a conflict', () => {
  it('bears the name of the laptop that made it', async () => {
    const a = await equipo('Notebook MININT')
    const b = await equipo('Notebook SERNAM')
    await importar(b.d, await paqueteDe(a, b))
    await importar(a.d, await paqueteDe(b, a))
    const { codigo } = filas<{ codigo: string }>(a.t, 'select codigo from acciones limit 1')[0]!
    // B changes the text, backs up, and restores that backup: the change keeps B's old id.
    await fijar(b, codigo, 'Texto de SERNAM')
    const bk = path.join(tempDir('mitp-nombre-anterior-').dir, 'bk.db')
    await respaldar(b.t.app.handle, bk)
    const b2 = await restaurarEn(b, bk)
    await fijar(a, codigo, 'Texto de MININT')
    const enB = await conflicto(a, b2)
    expect(enB.aqui).toMatchObject({
      valor: 'Texto de SERNAM',
      instalacion: 'Notebook SERNAM (esta instalación), antes de restaurar un respaldo'
    })
    expect(enB.enPaquete.instalacion).toBe('Notebook MININT')
  })
})
