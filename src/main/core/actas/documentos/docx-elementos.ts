import {
  BorderStyle,
  HeadingLevel,
  ImageRun,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  AlignmentType
} from 'docx'
import type { ActaDocumento } from './modelo'

// The building blocks of the acta's Word document: paragraphs, headings, tables, the logo and
// the signature lines.

export const p = (
  text: string,
  opts: { bold?: boolean; italics?: boolean; size?: number; color?: string } = {}
): Paragraph =>
  new Paragraph({ children: [new TextRun({ text, ...opts })], spacing: { after: 60 } })

export const h = (
  text: string,
  level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_2
): Paragraph => new Paragraph({ text, heading: level, spacing: { before: 200, after: 80 } })

export const campo = (label: string, value: string): Paragraph =>
  new Paragraph({
    children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)],
    spacing: { after: 40 }
  })

export function tabla(headers: string[], rows: string[][], widths?: number[]): Table {
  const cell = (text: string, header: boolean, i: number) =>
    new TableCell({
      children: text
        .split('\n')
        .map(
          (line) =>
            new Paragraph({ children: [new TextRun({ text: line, bold: header, size: 19 })] })
        ),
      shading: header ? { fill: 'E4E9F2' } : undefined,
      width: widths ? { size: widths[i]!, type: WidthType.PERCENTAGE } : undefined
    })
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((t, i) => cell(t, true, i)) }),
      ...rows.map((r) => new TableRow({ children: r.map((t, i) => cell(t, false, i)) }))
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

const SIN_BORDE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }

/** One signature line per signer, side by side, without borders. */
export function firmas(d: ActaDocumento): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
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
        children: d.firmantes.map(
          (f) =>
            new TableCell({
              children: [
                new Paragraph({
                  alignment: AlignmentType.CENTER,
                  text: '______________________________'
                }),
                new Paragraph({ alignment: AlignmentType.CENTER, text: f.nombre }),
                new Paragraph({
                  alignment: AlignmentType.CENTER,
                  children: [new TextRun({ text: f.rol, bold: true })]
                })
              ]
            })
        )
      })
    ]
  })
}
