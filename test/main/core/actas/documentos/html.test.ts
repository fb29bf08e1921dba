import { describe, expect, it } from 'vitest'
import { actaHtml, actaPie, actaPieHtml } from '../../../../../src/main/core/actas/documentos/html'
import { actaCompleta, actaVacia, LOGO_PNG } from './fixture'

// The printable acta (HTML for the PDF printer), read as text: sections, tables, escaping.
const sinTags = (html: string): string =>
  html
    .replace(/<style>[\s\S]*<\/style>/, '')
    .replace(/<[^>]+>|\n/g, '|')
    .replace(/\|+/g, '|')

describe('actaHtml', () => {
  it('writes every section of a full acta in order, with the data in its cells', () => {
    const html = actaHtml(actaCompleta())
    expect(html.startsWith('<!doctype html><html lang="es-CL"><head><meta charset="utf-8">')).toBe(
      true
    )
    expect(html).toContain('<title>ACTA SESIÓN ORDINARIA N° 2/2014</title>')
    expect(html.endsWith('</body></html>')).toBe(true)
    expect(html).not.toContain('BORRADOR')
    expect(sinTags(html.slice(html.indexOf('<body>')))).toBe(
      [
        '',
        'Ministerio del Interior|Subsecretaría|Subcomisión Prevención',
        'ACTA SESIÓN ORDINARIA N° 2/2014|Subcomisión Prevención',
        'En Santiago, a 12 de marzo de 2014, siendo las 10:00 horas, se da inicio a la Sesión Ordinaria N° 2/2014 de la Subcomisión Prevención, en La Moneda.',
        'Fecha|miércoles, 12 de marzo de 2014|Lugar|La Moneda (Mixta)|Hora de inicio|10:00',
        'Hora de término|12:30|Preside|Ana Rojas|Secretaría de actas|Berta Díaz',
        'Quórum|2 de 3 instituciones miembro presentes (con quórum)',
        '1. Asistentes|Institución|Asistentes|SERNAM|Ana Rojas, Jefa (titular); Berta Díaz (suplente)',
        'PDI|Carlos Pérez (titular)',
        'Invitados|Nombre|Institución|Cargo|Eva Soto|OIM|Oficial',
        'Excusados|Nombre|Institución|Motivo|Diego Fuentes|MININT|Viaje',
        '2. Tabla|Cuenta|Varios|3. Desarrollo',
        '3.1. Cuenta|Primer párrafo.|Segundo &lt;b&gt;párrafo&lt;/b&gt; &amp; más.',
        '3.2. Varios|Sin desarrollo registrado.',
        '4. Avance del Plan de Acción|Acción|Estado|Avance|Reporte|1.1.a|En curso|40 %|Avanza.',
        'Indicadores|Acción|Indicador|Valor|Fecha de corte|Nota|1.1.a|Número de cursos|7|01-03-2014|Sin nota',
        '5. Seguimiento de acuerdos anteriores|Acuerdo|Texto|Estado|Nota|1/2014 N° 1|Enviar informe|Cumplido|Ok',
        '6. Acuerdos|N°|Acuerdo|Responsable|Plazo|Acción del plan|1|Citar a &quot;la PDI&quot;|PDI|30-04-2014|1.1.a',
        '7. Próxima sesión|miércoles, 11 de junio de 2014, Ministerio del Interior',
        'Siendo las 12:30 horas se pone término a la sesión.',
        'Acta aprobada en la Sesión Ordinaria N° 3/2014, sin observaciones.',
        'Ana Rojas|Jefa|SERNAM|Preside|Berta Díaz|SERNAM|Secretaría de actas',
        'Fe de erratas|Fecha|Corrección|20-06-2014|Donde dice &#39;x&#39; debe decir &#39;y&#39;.',
        // The annex's date and number never break across lines.
        'Anexo: hoja de asistencia|ACTA SESIÓN ORDINARIA N°\u00a02/2014 — Subcomisión Prevención — miércoles,\u00a012\u00a0de\u00a0marzo\u00a0de\u00a02014',
        'N°|Nombre|Institución|Cargo|Firma|1|Ana Rojas|SERNAM|Jefa|2|Eva Soto|OIM|Oficial',
        `Huella SHA-256 del acta: ${'ab'.repeat(32)}`,
        ''
      ]
        .join('|')
        .replace(/^\|/, '|')
        .replace(/\|\|/g, '|')
    )
  })

  it('keeps dates on one line, headers and tables styled, signatures and annex apart', () => {
    const html = actaHtml(actaCompleta())
    expect(html).toContain('<td class="fecha">01-03-2014</td>')
    expect(html).toContain('<td class="fecha">30-04-2014</td>')
    expect(html).toContain('<td>1.1.a</td>')
    expect(html).toContain('<h2>1. Asistentes</h2>')
    expect(html).toContain('<h3>Invitados</h3><table class="">')
    expect(html).toContain('<h3>3.1. Cuenta</h3><p>Primer párrafo.</p><p>Segundo')
    expect(html).toContain('<p class="vacio">Sin desarrollo registrado.</p>')
    expect(html).toContain('<b>Subcomisión Prevención</b></div></header>')
    expect(html).toContain('<p><b>Acta aprobada en la Sesión')
    // The closing paragraph, the approval and the signatures are one block that never splits.
    expect(html).toContain(
      '<div class="cierre"><p>Siendo las 12:30 horas se pone término a la sesión.</p><p><b>Acta aprobada'
    )
    expect(html).toContain(
      '<div class="firmas-linea"><div><b>Ana Rojas</b><br>Jefa<br>SERNAM<br><b>Preside</b></div><div><b>Berta Díaz</b><br><br>SERNAM<br><b>Secretaría de actas</b></div></div></div>'
    )
    expect(html).toMatch(/\.cierre \{ break-inside: avoid; \}/)
    expect(html).toMatch(/table\.firmas td \{ height: 1\.3cm; \}/)
    expect(html).toMatch(/table\.firmas td:last-child \{ width: 5\.5cm; min-width: 5\.5cm; \}/)
    expect(html).toContain('<section class="anexo"><h2>Anexo: hoja de asistencia</h2>')
    expect(html).toContain('<table class="firmas">')
    expect(html).toContain('<td>2</td><td>Eva Soto</td><td>OIM</td><td>Oficial</td><td></td>')
    expect(html).toContain(`<p class="hash">Huella SHA-256 del acta: ${'ab'.repeat(32)}</p>`)
    expect(html).toContain('<ol><li>Cuenta</li><li>Varios</li></ol>')
    expect(html).toContain('@page { size: 8.5in 11in; margin: 2.2cm 2cm 2.4cm 2cm; }')
    expect(actaHtml({ ...actaCompleta(), papel: 'oficio' })).toContain('@page { size: 8.5in 13in;')
    expect(html).not.toContain('class="marca"')
  })

  it('marks a draft, says what is empty, and leaves out the sections with nothing', () => {
    const html = actaHtml(actaVacia())
    // The watermark is a picture, fixed in the middle of every page: no words.
    expect(html).toContain('<img class="marca" alt="" src="data:image/png;base64,iVBOR')
    expect(html).toMatch(/\.marca \{ position: fixed; top: 50%; left: 50%; width: 13cm;/)
    expect(html.replace(/<h1>.*<\/h1>/, '')).not.toContain('BORRADOR')
    expect(html).toContain('<h1>ACTA SESIÓN ORDINARIA N° 2/2014 (BORRADOR)</h1>')
    expect(html).toContain('<p class="vacio">No hubo excusas.</p>')
    expect(html).toContain('<p class="vacio">Sin acuerdos anteriores en seguimiento.</p>')
    expect(html).toContain('<p class="vacio">No se adoptaron acuerdos.</p>')
    expect(html).toContain('<h2>2. Tabla</h2><ol></ol>')
    expect(html).not.toMatch(/huella/i)
    for (const fuera of [
      'Invitados',
      '4. Avance',
      'Indicadores',
      'Fe de erratas',
      'Acta aprobada',
      '3.1.'
    ])
      expect(html, fuera).not.toContain(fuera)
    const soloMediciones = { ...actaVacia(), mediciones: actaCompleta().mediciones }
    const m = actaHtml(soloMediciones)
    expect(m).toContain('<h2>4. Avance del Plan de Acción</h2>\n<h3>Indicadores</h3>')
    const soloAvances = actaHtml({ ...actaVacia(), avances: actaCompleta().avances })
    expect(soloAvances).toContain('<h2>4. Avance del Plan de Acción</h2>')
    expect(soloAvances).not.toContain('Indicadores')
  })

  it('shows the logo when there is one, escaped', () => {
    expect(actaHtml({ ...actaCompleta(), logo: LOGO_PNG })).toContain(
      `<header class="inst"><img src="${LOGO_PNG}" alt=""><div class="txt">Ministerio del Interior<br>Subsecretaría<br>`
    )
    expect(actaHtml({ ...actaCompleta(), logo: 'x"><script>' })).toContain(
      '<img src="x&quot;&gt;&lt;script&gt;" alt="">'
    )
    expect(actaHtml(actaCompleta())).toContain('<header class="inst"><div class="txt">')
  })
})

describe('the footer', () => {
  it('carries the hash on every page, and on a draft says it is one (a draft has no hash)', () => {
    expect(actaPie(actaCompleta())).toBe(`Huella SHA-256 del acta: ${'ab'.repeat(32)}`)
    expect(actaPie(actaVacia())).toBe('BORRADOR — acta no aprobada, sin valor oficial')
    expect(actaPieHtml({ ...actaCompleta(), hash: '<h>' })).toBe(
      '<div style="font-size:8pt;width:100%;text-align:center;color:#444;font-family:Arial,sans-serif">Huella SHA-256 del acta: &lt;h&gt; — Página <span class="pageNumber"></span> de <span class="totalPages"></span></div>'
    )
  })
})
