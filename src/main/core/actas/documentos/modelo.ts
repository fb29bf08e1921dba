import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import {
  ACUERDO_SITUACION_LABEL,
  AVANCE_ESTADO_LABEL,
  CALIDAD_LABEL,
  MODALIDAD_LABEL,
  SESION_TIPO_LABEL,
  calcularQuorum,
  porcentajeDe,
  type Sesion
} from '../../../../shared/domain/sesiones'
import { formatFecha } from '../../../../shared/domain/fechas'
import { hitoLabel } from '../../../../shared/domain/indicadores'
import { formatAvance } from '../../../../shared/domain/porcentaje'
import { contenidoParaDocumento } from '../sello'
import type { ActaContenido } from '../contenido-tipo'
import { obtenerConfig } from '../config.service'
import { obtenerSesion } from '../../sesiones'
import { notFound } from '../../errors'
import type { Papel } from '../../../../shared/actas/contract'
import { encabezadoSecretaria, firmasActa, formulaApertura, type Firmante } from './firmantes'

/**
 * The acta as both documents print it (DOCX and PDF share this), built from the very content
 * whose hash is stored, so the printed words are the hashed words.
 */
export interface ActaDocumento {
  encabezado: string[]
  logo: string | null
  /** Carta or oficio, from Configuración: the DOCX and the PDF are laid out on the same paper. */
  papel: Papel
  instancia: string
  titulo: string
  borrador: boolean
  /** "En Santiago, a 11 de junio de 2014, siendo las 10:00 horas, se da inicio a la Sesión…". */
  apertura: string
  fechaLarga: string
  lugar: string
  modalidad: string
  horaInicio: string
  horaTermino: string
  preside: string
  secretariaActas: string
  /** False when nobody's attendance was recorded: the acta says so instead of listing nobody. */
  asistenciaRegistrada: boolean
  presentes: { institucion: string; personas: string[] }[]
  excusados: { nombre: string; institucion: string; motivo: string }[]
  ausentes: { nombre: string; institucion: string }[]
  invitados: { nombre: string; institucion: string; cargo: string }[]
  quorum: string
  puntos: { titulo: string; desarrollo: string }[]
  avances: { accion: string; estado: string; porcentaje: string; reporte: string }[]
  mediciones: {
    accion: string
    indicador: string
    valor: string
    fechaCorte: string
    nota: string
  }[]
  seguimiento: { acuerdo: string; texto: string; estado: string; nota: string }[]
  acuerdos: { numero: number; texto: string; responsable: string; plazo: string; accion: string }[]
  proxima: string
  aprobacion: string | null
  erratas: { fecha: string; texto: string }[]
  /** The sealed content's SHA-256; printed only on an approved acta (a draft has none). */
  hash: string
  firmantes: Firmante[]
  /** When the secretaría de actas did not attend: who signs in its place. */
  subrogacion: string | null
  hojaAsistencia: { nombre: string; institucion: string; cargo: string }[]
}

export function fechaLarga(iso: string): string {
  const d = new Date(`${iso}T12:00:00Z`)
  return new Intl.DateTimeFormat('es-CL', { dateStyle: 'full', timeZone: 'UTC' }).format(d)
}

const numero = (n: number | null): string =>
  n === null ? '' : new Intl.NumberFormat('es-CL').format(n)

/** What the acta is printed from: its (checked) content and what is kept beside it. */
async function leerFuentes(db: Kysely<Database>, sesionId: string) {
  const sello = await db
    .selectFrom('sesiones')
    .select(['id', 'estado', 'hash', 'contenido_aprobado', 'aprobada_secretaria', 'hash_anterior'])
    .where('id', '=', sesionId)
    .executeTakeFirst()
  if (!sello) throw notFound('La sesión')
  // An approved acta prints its sealed copy, after its hash is checked again.
  const [{ contenido, hash }, sesion, config, erratas, instancia] = await Promise.all([
    contenidoParaDocumento(db, sello),
    obtenerSesion(db, sesionId),
    obtenerConfig(db),
    db
      .selectFrom('fe_erratas')
      .selectAll()
      .where('sesion_id', '=', sesionId)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('sesiones')
      .innerJoin('instancias', 'instancias.id', 'sesiones.instancia_id')
      .select('instancias.secretaria_actas')
      .where('sesiones.id', '=', sesionId)
      .executeTakeFirstOrThrow()
  ])
  // Actas sealed before schema version 3 did not copy the secretary's name into their content:
  // it was frozen beside it when they were sealed. Drafts name today's secretary.
  const secretariaActas =
    (contenido.sesion.secretariaActas ?? sello.aprobada_secretaria ?? instancia.secretaria_actas) ||
    ''
  return { c: contenido, hash, sesion, config, erratas, secretariaActas, sello }
}

