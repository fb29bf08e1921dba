import { SIN_ASISTENCIA, subtituloAnexo, type ActaDocumento } from './modelo'
import { MARCA_BORRADOR } from './marca-borrador'
import { MARGENES_CM, PAPEL } from './pdf-opciones'

export const esc = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!
  )

const parrafos = (s: string): string =>
  s.trim()
    ? s
        .split(/\n+/)
        .map((p) => `<p>${esc(p)}</p>`)
        .join('')
    : '<p class="vacio">Sin desarrollo registrado.</p>'

// Dates (dd-mm-aaaa) never wrap inside a cell.
const celda = (c: string): string =>
  /^\d{2}-\d{2}-\d{4}$/.test(c) ? `<td class="fecha">${c}</td>` : `<td>${esc(c)}</td>`

const tabla = (headers: string[], rows: string[][], cls = ''): string =>
  `<table class="${cls}"><thead><tr>${headers.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map(celda).join('')}</tr>`)
    .join('')}</tbody></table>`

const CSS = `
body { font-family: 'Liberation Sans', Arial, sans-serif; font-size: 10.5pt; color: #111; }
header.inst { display: flex; align-items: center; gap: 12px; border-bottom: 1px solid #777; padding-bottom: 6px; }
header.inst img { max-height: 56px; }
header.inst .txt { font-size: 9pt; line-height: 1.3; }
h1 { text-align: center; font-size: 14pt; margin: 18px 0 2px; }
h1 + .sub { text-align: center; font-size: 11pt; margin-bottom: 14px; }
h2 { font-size: 11.5pt; border-bottom: 1px solid #bbb; margin: 16px 0 6px; break-after: avoid; }
h3 { font-size: 10.5pt; margin: 10px 0 4px; break-after: avoid; }
dl { display: grid; grid-template-columns: 170px 1fr; gap: 2px 8px; margin: 0; }
dt { font-weight: bold; }
table { width: 100%; border-collapse: collapse; margin: 4px 0 8px; }
tr { break-inside: avoid; }
th, td { border: 1px solid #888; padding: 3px 5px; vertical-align: top; text-align: left; overflow-wrap: normal; word-break: normal; hyphens: manual; }
td.fecha { white-space: nowrap; }
th { background: #e4e9f2; }
table.firmas td { height: 1.3cm; }
table.firmas th:last-child, table.firmas td:last-child { width: 5.5cm; min-width: 5.5cm; }
p { margin: 3px 0; }
.apertura { margin: 8px 0 10px; text-align: justify; }
.vacio { color: #666; font-style: italic; }
.cierre { break-inside: avoid; }
.firmas-linea { display: flex; justify-content: space-around; margin-top: 2cm; text-align: center; }
.firmas-linea div { width: 42%; border-top: 1px solid #000; padding-top: 4px; line-height: 1.35; }
.anexo { break-before: page; }
.marca { position: fixed; top: 50%; left: 50%; width: 13cm; transform: translate(-50%, -50%); z-index: -1; }
.hash { margin-top: 18px; font-size: 8pt; color: #444; word-break: break-all; }
`

/** The paper and margins from Configuración. */
const cssPagina = (d: ActaDocumento): string => cssPapel(PAPEL[d.papel])

/** A page of this paper with the documents' margins, as CSS. */
export function cssPapel(papel: { ancho: number; alto: number }): string {
  const m = MARGENES_CM
  return `@page { size: ${papel.ancho}in ${papel.alto}in; margin: ${m.arriba}cm ${m.derecha}cm ${m.abajo}cm ${m.izquierda}cm; }`
}

/** The line every page of the acta carries at its foot: the hash, or that it is a draft. */
export function actaPie(d: ActaDocumento): string {
  return d.borrador
    ? 'BORRADOR — acta no aprobada, sin valor oficial'
    : `Huella SHA-256 del acta: ${d.hash}`
}

/** A running footer for the PDF printer (Chromium's footer template). */
export function actaPieHtml(d: ActaDocumento): string {
  return `<div style="font-size:8pt;width:100%;text-align:center;color:#444;font-family:Arial,sans-serif">${esc(actaPie(d))} — Página <span class="pageNumber"></span> de <span class="totalPages"></span></div>`
}

/** Letterhead, title and the session's particulars. */
function apertura(d: ActaDocumento): string[] {
  const s: string[] = []
  s.push(
    `<!doctype html><html lang="es-CL"><head><meta charset="utf-8"><title>${esc(d.titulo)}</title><style>${cssPagina(d)}${CSS}</style></head><body>`
  )
  // A draft's BORRADOR is a picture fixed in the middle of every page: inside the page, behind
  // the text, and no words in the PDF's text layer.
  if (d.borrador)
    s.push(`<img class="marca" alt="" src="data:image/png;base64,${MARCA_BORRADOR.png}">`)
  s.push(
    `<header class="inst">${d.logo ? `<img src="${esc(d.logo)}" alt="">` : ''}<div class="txt">${d.encabezado
      .map(esc)
      .join('<br>')}<br><b>${esc(d.instancia)}</b></div></header>`
  )
  s.push(
    `<h1>${esc(d.titulo)}${d.borrador ? ' (BORRADOR)' : ''}</h1><div class="sub">${esc(d.instancia)}</div><p class="apertura">${esc(d.apertura)}</p>`
  )
  s.push(
    `<dl><dt>Fecha</dt><dd>${esc(d.fechaLarga)}</dd><dt>Lugar</dt><dd>${esc(d.lugar)} (${esc(d.modalidad)})</dd><dt>Hora de inicio</dt><dd>${esc(
      d.horaInicio
    )}</dd><dt>Hora de término</dt><dd>${esc(d.horaTermino)}</dd><dt>Preside</dt><dd>${esc(d.preside)}</dd><dt>Secretaría de actas</dt><dd>${esc(
      d.secretariaActas
    )}</dd><dt>Quórum</dt><dd>${esc(d.quorum)}</dd></dl>`
  )
  return s
}

/** 1. Asistentes: members by institution, guests, excused. */
function asistentes(d: ActaDocumento): string[] {
  const s: string[] = []
  s.push('<h2>1. Asistentes</h2>')
  // Without attendance recorded, neither who came nor "no one was excused" is known.
  if (!d.asistenciaRegistrada) return [...s, `<p class="vacio">${SIN_ASISTENCIA}</p>`]
  s.push(
    tabla(
      ['Institución', 'Asistentes'],
      d.presentes.map((p) => [p.institucion, p.personas.join('; ')])
    )
  )
  if (d.invitados.length) {
    s.push(
      '<h3>Invitados</h3>' +
        tabla(
          ['Nombre', 'Institución', 'Cargo'],
          d.invitados.map((i) => [i.nombre, i.institucion, i.cargo])
        )
    )
  }
  s.push('<h3>Excusados</h3>')
  s.push(
    d.excusados.length
      ? tabla(
          ['Nombre', 'Institución', 'Motivo'],
          d.excusados.map((e) => [e.nombre, e.institucion, e.motivo])
        )
      : '<p class="vacio">No hubo excusas.</p>'
  )
  return s
}

/** 2. Tabla, 3. Desarrollo and, when there is any, 4. Avance del Plan de Acción. */
function tablaYDesarrollo(d: ActaDocumento): string[] {
  const s: string[] = []
  s.push(
    '<h2>2. Tabla</h2><ol>' + d.puntos.map((p) => `<li>${esc(p.titulo)}</li>`).join('') + '</ol>'
  )
  s.push('<h2>3. Desarrollo</h2>')
  d.puntos.forEach((p, i) =>
    s.push(`<h3>3.${i + 1}. ${esc(p.titulo)}</h3>${parrafos(p.desarrollo)}`)
  )
  if (d.avances.length || d.mediciones.length) {
    s.push('<h2>4. Avance del Plan de Acción</h2>')
    if (d.avances.length)
      s.push(
        tabla(
          ['Acción', 'Estado', 'Avance', 'Reporte'],
          d.avances.map((a) => [a.accion, a.estado, a.porcentaje, a.reporte])
        )
      )
    if (d.mediciones.length) {
      s.push(
        '<h3>Indicadores</h3>' +
          tabla(
            ['Acción', 'Indicador', 'Valor', 'Fecha de corte', 'Nota'],
            d.mediciones.map((m) => [m.accion, m.indicador, m.valor, m.fechaCorte, m.nota])
          )
      )
    }
  }
  return s
}

/** 5. Seguimiento, 6. Acuerdos, 7. Próxima sesión, the approval and the errata. */
function acuerdosYCierre(d: ActaDocumento): string[] {
  const s: string[] = []
  s.push('<h2>5. Seguimiento de acuerdos anteriores</h2>')
  s.push(
    d.seguimiento.length
      ? tabla(
          ['Acuerdo', 'Texto', 'Estado', 'Nota'],
          d.seguimiento.map((g) => [g.acuerdo, g.texto, g.estado, g.nota])
        )
      : '<p class="vacio">Sin acuerdos anteriores en seguimiento.</p>'
  )
  s.push('<h2>6. Acuerdos</h2>')
  s.push(
    d.acuerdos.length
      ? tabla(
          ['N°', 'Acuerdo', 'Responsable', 'Plazo', 'Acción del plan'],
          d.acuerdos.map((a) => [String(a.numero), a.texto, a.responsable, a.plazo, a.accion])
        )
      : '<p class="vacio">No se adoptaron acuerdos.</p>'
  )
  s.push(`<h2>7. Próxima sesión</h2><p>${esc(d.proxima)}</p>`)
  return s
}

/** One signature: the line, then name, cargo, institución and role (blank lines to fill in). */
const firma = (f: ActaDocumento['firmantes'][number]): string =>
  `<div><b>${esc(f.nombre || 'Nombre:')}</b><br>${esc(f.cargo || (f.nombre ? '' : 'Cargo:'))}<br>${esc(
    f.institucion || (f.nombre ? '' : 'Institución:')
  )}<br><b>${esc(f.rol)}</b></div>`

/** The closing paragraph, approval and signatures, never split across pages; then the errata. */
function cierre(d: ActaDocumento): string[] {
  const s: string[] = []
  s.push(
    `<div class="cierre"><p>Siendo las ${esc(d.horaTermino)} horas se pone término a la sesión.</p>${
      d.subrogacion ? `<p>${esc(d.subrogacion)}</p>` : ''
    }${d.aprobacion ? `<p><b>${esc(d.aprobacion)}</b></p>` : ''}<div class="firmas-linea">${d.firmantes
      .map(firma)
      .join('')}</div></div>`
  )
  if (d.erratas.length) {
    s.push(
      '<h2>Fe de erratas</h2>' +
        tabla(
          ['Fecha', 'Corrección'],
          d.erratas.map((e) => [e.fecha, e.texto])
        )
    )
  }
  return s
}

/** The attendance sheet on a page of its own, and the hash. */
function anexo(d: ActaDocumento): string[] {
  return [
    `<section class="anexo"><h2>Anexo: hoja de asistencia</h2><p>${esc(subtituloAnexo(d))}</p>` +
      tabla(
        ['N°', 'Nombre', 'Institución', 'Cargo', 'Firma'],
        d.hojaAsistencia.map((a, i) => [String(i + 1), a.nombre, a.institucion, a.cargo, '']),
        'firmas'
      ) +
      '</section>',
    d.borrador ? '' : `<p class="hash">${esc(actaPie(d))}</p>`,
    '</body></html>'
  ]
}

/** The acta as a printable HTML page (printed to PDF by Chromium or Electron). */
export function actaHtml(d: ActaDocumento): string {
  return [
    ...apertura(d),
    ...asistentes(d),
    ...tablaYDesarrollo(d),
    ...acuerdosYCierre(d),
    ...cierre(d),
    ...anexo(d)
  ].join('\n')
}
