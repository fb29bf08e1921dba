import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openAppDatabase } from '../../../../src/main/core/db/open'
import { createAppApi } from '../../../../src/main/core/api'
import { respaldar, restaurar } from '../../../../src/main/core/respaldos'
import { openTestApp, tempDir, type TestApp } from '../../../helpers/db'

// The history is in the database file: a backup carries it, a restore brings it back as it was
// at the backup, still append-only; and no SQL at all can edit or remove a recorded change.

let t: TestApp
const dir = tempDir('mitp-historial-respaldo-')
afterEach(async () => t?.close())

async function editarAccion(t: TestApp, texto: string): Promise<string> {
  const { id } = t.app.handle.prepare('select id from acciones order by codigo limit 1').get() as {
    id: string
  }
  const { accion: a } = await t.api['accion:obtener']({ id })
  await t.api['accion:actualizar']({ ...a, texto })
  return id
}

const textos = async (t: TestApp, id: string) =>
  (await t.api['historial:listar']({ entidad: 'accion', id })).cambios
    .filter((c) => c.operacion === 'modificar')
    .map((c) => ({
      actor: c.actor,
      texto: c.campos.find((x) => x.campo === 'texto')?.despues
    }))

describe('the history', () => {
  it('refuses to be edited or removed, even by SQL', async () => {
    t = await openTestApp()
    await t.api['perfil:guardar']({ nombre: 'Ana Pérez', institucion: null })
    await editarAccion(t, 'Primera versión')
    const h = t.app.handle
    expect(() => h.prepare("update historial set actor = 'Otro'").run()).toThrow(
      'historial_inmutable'
    )
    expect(() => h.prepare('delete from historial').run()).toThrow('historial_inmutable')
    // The edit, by Ana (her profile itself was saved before there was anyone to name).
    expect(h.prepare("select count(*) n from historial where actor = 'Ana Pérez'").get()).toEqual({
      n: 1
    })
  })

  it('survives a backup and a restore as it was at the backup', async () => {
    t = await openTestApp()
    await t.api['perfil:guardar']({ nombre: 'Ana Pérez', institucion: 'SPD' })
    const id = await editarAccion(t, 'Antes del respaldo')
    const respaldo = path.join(dir.dir, 'respaldo.db')
    await respaldar(t.app.handle, respaldo)
    await t.api['perfil:guardar']({ nombre: 'Luis Soto', institucion: 'PDI' })
    await editarAccion(t, 'Después del respaldo')
    expect(await textos(t, id)).toEqual([
      { actor: 'Luis Soto', texto: 'Después del respaldo' },
      { actor: 'Ana Pérez', texto: 'Antes del respaldo' }
    ])
    await t.app.close()
    restaurar(t.file, respaldo)
    t.app = await openAppDatabase(t.file, { seed: false })
    t.api = createAppApi(t.app, { version: 'test', printPdf: null })
    expect(await textos(t, id)).toEqual([{ actor: 'Ana Pérez', texto: 'Antes del respaldo' }])
    // Still append-only, and still recording.
    expect(() => t.app.handle.prepare('delete from historial').run()).toThrow('historial_inmutable')
    await editarAccion(t, 'Tras restaurar')
    expect((await textos(t, id))[0]).toEqual({ actor: 'Ana Pérez', texto: 'Tras restaurar' })
  })
})
