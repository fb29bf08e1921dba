import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  PageBreak,
  PageNumber,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType
} from 'docx'
import type { ActaDocumento } from './acta-documento'

const p = (
  text: string,
  opts: { bold?: boolean; italics?: boolean; size?: number; color?: string } = {}
): Paragraph =>
  new Paragraph({ children: [new TextRun({ text, ...opts })], spacing: { after: 60 } })

const h = (
  text: string,
  level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_2
): Paragraph => new Paragraph({ text, heading: level, spacing: { before: 200, after: 80 } })

const campo = (label: string, value: string): Paragraph =>
  new Paragraph({
    children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)],
    spacing: { after: 40 }
  })

function tabla(headers: string[], rows: string[][], widths?: number[]): Table {
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

const vacio = (text: string): Paragraph => p(text, { italics: true, color: '666666' })

/** Width and height of a PNG from its header, so the logo keeps its shape. */
function logoRun(dataUrl: string): ImageRun | null {
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

/** The acta as a Word document, in the form of a Chilean public-sector acta. */
export async function actaDocx(d: ActaDocumento): Promise<Buffer> {
  const logo = d.logo ? logoRun(d.logo) : null
  const header = new Header({
    children: [
      ...(logo ? [new Paragraph({ children: [logo] })] : []),
      ...d.encabezado.map((l) => p(l, { size: 17 })),
      p(d.instancia, { size: 17, bold: true }),
      ...(d.borrador
        ? [
            new Paragraph({
              alignment: AlignmentType.CENTER,
              children: [new TextRun({ text: 'BORRADOR', bold: true, size: 40, color: 'C00000' })]
            })
          ]
        : [])
    ]
  })
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            text: `${d.borrador ? 'BORRADOR — ' : ''}Huella SHA-256 del acta: ${d.hash}`,
            size: 14
          })
        ]
      }),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            children: ['Página ', PageNumber.CURRENT, ' de ', PageNumber.TOTAL_PAGES],
            size: 16
          })
        ]
      })
    ]
  })

  const body: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      heading: HeadingLevel.HEADING_1,
      children: [new TextRun({ text: `${d.titulo}${d.borrador ? ' (BORRADOR)' : ''}`, bold: true })]
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: d.instancia, bold: true })],
      spacing: { after: 200 }
    }),
    campo('Fecha', d.fechaLarga),
    campo('Lugar', `${d.lugar} (${d.modalidad})`),
    campo('Hora de inicio', d.horaInicio),
    campo('Hora de término', d.horaTermino),
    campo('Preside', d.preside),
    campo('Secretaría de actas', d.secretariaActas),
    campo('Quórum', d.quorum),
    h('1. Asistentes'),
    tabla(
      ['Institución', 'Asistentes'],
      d.presentes.map((x) => [x.institucion, x.personas.join('\n')]),
      [25, 75]
    )
  ]
  if (d.invitados.length) {
    body.push(
      h('Invitados', HeadingLevel.HEADING_3),
      tabla(
        ['Nombre', 'Institución', 'Cargo'],
        d.invitados.map((i) => [i.nombre, i.institucion, i.cargo])
      )
    )
  }
  body.push(
    h('Excusados', HeadingLevel.HEADING_3),
    d.excusados.length
      ? tabla(
          ['Nombre', 'Institución', 'Motivo'],
          d.excusados.map((e) => [e.nombre, e.institucion, e.motivo])
        )
      : vacio('No hubo excusas.'),
    h('2. Tabla'),
    ...d.puntos.map((x, i) => p(`${i + 1}. ${x.titulo}`)),
    h('3. Desarrollo')
  )
  d.puntos.forEach((x, i) => {
    body.push(h(`3.${i + 1}. ${x.titulo}`, HeadingLevel.HEADING_3))
    const lines = x.desarrollo.split(/\n+/).filter((l) => l.trim())
    body.push(...(lines.length ? lines.map((l) => p(l)) : [vacio('Sin desarrollo registrado.')]))
  })
  if (d.avances.length || d.mediciones.length) {
    body.push(h('4. Avance del Plan de Acción'))
    if (d.avances.length)
      body.push(
        tabla(
          ['Acción', 'Estado', 'Avance', 'Reporte'],
          d.avances.map((a) => [a.accion, a.estado, a.porcentaje, a.reporte]),
          [12, 15, 10, 63]
        )
      )
    if (d.mediciones.length) {
      body.push(
        h('Indicadores', HeadingLevel.HEADING_3),
        tabla(
          ['Acción', 'Indicador', 'Valor', 'Fecha de corte', 'Nota'],
          d.mediciones.map((m) => [m.accion, m.indicador, m.valor, m.fechaCorte, m.nota])
        )
      )
    }
  }
  body.push(
    h('5. Seguimiento de acuerdos anteriores'),
    d.seguimiento.length
      ? tabla(
          ['Acuerdo', 'Texto', 'Estado', 'Nota'],
          d.seguimiento.map((g) => [g.acuerdo, g.texto, g.estado, g.nota])
        )
      : vacio('Sin acuerdos anteriores en seguimiento.'),
    h('6. Acuerdos'),
    d.acuerdos.length
      ? tabla(
          ['N°', 'Acuerdo', 'Responsable', 'Plazo', 'Acción del plan'],
          d.acuerdos.map((a) => [String(a.numero), a.texto, a.responsable, a.plazo, a.accion]),
          [6, 48, 20, 12, 14]
        )
      : vacio('No se adoptaron acuerdos.'),
    h('7. Próxima sesión'),
    p(d.proxima),
    p(`Siendo las ${d.horaTermino} horas se pone término a la sesión.`)
  )
  if (d.aprobacion) body.push(p(d.aprobacion, { bold: true }))
  if (d.erratas.length)
    body.push(
      h('Fe de erratas'),
      tabla(
        ['Fecha', 'Corrección'],
        d.erratas.map((e) => [e.fecha, e.texto])
      )
    )
  body.push(new Paragraph({ text: '', spacing: { before: 900 } }))
  body.push(
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: {
        top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
        bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
        left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
        right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
        insideHorizontal: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
        insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }
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
  )
  body.push(
    new Paragraph({ children: [new PageBreak()] }),
    h('Anexo: hoja de asistencia'),
    p(`${d.titulo} — ${d.instancia} — ${d.fechaLarga}`),
    tabla(
      ['N°', 'Nombre', 'Institución', 'Cargo', 'Firma'],
      d.hojaAsistencia.map((a, i) => [String(i + 1), a.nombre, a.institucion, a.cargo, '\n\n']),
      [6, 30, 16, 24, 24]
    )
  )

  const doc = new Document({
    creator: 'Secretaría MITP',
    title: `${d.titulo} — ${d.instancia}`,
    description: `Huella SHA-256: ${d.hash}`,
    styles: { default: { document: { run: { font: 'Arial', size: 21 } } } },
    sections: [{ headers: { default: header }, footers: { default: footer }, children: body }]
  })
  return Packer.toBuffer(doc)
}
