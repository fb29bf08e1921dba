import { PAPEL, cssPapel, esc } from '../actas'
import type { Bloque, InformeDocumento } from './modelo'

// The report as HTML for the PDF printer (Chromium, or Electron's printToPDF): the same blocks
// as the DOCX, the charts as their SVG.

const CSS = `
body { font-family: 'Liberation Sans', Arial, sans-serif; font-size: 10pt; color: #111; }
h1.titulo { text-align: center; font-size: 16pt; margin: 0 0 4px; }
p.subtitulo { text-align: center; margin: 0 0 14px; }
h1 { font-size: 13pt; border-bottom: 1px solid #888; margin: 18px 0 6px; break-after: avoid; }
h2 { font-size: 11.5pt; margin: 14px 0 4px; break-after: avoid; }
h3 { font-size: 10.5pt; margin: 10px 0 4px; break-after: avoid; }
p { margin: 3px 0; }
p.accion { font-weight: bold; margin-top: 10px; break-after: avoid; }
p.nota { font-style: italic; font-size: 9pt; color: #555; }
table { width: 100%; border-collapse: collapse; margin: 4px 0 8px; font-size: 9pt; }
tr { break-inside: avoid; }
th, td { border: 1px solid #888; padding: 2px 4px; vertical-align: top; text-align: left; }
th { background: #e4e9f2; }
figure { margin: 6px 0 12px; break-inside: avoid; }
figure svg { width: 100%; height: auto; }
figcaption { font-weight: bold; margin-bottom: 4px; }
`

function bloque(b: Bloque): string {
  switch (b.tipo) {
    case 'titulo':
      return `<h1 class="titulo">${esc(b.texto)}</h1>`
    case 'subtitulo':
      return `<p class="subtitulo">${esc(b.texto)}</p>`
    case 'h1':
    case 'h2':
    case 'h3':
      return `<${b.tipo}>${esc(b.texto)}</${b.tipo}>`
    case 'accion':
    case 'nota':
      return `<p class="${b.tipo}">${esc(b.texto)}</p>`
    case 'p':
      return `<p>${esc(b.texto)}</p>`
    case 'tabla':
      return `<table><thead><tr>${b.columnas.map((c) => `<th>${esc(c)}</th>`).join('')}</tr></thead><tbody>${b.filas
        .map((f) => `<tr>${f.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`
    case 'grafico':
      return `<figure role="img" aria-label="${esc(b.grafico.titulo)}"><figcaption>${esc(b.grafico.titulo)}</figcaption>${b.grafico.svg}</figure>`
  }
}

export function informeHtml(d: InformeDocumento): string {
  return `<!doctype html><html lang="es-CL"><head><meta charset="utf-8"><title>${esc(d.titulo)}</title><style>${cssPapel(PAPEL.carta)}${CSS}</style></head><body>${d.bloques
    .map(bloque)
    .join('')}</body></html>`
}

/** The running footer (Chromium's footer template). */
export const informePieHtml = (d: InformeDocumento): string =>
  `<div style="font-size:8pt;width:100%;text-align:center;color:#444;font-family:Arial,sans-serif">${esc(d.pie)} · Página <span class="pageNumber"></span> de <span class="totalPages"></span></div>`
