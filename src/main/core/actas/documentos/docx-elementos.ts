import {
  AlignmentType,
  BorderStyle,
  HeadingLevel,
  HeightRule,
  HorizontalPositionRelativeFrom,
  ImageRun,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  TextWrappingType,
  VerticalPositionRelativeFrom,
  WidthType
} from 'docx'
import type { ActaDocumento } from './modelo'
import { anchosColumnas } from './docx-anchos'
import { MARGENES_CM, PAPEL } from './pdf-opciones'
import { MARCA_BORRADOR } from './marca-borrador'

// The building blocks of the acta's Word document: paragraphs, headings, tables, the logo, the
// draft's watermark and the signature lines.

export const TWIPS_CM = 1440 / 2.54
/** The width of the text on the page, in twips: both papers are 8.5 in wide. */
export const ANCHO_TEXTO = Math.floor(
  PAPEL.carta.ancho * 1440 - (MARGENES_CM.izquierda + MARGENES_CM.derecha) * TWIPS_CM
)
/** The page of either document in Word: the paper and the margins the PDF has too. */
export const paginaDocx = (papel: { ancho: number; alto: number }) => ({
  size: { width: papel.ancho * 1440, height: papel.alto * 1440 },
  margin: {
    top: Math.round(MARGENES_CM.arriba * TWIPS_CM),
    bottom: Math.round(MARGENES_CM.abajo * TWIPS_CM),
    left: Math.round(MARGENES_CM.izquierda * TWIPS_CM),
    right: Math.round(MARGENES_CM.derecha * TWIPS_CM)
  }
})

/** Table text size, in points. */
const PUNTOS_TABLA = 9.5

export const p = (
  text: string,
  opts: { bold?: boolean; italics?: boolean; size?: number; color?: string } = {},
  keepNext = false
): Paragraph =>
  new Paragraph({
    children: [new TextRun({ text, ...opts })],
    spacing: { after: 60 },
    keepNext,
    keepLines: keepNext
  })

// A heading stays on the page of what it introduces.
export const h = (
  text: string,
  level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_2
): Paragraph =>
  new Paragraph({
    text,
    heading: level,
    spacing: { before: 200, after: 80 },
    keepNext: true,
    keepLines: true
  })

export const campo = (label: string, value: string): Paragraph =>
  new Paragraph({
    children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)],
    spacing: { after: 40 }
  })

export interface OpcionesTabla {
  /** Minimum widths in twips by column (the signature column). */
  fijos?: Record<number, number>
  /** Minimum row height in twips (room to sign). */
  alto?: number
}

/**
 * A table with its header repeated on every page, rows that never split across pages, and
 * columns as wide as their content asks.
 */
export function tabla(headers: string[], rows: string[][], o: OpcionesTabla = {}): Table {
  const anchos = anchosColumnas(headers, rows, ANCHO_TEXTO, PUNTOS_TABLA, o.fijos)
  const cell = (text: string, header: boolean, i: number) =>
    new TableCell({
      children: text.split('\n').map(
        (line) =>
          new Paragraph({
            children: [new TextRun({ text: line, bold: header, size: PUNTOS_TABLA * 2 })]
          })
      ),
      shading: header ? { fill: 'E4E9F2' } : undefined,
      width: { size: anchos[i]!, type: WidthType.DXA }
    })
  const alto = o.alto ? { height: { value: o.alto, rule: HeightRule.ATLEAST } } : {}
  return new Table({
    width: { size: ANCHO_TEXTO, type: WidthType.DXA },
    columnWidths: anchos,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: headers.map((t, i) => cell(t, true, i))
      }),
      ...rows.map(
        (r) =>
          new TableRow({ cantSplit: true, ...alto, children: r.map((t, i) => cell(t, false, i)) })
      )
    ]
  })
}

export const vacio = (text: string): Paragraph => p(text, { italics: true, color: '666666' })

/** Width and height of a PNG from its header, so the logo keeps its shape. */
export function logoRun(dataUrl: string): ImageRun | null {
  const m = /^data:image\/(png|jpeg);base64,(.+)$/.exec(dataUrl)
  if (!m) return null
  const data = Buffer.from(m[2]!, 'base64')
  let [w, hgt] = [120, 60]
  if (m[1] === 'png' && data.length > 24) [w, hgt] = [data.readUInt32BE(16), data.readUInt32BE(20)]
  const height = 50
  return new ImageRun({
    type: m[1] === 'png' ? 'png' : 'jpg',
    data,
    transformation: { width: Math.max(1, Math.round((w / Math.max(hgt, 1)) * height)), height }
  })
}

/**
 * The draft's watermark: the BORRADOR picture, anchored in the header, centred on the page and
 * behind the text, as Word's own watermarks are. Being a picture, it adds no words to the text.
 */
export function marcaBorrador(): ImageRun {
  const ancho = 480 // pixels at 96 dpi: 12.7 cm, inside the text area of either paper
  return new ImageRun({
    type: 'png',
    data: Buffer.from(MARCA_BORRADOR.png, 'base64'),
    transformation: {
      width: ancho,
      height: Math.round((ancho * MARCA_BORRADOR.alto) / MARCA_BORRADOR.ancho)
    },
    altText: { name: 'Marca de agua', title: 'BORRADOR', description: 'Borrador sin aprobar' },
    floating: {
      horizontalPosition: { relative: HorizontalPositionRelativeFrom.PAGE, align: 'center' },
      verticalPosition: { relative: VerticalPositionRelativeFrom.PAGE, align: 'center' },
      behindDocument: true,
      allowOverlap: true,
      wrap: { type: TextWrappingType.NONE }
    }
  })
}

const SIN_BORDE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }

const centrado = (text: string, bold = false, last = false): Paragraph =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: !last,
    keepLines: true,
    children: [new TextRun({ text, bold })]
  })

/**
 * One signature per signer, side by side and without borders: room to sign, the line, then
 * name, cargo, institución and role. Its paragraphs are kept together and with what precedes.
 */
export function firmas(d: ActaDocumento): Table {
  return new Table({
    width: { size: ANCHO_TEXTO, type: WidthType.DXA },
    columnWidths: d.firmantes.map(() => Math.floor(ANCHO_TEXTO / d.firmantes.length)),
    borders: {
      top: SIN_BORDE,
      bottom: SIN_BORDE,
      left: SIN_BORDE,
      right: SIN_BORDE,
      insideHorizontal: SIN_BORDE,
      insideVertical: SIN_BORDE
    },
    rows: [
      new TableRow({
        cantSplit: true,
        children: d.firmantes.map(
          (f) =>
            new TableCell({
              children: [
                new Paragraph({ text: '', spacing: { before: 900 }, keepNext: true }),
                centrado('______________________________'),
                centrado(f.nombre || 'Nombre:', true),
                centrado(f.cargo || (f.nombre ? '' : 'Cargo:')),
                centrado(f.institucion || (f.nombre ? '' : 'Institución:')),
                centrado(f.rol, true, true)
              ]
            })
        )
      })
    ]
  })
}
