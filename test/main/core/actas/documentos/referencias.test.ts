import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { actaDocumento } from '../../../../../src/main/core/actas/documentos/modelo'
import { actaDocx } from '../../../../../src/main/core/actas/documentos/docx'
import { openTestApp, type TestApp } from '../../../../helpers/db'
import { actaAprobada, type ActaAprobadaFixture } from '../../../../helpers/acta-aprobada'
import { docxParrafos } from './fixture'

/**
 * "N°" never ends a line apart from its number: every reference the acta writes (its title, the
 * acuerdos it follows up, the session it was approved in) joins them with a no-break space.
 */
let t: TestApp
let f: ActaAprobadaFixture
beforeAll(async () => {
  t = await openTestApp()
  f = await actaAprobada(t)
})
afterAll(() => t.close())

/** Every "N°" of the text, with what follows it. */
const referencias = (textos: string[]): string[] =>
  textos.flatMap((x) => [...x.matchAll(/N°(.)/g)].map((m) => m[0]))

describe('the references an acta writes', () => {
  it('keep N° with its number in the content and in the DOCX', async () => {
    for (const id of [f.aprobada.sesion, f.borrador.sesion]) {
      const d = await actaDocumento(t.app.db, id)
      const textos = [
        d.titulo,
        d.apertura,
        d.aprobacion ?? '',
        ...d.seguimiento.map((s) => s.acuerdo)
      ]
      expect(referencias(textos).length, id).toBeGreaterThan(1)
      expect(referencias(textos), id).not.toContain('N° ')
      const parrafos = await docxParrafos(await actaDocx(d))
      const enDocx = referencias(parrafos).filter((r) => r !== 'N°')
      expect(enDocx.length, id).toBeGreaterThan(1)
      expect(enDocx, id).not.toContain('N° ')
    }
    const b = await actaDocumento(t.app.db, f.borrador.sesion)
    expect(b.seguimiento[0]!.acuerdo).toMatch(
      /^Sesión Ordinaria N°\u00a0\d+\/2014, acuerdo N°\u00a01$/
    )
    const a = await actaDocumento(t.app.db, f.aprobada.sesion)
    expect(a.aprobacion).toMatch(/^Acta aprobada en la Sesión Ordinaria N°\u00a0\d+\/2014/)
  })
})
