import type { ActaContenido } from '../contenido-tipo'

type Asistente = ActaContenido['asistencia'][number]

/** One signature line: the person who signs, as the attendance names them, and in what role. */
export interface Firmante {
  nombre: string
  cargo: string
  institucion: string
  rol: string
}

const normal = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()

const ORDEN_CALIDAD = { titular: 0, suplente: 1, invitado: 2 } as const

/**
 * Who the session's free text ("Ana Rojas", "MININT (DCO-DEM-SPD)", "SERNAM") points at in the
 * attendance: a person named in it, or else the members of the institution it starts with
 * (titular first, leaving out `excluir`: whoever presides does not also sign for the
 * secretaría). `presente` is the one who was there; `ausente` the one named who was not.
 */
export function buscarEnAsistencia(
  texto: string,
  asistencia: Asistente[],
  excluir: Asistente | null = null
): { presente: Asistente | null; ausente: Asistente | null } {
  const t = normal(texto)
  if (!t) return { presente: null, ausente: null }
  const porNombre = asistencia.filter((a) => {
    const n = normal(a.nombre)
    return n !== '' && (t.includes(n) || n.startsWith(`${t} `))
  })
  const sigla = normal(texto.split('(')[0]!)
  const candidatos = porNombre.length
    ? porNombre
    : asistencia
        .filter((a) => a !== excluir)
        .filter((a) => a.calidad !== 'invitado' && normal(a.institucion) === sigla)
        .sort((a, b) => ORDEN_CALIDAD[a.calidad] - ORDEN_CALIDAD[b.calidad])
  return {
    presente: candidatos.find((a) => a.estado === 'presente') ?? null,
    ausente: candidatos.find((a) => a.estado !== 'presente') ?? null
  }
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

/** The secretaría de actas did not attend: the acta says so, and who acted for it if named. */
function subrogacionDe(faltante: Asistente | null, actuo: Firmante | null): string | null {
  const quien = actuo
    ? `actuó como secretario/a de actas ${[actuo.nombre, actuo.cargo, actuo.institucion].filter(Boolean).join(', ')}`
    : 'actuó como secretario/a de actas quien firma en su lugar'
  if (!faltante) return actuo ? `En esta sesión ${quien}.` : null
  return `La secretaría de actas (${faltante.nombre}, ${faltante.institucion}) no asistió a esta sesión (${
    faltante.estado === 'excusado' ? 'excusada' : 'ausente'
  }); ${quien}.`
}

/**
 * The person who chaired and the secretary, from the attendance the acta itself records (so a
 * sealed acta names the same people for ever). When the secretaría de actas did not attend, the
 * acta says so and names who acted as secretary (sesion.secretariaSubrogante), or leaves the
 * line for them to sign with name and post.
 */
export function firmasActa(c: ActaContenido, secretariaActas: string): Firmas {
  const preside = buscarEnAsistencia(c.sesion.preside, c.asistencia)
  const secretaria = buscarEnAsistencia(secretariaActas, c.asistencia, preside.presente)
  const firmaPreside = preside.presente
    ? firmante(preside.presente, 'Preside')
    : { nombre: c.sesion.preside, cargo: '', institucion: '', rol: 'Preside' }
  const sub = c.sesion.secretariaSubrogante
  const actuo = sub ? { ...sub, rol: 'Actuó como secretario/a de actas' } : null
  if (secretaria.presente && !actuo)
    return {
      firmantes: [firmaPreside, firmante(secretaria.presente, 'Secretaría de actas')],
      subrogacion: null
    }
  const faltante = secretaria.ausente
  const enBlanco = {
    nombre: faltante ? '' : secretariaActas,
    cargo: '',
    institucion: '',
    rol: faltante ? 'Actuó como secretario/a de actas' : 'Secretaría de actas'
  }
  return {
    firmantes: [firmaPreside, actuo ?? enBlanco],
    subrogacion: subrogacionDe(secretaria.presente ? null : faltante, actuo)
  }
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
  return `En ${ciudad}, a ${fecha}${hora}, se da inicio a la ${titulo} de la ${s.instancia}${lugar}.`
}
