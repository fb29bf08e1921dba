import JSZip from 'jszip'
import type { ActaDocumento } from '../../../../../src/main/core/actas/documentos/modelo'
import { huella } from '../../../../../src/main/core/actas/sello'
import { tituloSesion } from '../../../../../src/shared/domain/sesiones'
import type { TestApp } from '../../../../helpers/db'

/** An acta with every section filled, as actaDocumento would give it; and one with none. */
export function actaCompleta(): ActaDocumento {
  return {
    encabezado: ['Ministerio del Interior', 'Subsecretaría'],
    logo: null,
    papel: 'carta',
    instancia: 'Subcomisión Prevención',
    titulo: 'ACTA SESIÓN ORDINARIA N° 2/2014',
    borrador: false,
    apertura:
      'En Santiago, a 12 de marzo de 2014, siendo las 10:00 horas, se da inicio a la Sesión Ordinaria N° 2/2014 de la Subcomisión Prevención, en La Moneda.',
    fechaLarga: 'miércoles, 12 de marzo de 2014',
    lugar: 'La Moneda',
    modalidad: 'Mixta',
    horaInicio: '10:00',
    horaTermino: '12:30',
    preside: 'Ana Rojas',
    secretariaActas: 'Berta Díaz',
    asistenciaRegistrada: true,
    presentes: [
      { institucion: 'SERNAM', personas: ['Ana Rojas, Jefa (titular)', 'Berta Díaz (suplente)'] },
      { institucion: 'PDI', personas: ['Carlos Pérez (titular)'] }
    ],
    excusados: [{ nombre: 'Diego Fuentes', institucion: 'MININT', motivo: 'Viaje' }],
    ausentes: [],
    invitados: [{ nombre: 'Eva Soto', institucion: 'OIM', cargo: 'Oficial' }],
    quorum: '2 de 3 instituciones miembro presentes (con quórum)',
    puntos: [
      { titulo: 'Cuenta', desarrollo: 'Primer párrafo.\n\nSegundo <b>párrafo</b> & más.' },
      { titulo: 'Varios', desarrollo: '  ' }
    ],
    avances: [{ accion: '1.1.a', estado: 'En curso', porcentaje: '40 %', reporte: 'Avanza.' }],
    mediciones: [
      {
        accion: '1.1.a',
        indicador: 'Número de cursos',
        valor: '7',
        fechaCorte: '01-03-2014',
        nota: 'Sin nota'
      }
    ],
    seguimiento: [
      { acuerdo: '1/2014 N° 1', texto: 'Enviar informe', estado: 'Cumplido', nota: 'Ok' }
    ],
    acuerdos: [
      {
        numero: 1,
        texto: 'Citar a "la PDI"',
        responsable: 'PDI',
        plazo: '30-04-2014',
        accion: '1.1.a'
      }
    ],
    proxima: 'miércoles, 11 de junio de 2014, Ministerio del Interior',
    aprobacion: 'Acta aprobada en la Sesión Ordinaria N° 3/2014, sin observaciones.',
    erratas: [{ fecha: '20-06-2014', texto: "Donde dice 'x' debe decir 'y'." }],
    hash: 'ab'.repeat(32),
    firmantes: [
      { nombre: 'Ana Rojas', cargo: 'Jefa', institucion: 'SERNAM', rol: 'Preside' },
      { nombre: 'Berta Díaz', cargo: '', institucion: 'SERNAM', rol: 'Secretaría de actas' }
    ],
    subrogacion: null,
    hojaAsistencia: [
      { nombre: 'Ana Rojas', institucion: 'SERNAM', cargo: 'Jefa' },
      { nombre: 'Eva Soto', institucion: 'OIM', cargo: 'Oficial' }
    ]
  }
}

export function actaVacia(): ActaDocumento {
  return {
    ...actaCompleta(),
    borrador: true,
    presentes: [],
    excusados: [],
    invitados: [],
    puntos: [],
    avances: [],
    mediciones: [],
    seguimiento: [],
    acuerdos: [],
    aprobacion: null,
    erratas: [],
    hojaAsistencia: []
  }
}

/** A 3 × 2 PNG header: enough for the logo's width and height. */
export const LOGO_PNG = `data:image/png;base64,${Buffer.concat([
  Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
  Buffer.from([0, 0, 0, 3, 0, 0, 0, 2]),
  Buffer.alloc(8)
]).toString('base64')}`

/** The paragraphs of a part of a DOCX, as their text (table cells included, in order). */
export async function docxParrafos(
  data: Uint8Array,
  part = 'word/document.xml'
): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(data)).file(part)!.async('string')
  return xml
    .split('</w:p>')
    .slice(0, -1)
    .map((p) =>
      [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
        .map((m) => m[1]!)
        .join('')
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
    )
}

/**
 * A signature in the DOCX's block, by its role: the line, then name, cargo and institución
 * above the role, as printed ([] if no such role).
 */
export function firmaDocx(parrafos: string[], rol: string): string[] {
  const i = parrafos.indexOf(rol)
  return i < 4 ? [] : parrafos.slice(i - 4, i)
}

export async function docxParte(data: Uint8Array, part: string): Promise<string> {
  return (await JSZip.loadAsync(data)).file(part)!.async('string')
}

/** Every part of a DOCX but its creation stamps (docProps/core.xml), byte for byte. */
export async function docxPartes(data: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(data)
  const out: Record<string, string> = {}
  for (const nombre of Object.keys(zip.files).sort())
    if (nombre !== 'docProps/core.xml' && !zip.files[nombre]!.dir)
      out[nombre] = (await zip.file(nombre)!.async('nodebuffer')).toString('base64')
  return out
}

/**
 * Approves the closed session `id` in the draft `enId` with `texto` as its sealed copy, by SQL:
 * an acta as an earlier version sealed it (the triggers accept an approval with copy and hash).
 */
export function selladaComoAntes(
  t: TestApp,
  s: { id: string; enId: string; texto: string; secretaria: string }
): void {
  const h = t.app.handle
  const titulo = tituloSesion(h.prepare('select * from sesiones where id = ?').get(s.enId) as never)
  h.prepare(
    `update sesiones set estado = 'aprobada', aprobada_at = '2014-07-09T15:00:00.000Z',
       aprobada_en_sesion_id = ?, observaciones_aprobacion = '', hash = ?,
       contenido_aprobado = ?, aprobada_en_titulo = ?, aprobada_secretaria = ?
     where id = ?`
  ).run(s.enId, huella(s.texto), s.texto, titulo, s.secretaria, s.id)
}