type Asistentes = Pick<ActaDocumento, 'presentes' | 'excusados' | 'ausentes' | 'invitados'>

/** Members present grouped by institution, then excused, absent and invited people. */
function asistentes(c: ActaContenido): Asistentes {
  const miembros = c.asistencia.filter((a) => a.calidad !== 'invitado')
  const porInstitucion = new Map<string, string[]>()
  for (const a of miembros.filter((m) => m.estado === 'presente')) {
    const list = porInstitucion.get(a.institucion) ?? []
    list.push(
      `${a.nombre}${a.cargo ? `, ${a.cargo}` : ''} (${CALIDAD_LABEL[a.calidad].toLowerCase()})`
    )
    porInstitucion.set(a.institucion, list)
  }
  return {
    presentes: [...porInstitucion.entries()].map(([institucion, personas]) => ({
      institucion,
      personas
    })),
    excusados: miembros
      .filter((a) => a.estado === 'excusado')
      .map((a) => ({ nombre: a.nombre, institucion: a.institucion, motivo: a.motivo })),
    ausentes: miembros
      .filter((a) => a.estado === 'ausente')
      .map((a) => ({ nombre: a.nombre, institucion: a.institucion })),
    invitados: c.asistencia
      .filter((a) => a.calidad === 'invitado' && a.estado === 'presente')
      .map((a) => ({ nombre: a.nombre, institucion: a.institucion, cargo: a.cargo }))
  }
}

type AvanceYAcuerdos = Pick<ActaDocumento, 'avances' | 'mediciones' | 'seguimiento' | 'acuerdos'>

/** The plan's progress, indicator values, follow-up of earlier acuerdos and the new ones. */
function avanceYAcuerdos(c: ActaContenido): AvanceYAcuerdos {
  return {
    avances: c.avances.map((a) => ({
      accion: a.accion,
      estado: AVANCE_ESTADO_LABEL[a.estado],
      porcentaje: formatAvance(a.porcentaje),
      reporte: a.reporte
    })),
    mediciones: c.mediciones.map((m) => ({
      accion: m.accion,
      indicador: m.indicador,
      valor:
        m.tipo === 'porcentaje'
          ? `${numero(m.numerador)} / ${numero(m.denominador)} = ${numero(porcentajeDe(m.numerador, m.denominador))} %`
          : m.tipo === 'hito'
            ? (hitoLabel(m.valor) ?? '')
            : numero(m.valor),
      fechaCorte: formatFecha(m.fechaCorte),
      nota: m.nota
    })),
    seguimiento: c.seguimientos.map((s) => ({
      acuerdo: conNumero(s.acuerdo),
      texto: s.texto,
      estado: ACUERDO_SITUACION_LABEL[s.estado],
      nota: s.nota
    })),
    acuerdos: c.acuerdos.map((a) => ({
      numero: a.numero,
      texto: a.texto,
      responsable: a.responsable || '—',
      plazo: a.plazo ? formatFecha(a.plazo) : '—',
      accion: a.accion ?? '—'
    }))
  }
}

/**
 * "N° 1/2014" and "acuerdo N° 3" kept on one line: a no-break space after every "N°" of a
 * reference. Applied when printing, so a sealed acta's stored text (and hash) is untouched.
 */
export const conNumero = (texto: string): string => texto.replace(/N° /g, 'N°\u00a0')

/** The approval line of an approved acta; null for a draft. */
function aprobacion(sesion: Sesion, hashAnterior: string | null): string | null {
  if (sesion.estado !== 'aprobada') return null
  return `Acta aprobada${sesion.aprobadaEnSesionTitulo ? ` en la ${conNumero(sesion.aprobadaEnSesionTitulo)}` : ''}${
    sesion.observacionesAprobacion
      ? `, con las siguientes observaciones: ${sesion.observacionesAprobacion}`
      : ', sin observaciones.'
  }${hashAnterior ? resellada(hashAnterior) : ''}`
}

