/**
 * Who signs an acta, read from its attendance: shared by the acta's document, the core (which
 * refuses a substitute secretary while the secretaría de actas is there) and the session screen
 * (which then does not offer one).
 */
import type { AsistenciaEstado, Calidad } from './sesiones'

/** What the rules read of an attendee; the acta's sealed rows and the API's rows both have it. */
export interface AsistenteFirma {
  nombre: string
  institucion: string
  calidad: Calidad
  estado: AsistenciaEstado
}

const normal = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()

/** Only the words, without punctuation: "Pérez-Cotapos, Ana." → "perez cotapos ana". */
const palabras = (s: string): string =>
  normal(s)
    .replace(/[^\p{L}\p{N} ]+/gu, ' ')
    .replace(/ +/g, ' ')
    .trim()

const ORDEN_CALIDAD = { titular: 0, suplente: 1, invitado: 2 } as const

/**
 * The people the text names, whole words only ("Ana Rojas" is not "Mariana Rojas"): those it
 * names exactly, else those whose name it gives short of surnames ("Javiera Díaz" for "Javiera
 * Díaz Sepúlveda"), else those whose full name it holds ("Sra. Ana Rojas Soto, SERNAM").
 */
function porNombre<A extends AsistenteFirma>(texto: string, asistencia: A[]): A[] {
  const t = palabras(texto)
  const conNombre = asistencia.map((a) => ({ a, n: palabras(a.nombre) })).filter((x) => x.n)
  const exactos = conNombre.filter((x) => x.n === t)
  if (exactos.length) return exactos.map((x) => x.a)
  const cortos = conNombre.filter((x) => x.n.startsWith(`${t} `))
  if (cortos.length) return cortos.map((x) => x.a)
  return conNombre.filter((x) => ` ${t} `.includes(` ${x.n} `)).map((x) => x.a)
}

/**
 * Who the session's free text ("Ana Rojas", "MININT (DCO-DEM-SPD)", "SERNAM") points at in the
 * attendance: a person named in it, or else the members of the institution it starts with
 * (titular first), leaving out `excluir` (whoever presides does not also sign for the
 * secretaría). `presente` is the one who was there; `ausente` the one named who was not.
 */
export function buscarEnAsistencia<A extends AsistenteFirma>(
  texto: string,
  asistencia: A[],
  excluir: A | null = null
): { presente: A | null; ausente: A | null } {
  const t = normal(texto)
  if (!t) return { presente: null, ausente: null }
  const nombrados = porNombre(texto, asistencia)
  const sigla = normal(texto.split('(')[0]!)
  const candidatos = (
    nombrados.length
      ? nombrados
      : asistencia
          .filter((a) => a.calidad !== 'invitado' && normal(a.institucion) === sigla)
          .sort((a, b) => ORDEN_CALIDAD[a.calidad] - ORDEN_CALIDAD[b.calidad])
  ).filter((a) => a !== excluir)
  return {
    presente: candidatos.find((a) => a.estado === 'presente') ?? null,
    ausente: candidatos.find((a) => a.estado !== 'presente') ?? null
  }
}

/**
 * Who chaired as the acta names them: the one chosen in the attendance if present, else the
 * one present that the session's "Preside" text points at.
 */
export function quienPreside<A extends AsistenteFirma>(
  asistencia: A[],
  elegido: ((a: A) => boolean) | null,
  preside: string
): A | null {
  if (elegido) return asistencia.find((a) => elegido(a) && a.estado === 'presente') ?? null
  return buscarEnAsistencia(preside, asistencia).presente
}

/**
 * The one present who signs for the secretaría de actas (never the one who chaired), or null.
 * Someone else may act as secretary only when this is null: while the secretaría is there, it
 * signs its own acta.
 */
export const secretariaPresente = <A extends AsistenteFirma>(
  asistencia: A[],
  secretariaActas: string,
  preside: A | null
): A | null => buscarEnAsistencia(secretariaActas, asistencia, preside).presente

/**
 * The acta's «Preside» line once who chaired is chosen: that person as the signature names them
 * (name, cargo, institución), so the header cannot contradict the signature. The free text typed
 * in «Preside» is printed only while nobody is chosen.
 */
export const presideDe = (p: { nombre: string; cargo: string; institucion: string }): string =>
  [p.nombre, p.cargo, p.institucion]
    .map((x) => x.trim())
    .filter(Boolean)
    .join(', ')

export const MENSAJE_SECRETARIA_PRESENTE = (nombre: string): string =>
  `La secretaría de actas asistió a esta sesión (${nombre}) y firma el acta: nadie más actúa como secretario/a de actas.`
