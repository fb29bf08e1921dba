import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  PageBreak,
  PageNumber,
  Packer,
  Paragraph,
  Table,
  TextRun
} from 'docx'
import { SIN_ASISTENCIA, subtituloAnexo, type ActaDocumento } from './modelo'
import {
  TWIPS_CM,
  campo,
  firmas,
  h,
  logoRun,
  marcaBorrador,
  paginaDocx,
  p,
  tabla,
  vacio
} from './docx-elementos'
import { PAPEL } from './pdf-opciones'
import { actaPie } from './html'

type Bloque = Paragraph | Table

/** Logo, letterhead lines and the instancia on every page; on a draft, the watermark behind. */
function encabezado(d: ActaDocumento): Header {
  const logo = d.logo ? logoRun(d.logo) : null
  return new Header({
    children: [
      ...(logo ? [new Paragraph({ children: [logo] })] : []),
      ...d.encabezado.map((l) => p(l, { size: 17 })),
      new Paragraph({
        children: [
          new TextRun({ text: d.instancia, size: 17, bold: true }),
          ...(d.borrador ? [marcaBorrador()] : [])
        ]
      })
    ]
  })
}

/** The hash and the page number: on every page. */
function pie(d: ActaDocumento): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ text: actaPie(d), size: 15, color: d.borrador ? 'C00000' : '333333' })
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
}

/** Title, the session's particulars and 1. Asistentes. */
function apertura(d: ActaDocumento): Bloque[] {
  const body: Bloque[] = [
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
    p(d.apertura),
    campo('Fecha', d.fechaLarga),
    campo('Lugar', `${d.lugar} (${d.modalidad})`),
    campo('Hora de inicio', d.horaInicio),
    campo('Hora de término', d.horaTermino),
    campo('Preside', d.preside),
    campo('Secretaría de actas', d.secretariaActas),
    campo('Quórum', d.quorum),
    h('1. Asistentes')
  ]
  // Without attendance recorded, neither who came nor "no one was excused" is known.
  if (!d.asistenciaRegistrada) return [...body, vacio(SIN_ASISTENCIA)]
  body.push(
    tabla(
      ['Institución', 'Asistentes'],
      d.presentes.map((x) => [x.institucion, x.personas.join('\n')])
    )
  )
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
      : vacio('No hubo excusas.')
  )
  return body
}

/** 2. Tabla, 3. Desarrollo and, when there is any, 4. Avance del Plan de Acción. */
function tablaYDesarrollo(d: ActaDocumento): Bloque[] {
  const body: Bloque[] = [
    h('2. Tabla'),
    ...d.puntos.map((x, i) => p(`${i + 1}. ${x.titulo}`)),
    h('3. Desarrollo')
  ]
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
          d.avances.map((a) => [a.accion, a.estado, a.porcentaje, a.reporte])
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
  return body
}

/** 5. Seguimiento, 6. Acuerdos, 7. Próxima sesión, the approval and the errata. */
function acuerdosYCierre(d: ActaDocumento): Bloque[] {
  const body: Bloque[] = [
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
          d.acuerdos.map((a) => [String(a.numero), a.texto, a.responsable, a.plazo, a.accion])
        )
      : vacio('No se adoptaron acuerdos.'),
    h('7. Próxima sesión'),
    p(d.proxima)
  ]
  return body
}

/**
 * The closing paragraph, the approval, who acted as secretary and the signatures, kept on one
 * page; then the errata and the attendance sheet on a page of its own.
 */
function cierreYAnexo(d: ActaDocumento): Bloque[] {
  const cierre = [
    `Siendo las ${d.horaTermino} horas se pone término a la sesión.`,
    ...(d.subrogacion ? [d.subrogacion] : [])
  ]
  const body: Bloque[] = [
    ...cierre.map((t) => p(t, {}, true)),
    ...(d.aprobacion ? [p(d.aprobacion, { bold: true }, true)] : []),
    firmas(d)
  ]
  if (d.erratas.length)
    body.push(
      h('Fe de erratas'),
      tabla(
        ['Fecha', 'Corrección'],
        d.erratas.map((e) => [e.fecha, e.texto])
      )
    )
  body.push(
    new Paragraph({ children: [new PageBreak()] }),
    h('Anexo: hoja de asistencia'),
    p(subtituloAnexo(d)),
    tabla(
      ['N°', 'Nombre', 'Institución', 'Cargo', 'Firma'],
      d.hojaAsistencia.map((a, i) => [String(i + 1), a.nombre, a.institucion, a.cargo, '']),
      // Room to sign: a 5.5 cm column and rows 1.3 cm tall.
      { fijos: { 4: Math.round(5.5 * TWIPS_CM) }, alto: Math.round(1.3 * TWIPS_CM) }
    )
  )
  return body
}

/** The acta as a Word document, in the form of a Chilean public-sector acta. */
export async function actaDocx(d: ActaDocumento): Promise<Buffer> {
  const body = [...apertura(d), ...tablaYDesarrollo(d), ...acuerdosYCierre(d), ...cierreYAnexo(d)]
  const papel = PAPEL[d.papel]
  const doc = new Document({
    creator: 'Secretaría MITP',
    title: `${d.titulo} — ${d.instancia}`,
    description: d.borrador ? 'Borrador sin aprobar' : `Huella SHA-256: ${d.hash}`,
    // Spanish (Chile), so Word proofs the text in Spanish.
    styles: {
      default: { document: { run: { font: 'Arial', size: 21, language: { value: 'es-CL' } } } }
    },
    sections: [
      {
        properties: {
          page: paginaDocx(papel)
        },
        headers: { default: encabezado(d) },
        footers: { default: pie(d) },
        children: body
      }
    ]
  })
  return Packer.toBuffer(doc)
}