export async function actaDocumento(
  db: Kysely<Database>,
  sesionId: string
): Promise<ActaDocumento> {
  const { c, hash, sesion, config, erratas, secretariaActas, sello } = await leerFuentes(
    db,
    sesionId
  )
  const q = calcularQuorum(c.asistencia)
  const { firmantes, subrogacion } = firmasActa(c, secretariaActas)
  const presentes = c.asistencia.filter((a) => a.estado === 'presente')
  return {
    encabezado: config.encabezado.split('\n').filter((l) => l.trim() !== ''),
    logo: config.logo,
    papel: config.papel,
    instancia: c.sesion.instancia,
    titulo: `ACTA SESIÓN ${SESION_TIPO_LABEL[sesion.tipo].toUpperCase()} N°\u00a0${sesion.numero}/${sesion.anio}`,
    borrador: sesion.estado !== 'aprobada',
    apertura: formulaApertura(c, config.ciudad),
    fechaLarga: fechaLarga(c.sesion.fecha),
    lugar: c.sesion.lugar || '—',
    modalidad: MODALIDAD_LABEL[c.sesion.modalidad],
    horaInicio: c.sesion.horaInicio ?? '—',
    horaTermino: c.sesion.horaTermino ?? '—',
    preside: c.sesion.preside || '—',
    secretariaActas: encabezadoSecretaria(c, secretariaActas),
    asistenciaRegistrada: c.asistencia.length > 0,
    ...asistentes(c),
    // Without attendance taken there is no quorum to count: "0 de 0" would read as a fact.
    quorum: c.asistencia.length
      ? `${q.presentes} de ${q.total} instituciones miembro presentes${q.alcanzado ? ' (con quórum)' : ' (sin quórum)'}`
      : 'Asistencia no registrada en la aplicación: consta en la hoja de asistencia anexa.',
    puntos: c.puntos,
    ...avanceYAcuerdos(c),
    proxima: c.sesion.proximaFecha
      ? `${fechaLarga(c.sesion.proximaFecha)}${c.sesion.proximaLugar ? `, ${c.sesion.proximaLugar}` : ''}`
      : 'Por definir',
    aprobacion: aprobacion(sesion, sello.hash_anterior),
    erratas: erratas.map((e) => ({ fecha: formatFecha(e.fecha), texto: e.texto })),
    hash,
    firmantes,
    subrogacion,
    hojaAsistencia: hojaAsistencia(presentes)
  }
}

/**
 * The annex's subtitle: "ACTA … N° 2/2014 — Instancia — miércoles, 10 de septiembre de 2014",
 * its date and number kept on one line (a printer would break "de / 2014" at the line's end).
 */
export const subtituloAnexo = (d: ActaDocumento): string =>
  [conNumero(d.titulo), d.instancia, d.fechaLarga.replace(/ /g, '\u00a0')].join(' — ')

/** Said in "1. Asistentes" when nobody's attendance was recorded. */
export const SIN_ASISTENCIA = 'No se registró asistencia.'

/** Blank rows to sign on paper when nobody's attendance was recorded. */
export const FILAS_EN_BLANCO = 15

/** The attendance sheet's rows: who was present, or blank rows for the session to sign by hand. */
function hojaAsistencia(presentes: ActaContenido['asistencia']): ActaDocumento['hojaAsistencia'] {
  if (!presentes.length)
    return Array.from({ length: FILAS_EN_BLANCO }, () => ({
      nombre: '',
      institucion: '',
      cargo: ''
    }))
  return presentes.map((a) => ({ nombre: a.nombre, institucion: a.institucion, cargo: a.cargo }))
}

/** Said on an acta whose content version 2 let drift, sealed again by version 3. */
export const resellada = (anterior: string): string =>
  ` Esta acta se selló de nuevo al actualizar la aplicación, porque la versión anterior permitía que cambios hechos en otras partes alteraran su contenido; huella registrada al aprobarla: ${anterior}.`
