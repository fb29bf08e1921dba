import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { actaDocumento } from '../../../../src/main/core/actas/documentos/modelo'
import { actaDocx } from '../../../../src/main/core/actas/documentos/docx'
import { demoAl } from '../../../helpers/demo-hoy'
import { filas } from '../../../helpers/consulta'
import type { TestApp } from '../../../helpers/db'
import { docxParrafos } from '../actas/documentos/fixture'

/**
 * Every approved acta of the demo names, in both signature blocks, the person who chaired and
 * the one who acted as secretary (name, cargo, institución), in its content and in its DOCX.
 */
let t: TestApp
beforeAll(async () => {
  t = await demoAl('2014-12-20')
}, 120_000)
afterAll(() => t?.close())

describe('the demo’s approved actas', () => {
  it('name a person on both signature lines', async () => {
    const ids = await filas<{ id: string }>(t, `select id from sesiones where estado = 'aprobada'`)
    expect(ids.length).toBeGreaterThan(5)
    for (const { id } of ids) {
      const d = await actaDocumento(t.app.db, id)
      expect(d.firmantes.length, d.titulo).toBe(2)
      for (const f of d.firmantes) {
        expect(f.nombre, `${d.titulo} ${d.instancia} ${f.rol}`).toMatch(/\S/)
        expect(f.institucion, `${d.titulo} ${d.instancia} ${f.rol}`).toMatch(/\S/)
      }
      const texto = (await docxParrafos(await actaDocx(d))).join('\n')
      for (const f of d.firmantes) expect(texto, d.titulo).toContain(f.nombre)
    }
  })
})
