import { describe, expect, it } from 'vitest'
import JSZip from 'jszip'
import { actaDocx } from '../../../../../src/main/core/actas/documentos/docx'
import { actaHtml } from '../../../../../src/main/core/actas/documentos/html'
import { actaCompleta, actaVacia, docxParrafos, docxParte, LOGO_PNG } from './fixture'

// What the Word acta marks in bold, repeats on every page, and how it embeds the logo.
const parrafo = (xml: string, texto: string): string => {
  const p = xml.split('</w:p>').find((x) => x.includes(`>${texto}<`))
  if (!p) throw new Error(`sin párrafo ${texto}`)
  return p
}
const negrita = (xml: string, texto: string): boolean =>
  /<w:b\/>/.test(
    parrafo(xml, texto)
      .split('<w:r>')
      .find((r) => r.includes(`>${texto}<`))!
  )

describe('bold and repeated rows', () => {
  it('bolds labels, title, instancia, approval and roles, not the values', async () => {
    const data = await actaDocx(actaCompleta())
    const doc = await docxParte(data, 'word/document.xml')
    for (const t of [
      'Fecha: ',
      'ACTA SESIÓN ORDINARIA N° 2/2014',
      'Preside',
      'Secretaría de actas'
    ])
      expect(negrita(doc, t), t).toBe(true)
    expect(negrita(doc, 'Acta aprobada en la Sesión Ordinaria N° 3/2014, sin observaciones.')).toBe(
      true
    )
    expect(negrita(doc, 'miércoles, 12 de marzo de 2014')).toBe(false)
    expect(negrita(doc, 'Institución')).toBe(true)
    expect(negrita(doc, 'SERNAM')).toBe(false)
    // The header row of each table repeats on every page; data rows do not.
    const tablas = doc.split('<w:tbl>').slice(1)
    expect(tablas[0]!.match(/<w:tblHeader\/>/g)).toHaveLength(1)
    const header = await docxParte(data, 'word/header1.xml')
    expect(negrita(header, 'Subcomisión Prevención')).toBe(true)
    expect(negrita(header, 'Ministerio del Interior')).toBe(false)
  })

  it('leaves out the indicator table when only progress was reported', async () => {
    const body = await docxParrafos(
      await actaDocx({ ...actaVacia(), avances: actaCompleta().avances })
    )
    expect(body).toContain('4. Avance del Plan de Acción')
    expect(body).not.toContain('Indicadores')
  })
})

describe('the logo', () => {
  const media = async (logo: string): Promise<string[]> =>
    Object.keys((await JSZip.loadAsync(await actaDocx({ ...actaCompleta(), logo }))).files).filter(
      (f) => f.startsWith('word/media/')
    )

  it('embeds a PNG as PNG and a JPEG as JPEG, and only a data URL of an image', async () => {
    expect((await media(LOGO_PNG))[0]).toMatch(/\.png$/)
    expect(
      (await media('data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBg'))[0]
    ).toMatch(/\.jpe?g$/)
    expect(await media(`x${LOGO_PNG}`)).toEqual([])
    expect(await media(`${LOGO_PNG}\nmás`)).toEqual([])
  })

  it('reads the size from a PNG header only, else assumes 2:1', async () => {
    const ancho = async (logo: string): Promise<string> =>
      /cx="(\d+)"/.exec(
        await docxParte(await actaDocx({ ...actaCompleta(), logo }), 'word/header1.xml')
      )![1]!
    // A JPEG longer than 24 bytes: its bytes 16-23 are not a size.
    const jpeg = `data:image/jpeg;base64,${Buffer.alloc(40, 7).toString('base64')}`
    expect(await ancho(jpeg)).toBe(String(100 * 9525))
    // A PNG cut before its size: the default shape too.
    const corto = `data:image/png;base64,${Buffer.from('89504e470d0a1a0a0000000d49484452000000', 'hex').toString('base64')}`
    expect(await ancho(corto)).toBe(String(100 * 9525))
  })
})

describe('actaHtml dates', () => {
  it('keeps only a whole dd-mm-aaaa cell on one line', () => {
    const d = actaCompleta()
    d.mediciones[0]!.fechaCorte = 'x01-03-2014'
    d.mediciones[0]!.nota = '01-03-2014 y más'
    const html = actaHtml(d)
    expect(html).toContain('<td>x01-03-2014</td>')
    expect(html).toContain('<td>01-03-2014 y más</td>')
    expect(html).toContain('</section>\n<p class="hash">')
  })
})
