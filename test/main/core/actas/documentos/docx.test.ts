import { describe, expect, it } from 'vitest'
import { actaDocx } from '../../../../../src/main/core/actas/documentos/docx'
import { actaCompleta, actaVacia, docxParrafos, docxParte, LOGO_PNG } from './fixture'

// The Word acta, unzipped and read paragraph by paragraph (table cells in document order).
const HASH = 'ab'.repeat(32)

describe('actaDocx', () => {
  it('writes every section of a full acta in order', async () => {
    const data = await actaDocx(actaCompleta())
    expect(await docxParrafos(data)).toEqual([
      'ACTA SESIÓN ORDINARIA N° 2/2014',
      'Subcomisión Prevención',
      'En Santiago, a 12 de marzo de 2014, siendo las 10:00 horas, se da inicio a la Sesión Ordinaria N° 2/2014 de la Subcomisión Prevención, en La Moneda.',
      'Fecha: miércoles, 12 de marzo de 2014',
      'Lugar: La Moneda (Mixta)',
      'Hora de inicio: 10:00',
      'Hora de término: 12:30',
      'Preside: Ana Rojas',
      'Secretaría de actas: Berta Díaz',
      'Quórum: 2 de 3 instituciones miembro presentes (con quórum)',
      '1. Asistentes',
      ...[
        'Institución',
        'Asistentes',
        'SERNAM',
        'Ana Rojas, Jefa (titular)',
        'Berta Díaz (suplente)'
      ],
      ...['PDI', 'Carlos Pérez (titular)'],
      ...['Invitados', 'Nombre', 'Institución', 'Cargo', 'Eva Soto', 'OIM', 'Oficial'],
      ...['Excusados', 'Nombre', 'Institución', 'Motivo', 'Diego Fuentes', 'MININT', 'Viaje'],
      ...['2. Tabla', '1. Cuenta', '2. Varios', '3. Desarrollo'],
      ...['3.1. Cuenta', 'Primer párrafo.', 'Segundo <b>párrafo</b> & más.'],
      ...['3.2. Varios', 'Sin desarrollo registrado.'],
      ...['4. Avance del Plan de Acción', 'Acción', 'Estado', 'Avance', 'Reporte'],
      ...['1.1.a', 'En curso', '40 %', 'Avanza.'],
      ...['Indicadores', 'Acción', 'Indicador', 'Valor', 'Fecha de corte', 'Nota'],
      ...['1.1.a', 'Número de cursos', '7', '01-03-2014', 'Sin nota'],
      ...['5. Seguimiento de acuerdos anteriores', 'Acuerdo', 'Texto', 'Estado', 'Nota'],
      ...['1/2014 N° 1', 'Enviar informe', 'Cumplido', 'Ok'],
      ...['6. Acuerdos', 'N°', 'Acuerdo', 'Responsable', 'Plazo', 'Acción del plan'],
      ...['1', 'Citar a "la PDI"', 'PDI', '30-04-2014', '1.1.a'],
      '7. Próxima sesión',
      'miércoles, 11 de junio de 2014, Ministerio del Interior',
      'Siendo las 12:30 horas se pone término a la sesión.',
      'Acta aprobada en la Sesión Ordinaria N° 3/2014, sin observaciones.',
      ...['', '______________________________', 'Ana Rojas', 'Jefa', 'SERNAM', 'Preside'],
      ...['', '______________________________', 'Berta Díaz', '', 'SERNAM'],
      'Secretaría de actas',
      ...['Fe de erratas', 'Fecha', 'Corrección', '20-06-2014', "Donde dice 'x' debe decir 'y'."],
      '',
      'Anexo: hoja de asistencia',
      // The annex's date and number never break across lines.
      'ACTA SESIÓN ORDINARIA N°\u00a02/2014 — Subcomisión Prevención — miércoles,\u00a012\u00a0de\u00a0marzo\u00a0de\u00a02014',
      ...['N°', 'Nombre', 'Institución', 'Cargo', 'Firma'],
      ...['1', 'Ana Rojas', 'SERNAM', 'Jefa', ''],
      ...['2', 'Eva Soto', 'OIM', 'Oficial', '']
    ])
  })

  it('marks a draft with a watermark behind the text, in the title and footer, without a hash', async () => {
    const data = await actaDocx(actaVacia())
    const body = await docxParrafos(data)
    expect(body[0]).toBe('ACTA SESIÓN ORDINARIA N° 2/2014 (BORRADOR)')
    expect(body).toEqual(
      expect.arrayContaining([
        'No hubo excusas.',
        'Sin acuerdos anteriores en seguimiento.',
        'No se adoptaron acuerdos.'
      ])
    )
    for (const fuera of [
      'Invitados',
      '4. Avance del Plan de Acción',
      'Indicadores',
      'Fe de erratas'
    ])
      expect(body, fuera).not.toContain(fuera)
    expect(body.slice(body.indexOf('2. Tabla'), body.indexOf('2. Tabla') + 2)).toEqual([
      '2. Tabla',
      '3. Desarrollo'
    ])
    // The watermark is a picture anchored behind the text, centred on the page: no words.
    expect(await docxParrafos(data, 'word/header1.xml')).toEqual([
      'Ministerio del Interior',
      'Subsecretaría',
      'Subcomisión Prevención'
    ])
    const header = await docxParte(data, 'word/header1.xml')
    expect(header).toMatch(/<wp:anchor [^>]*behindDoc="1"/)
    expect(header).toContain('<wp:positionH relativeFrom="page"><wp:align>center</wp:align>')
    expect(header).toContain('<wp:positionV relativeFrom="page"><wp:align>center</wp:align>')
    expect(header).toContain('title="BORRADOR"')
    const pie = await docxParrafos(data, 'word/footer1.xml')
    expect(pie[0]).toBe('BORRADOR — acta no aprobada, sin valor oficial')
    expect(pie.join(' ')).not.toMatch(/huella/i)
    const core = await docxParte(data, 'docProps/core.xml')
    expect(core).toContain('<dc:description>Borrador sin aprobar</dc:description>')
    const vacio = await docxParte(data, 'word/document.xml')
    expect(vacio).toMatch(/<w:i\/>.*<w:color w:val="666666"\/>.*No hubo excusas/s)
    const soloMediciones = await docxParrafos(
      await actaDocx({ ...actaVacia(), mediciones: actaCompleta().mediciones })
    )
    expect(soloMediciones).toContain('4. Avance del Plan de Acción')
    expect(soloMediciones).not.toContain('Avance')
  })

  it('states the hash in the footer and the properties, and pages the footer', async () => {
    const data = await actaDocx(actaCompleta())
    expect(await docxParrafos(data, 'word/header1.xml')).toEqual([
      'Ministerio del Interior',
      'Subsecretaría',
      'Subcomisión Prevención'
    ])
    const pie = await docxParrafos(data, 'word/footer1.xml')
    expect(pie[0]).toBe(`Huella SHA-256 del acta: ${HASH}`)
    expect(pie[1]).toMatch(/^Página .* de /)
    const footer = await docxParte(data, 'word/footer1.xml')
    expect(footer).toContain('PAGE')
    expect(footer).toContain('NUMPAGES')
    const core = await docxParte(data, 'docProps/core.xml')
    expect(core).toContain('<dc:creator>Secretaría MITP</dc:creator>')
    expect(core).toContain(
      '<dc:title>ACTA SESIÓN ORDINARIA N° 2/2014 — Subcomisión Prevención</dc:title>'
    )
    expect(core).toContain(`<dc:description>Huella SHA-256: ${HASH}</dc:description>`)
    const doc = await docxParte(data, 'word/document.xml')
    expect(doc).toContain('<w:shd w:fill="E4E9F2"')
    expect(doc).toMatch(/<w:b\/><w:bCs\/>.*Acta aprobada en la Sesión/s)
    const styles = await docxParte(data, 'word/styles.xml')
    expect(styles).toMatch(/w:ascii="Arial"/)
  })

  it('embeds a PNG logo keeping its shape, and ignores what is not an image', async () => {
    const conLogo = await actaDocx({ ...actaCompleta(), logo: LOGO_PNG })
    const header = await docxParte(conLogo, 'word/header1.xml')
    expect(header).not.toContain('<wp:anchor')
    // 3 × 2 pixels at 50 px high: 75 × 50 px, in EMU (9525 per pixel).
    expect(header).toContain(`cx="${75 * 9525}" cy="${50 * 9525}"`)
    const sinLogo = await actaDocx({ ...actaCompleta(), logo: 'data:text/plain;base64,aGk=' })
    expect(await docxParte(sinLogo, 'word/header1.xml')).not.toContain('<pic:pic')
    const jpeg = await actaDocx({ ...actaCompleta(), logo: 'data:image/jpeg;base64,/9j/4AAQ' })
    const h = await docxParte(jpeg, 'word/header1.xml')
    expect(h).toContain(`cx="${100 * 9525}" cy="${50 * 9525}"`)
  })
})
