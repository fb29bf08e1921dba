import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TextRun
} from 'docx'
import { ANCHO_TEXTO, PAPEL, h, p, paginaDocx, tabla } from '../actas'
import { revisarCancelacion } from '../tareas'
import type { Bloque, InformeDocumento } from './modelo'
import { svgAPng } from './png'

/** Twips to the 96-dpi pixels docx sizes pictures in. */
const PX_TWIP = 96 / 1440

/** A chart as a picture the width of the text, with its title above. */
async function grafico(b: Extract<Bloque, { tipo: 'grafico' }>): Promise<Paragraph[]> {
  const g = b.grafico
  const ancho = Math.round(ANCHO_TEXTO * PX_TWIP)
  return [
    p(g.titulo, { bold: true }, true),
    new Paragraph({
      children: [
        new ImageRun({
          type: 'png',
          data: await svgAPng(g.svg, g.ancho),
          transformation: { width: ancho, height: Math.round((ancho * g.alto) / g.ancho) },
          altText: { name: g.titulo, title: g.titulo, description: g.titulo }
        })
      ],
      spacing: { after: 160 }
    })
  ]
}

async function bloque(b: Bloque): Promise<(Paragraph | Table)[]> {
  switch (b.tipo) {
    case 'titulo':
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          heading: HeadingLevel.TITLE,
          children: [new TextRun({ text: b.texto, bold: true, size: 32 })]
        })
      ]
    case 'subtitulo':
      return [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(b.texto)] })]
    case 'h1':
      return [h(b.texto, HeadingLevel.HEADING_1)]
    case 'h2':
      return [h(b.texto, HeadingLevel.HEADING_2)]
    case 'h3':
      return [h(b.texto, HeadingLevel.HEADING_3)]
    case 'accion':
      return [p(b.texto, { bold: true }, true)]
    case 'p':
      return [p(b.texto)]
    case 'nota':
      return [p(b.texto, { italics: true, size: 18, color: '555555' })]
    case 'tabla':
      return [tabla(b.columnas, b.filas), new Paragraph({ text: '', spacing: { after: 60 } })]
    case 'grafico':
      return grafico(b)
  }
}

/** The report as a Word document; cancellable between its blocks. */
export async function informeDocx(d: InformeDocumento, signal?: AbortSignal): Promise<Buffer> {
  const children: (Paragraph | Table)[] = []
  for (const b of d.bloques) {
    revisarCancelacion(signal)
    children.push(...(await bloque(b)))
  }
  const doc = new Document({
    creator: 'Secretaría MITP',
    title: d.titulo,
    styles: {
      default: { document: { run: { font: 'Arial', size: 21, language: { value: 'es-CL' } } } }
    },
    sections: [
      {
        properties: {
          page: paginaDocx(PAPEL.carta)
        },
        footers: { default: pie(d) },
        children
      }
    ]
  })
  return Packer.toBuffer(doc)
}

function pie(d: InformeDocumento): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            children: [`${d.pie} · Página `, PageNumber.CURRENT, ' de ', PageNumber.TOTAL_PAGES],
            size: 15,
            color: '555555'
          })
        ]
      })
    ]
  })
}
