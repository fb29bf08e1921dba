import type { ActaContenido } from '../contenido-tipo'
import { buscarEnAsistencia, quienPreside } from '../../../../shared/domain/firmas'
import { deInstancia } from './articulo'

type Asistente = ActaContenido['asistencia'][number]

/** One signature line: the person who signs, as the attendance names them, and in what role. */
export interface Firmante {
  nombre: string
  cargo: string
  institucion: string
  rol: string
}

const firmante = (a: Asistente, rol: string): Firmante => ({
  nombre: a.nombre,
  cargo: a.cargo,
  institucion: a.institucion,
  rol
})

export interface Firmas {
  firmantes: Firmante[]
  /** Said when the secretaría de actas did not attend: who signs in its place. */
  subrogacion: string | null
}

type Subrogante = NonNullable<ActaContenido['sesion']['secretariaSubrogante']>

/**
 * "secretaria"/"secretario" as the acting secretary's sealed gender says; "secretario/a" when
 * it does not (nobody named, a cargo that does not tell, or an acta sealed before).
 */
const secretarioDe = (sub: Subrogante | undefined): string =>
  sub?.genero === 'femenino'
    ? 'secretaria'
    : sub?.genero === 'masculino'
      ? 'secretario'
      : 'secretario/a'

/** The secretaría de actas did not attend: the acta says so, and who acted for it if named. */
function subrogacionDe(
  faltante: Asistente | null,
  actuo: Firmante | null,
  sub: Subrogante | undefined
): string | null {
  const quien = actuo
    ? `actuó como ${secretarioDe(sub)} de actas ${[actuo.nombre, actuo.cargo, actuo.institucion].filter(Boolean).join(', ')}`
    : 'actuó como secretario/a de actas quien firma en su lugar'
  if (!faltante) return actuo ? `En esta sesión ${quien}.` : null
  return `La secretaría de actas (${faltante.nombre}, ${faltante.institucion}) no asistió a esta sesión (${
    faltante.estado === 'excusado' ? 'excusada' : 'ausente'
  }); ${quien}.`
}

// First words of an institution's name, not a person's ("Ministerio del Interior").
const INSTITUCIONAL =
  /^(ministerio|subsecretar[ií]a|secretar[ií]a|servicio|direcci[oó]n|divisi[oó]n|departamento|unidad|oficina|instituto|mesa|subcomisi[oó]n|comisi[oó]n|comit[eé]|consejo|polic[ií]a|fiscal[ií]a|gendarmer[ií]a|carabineros|defensor[ií]a|corporaci[oó]n|fundaci[oó]n|organizaci[oó]n|programa|gobierno|municipalidad|intendencia|gobernaci[oó]n)$/i
const PARTICULA = /^(de|del|la|las|los|y|e|san|van|von|da|do|dos)$/

/** "Ana Rojas Soto" is a person; "MININT (DCO-DEM-SPD)" or "Secretaría Ejecutiva MITP" is not. */
export function esPersona(texto: string): boolean {
  const w = texto.trim().split(/\s+/)
  return (
    w.length >= 2 &&
    w.length <= 6 &&
    !INSTITUCIONAL.test(w[0]!) &&
    w.every((p) => PARTICULA.test(p) || /^\p{Lu}\p{Ll}+(-\p{Lu}\p{Ll}+)*$/u.test(p))
  )
}

/**
 * A signature the attendance does not name, from the text as written: a person's name is
 * printed as such; anything else is an institution, printed under a blank line for the name
 * to be written by hand (never in the name's place).
 */
function segunTexto(texto: string, rol: string): Firmante {
  const t = texto.trim()
  return esPersona(t)
    ? { nombre: t, cargo: '', institucion: '', rol }
    : { nombre: '', cargo: '', institucion: t, rol }
}

/**
 * The person who chaired and the secretary, from the attendance the acta itself records (so a
 * sealed acta names the same people for ever). When the secretaría de actas did not attend, the
 * acta says so and names who acted as secretary (sesion.secretariaSubrogante), or leaves the
 * line for them to sign with name and post.
 */
export function firmasActa(c: ActaContenido, secretariaActas: string): Firmas {
  // Who chaired as chosen in the attendance; guessed from `preside` only when nobody was chosen.
  const elegido = c.sesion.presidente
  const presidio = quienPreside(
    c.asistencia,
    elegido ? (a) => a.nombre === elegido.nombre : null,
    c.sesion.preside
  )
  const secretaria = buscarEnAsistencia(secretariaActas, c.asistencia, presidio)
  const firmaPreside = elegido
    ? { ...elegido, rol: 'Preside' }
    : presidio
      ? firmante(presidio, 'Preside')
      : segunTexto(c.sesion.preside, 'Preside')
  const sub = c.sesion.secretariaSubrogante
  const actuo: Firmante | null = sub
    ? {
        nombre: sub.nombre,
        cargo: sub.cargo,
        institucion: sub.institucion,
        rol: `Actuó como ${secretarioDe(sub)} de actas`
      }
    : null
  if (secretaria.presente && !actuo)
    return {
      firmantes: [firmaPreside, firmante(secretaria.presente, 'Secretaría de actas')],
      subrogacion: null
    }
  const faltante = secretaria.ausente
  // Whoever acted for an absent secretaría signs on a blank line. Nobody else in the attendance
  // to name (the one who presides is the secretaría, or no attendance was taken): the text as
  // written if it names someone else, else a blank line for the name to be written by hand.
  const mismo = presidio && buscarEnAsistencia(secretariaActas, [presidio]).presente
  const enBlanco: Firmante = faltante
    ? { nombre: '', cargo: '', institucion: '', rol: 'Actuó como secretario/a de actas' }
    : mismo
      ? { nombre: '', cargo: '', institucion: '', rol: 'Secretaría de actas' }
      : segunTexto(secretariaActas, 'Secretaría de actas')
  return {
    firmantes: [firmaPreside, actuo ?? enBlanco],
    subrogacion: subrogacionDe(secretaria.presente ? null : faltante, actuo, sub)
  }
}

/**
 * The header's "Secretaría de actas", agreeing with the signature: whoever acted as secretary is
 * named beside the secretaría, which is never given alone while someone else signs for it.
 */
export function encabezadoSecretaria(c: ActaContenido, secretariaActas: string): string {
  const base = secretariaActas || '—'
  const sub = c.sesion.secretariaSubrogante
  if (!sub) return base
  const quien = [sub.nombre, sub.institucion].filter(Boolean).join(', ')
  return `${base} (actuó como ${secretarioDe(sub)} de actas: ${quien})`
}

const FECHA_SIN_DIA = new Intl.DateTimeFormat('es-CL', { dateStyle: 'long', timeZone: 'UTC' })

/** "En Santiago, a 11 de junio de 2014, siendo las 10:00 horas, se da inicio a la Sesión…". */
export function formulaApertura(c: ActaContenido, ciudad: string): string {
  const s = c.sesion
  const fecha = FECHA_SIN_DIA.format(new Date(`${s.fecha}T12:00:00Z`))
  const hora = s.horaInicio ? `, siendo las ${s.horaInicio} horas` : ''
  const lugar = s.lugar.trim() ? `, en ${s.lugar.trim()}` : ''
  // "N° 2/2014" is never split at the line's end.
  const titulo = s.titulo.replace(/N° /g, 'N°\u00a0')
  return `En ${ciudad}, a ${fecha}${hora}, se da inicio a la ${titulo} ${deInstancia(s.instancia)}${lugar}.`
}
