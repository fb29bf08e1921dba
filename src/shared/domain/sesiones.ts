/** Sessions and their actas: enums with their Spanish labels, and the data the API returns. */

const labels = <K extends string>(l: Record<K, string>): Record<K, string> => l

export const SESION_TIPOS = ['ordinaria', 'extraordinaria'] as const
export type SesionTipo = (typeof SESION_TIPOS)[number]
export const SESION_TIPO_LABEL = labels<SesionTipo>({
  ordinaria: 'Ordinaria',
  extraordinaria: 'Extraordinaria'
})

export const MODALIDADES = ['presencial', 'remota', 'mixta'] as const
export type Modalidad = (typeof MODALIDADES)[number]
export const MODALIDAD_LABEL = labels<Modalidad>({
  presencial: 'Presencial',
  remota: 'Remota',
  mixta: 'Mixta'
})

export const SESION_ESTADOS = ['borrador', 'cerrada', 'aprobada'] as const
export type SesionEstado = (typeof SESION_ESTADOS)[number]
export const SESION_ESTADO_LABEL = labels<SesionEstado>({
  borrador: 'Borrador',
  cerrada: 'Cerrada',
  aprobada: 'Aprobada'
})

export const CALIDADES = ['titular', 'suplente', 'invitado'] as const
export type Calidad = (typeof CALIDADES)[number]
export const CALIDAD_LABEL = labels<Calidad>({
  titular: 'Titular',
  suplente: 'Suplente',
  invitado: 'Invitado/a'
})

export const ASISTENCIA_ESTADOS = ['presente', 'excusado', 'ausente'] as const
export type AsistenciaEstado = (typeof ASISTENCIA_ESTADOS)[number]
export const ASISTENCIA_ESTADO_LABEL = labels<AsistenciaEstado>({
  presente: 'Presente',
  excusado: 'Excusado/a',
  ausente: 'Ausente'
})

export const PUNTO_TIPOS = ['aprobacion_acta', 'cuenta', 'seguimiento', 'varios', 'otro'] as const
export type PuntoTipo = (typeof PUNTO_TIPOS)[number]

/** The agenda a new session starts with. */
export const TABLA_HABITUAL: { tipo: PuntoTipo; titulo: string }[] = [
  { tipo: 'aprobacion_acta', titulo: 'Aprobación del acta anterior' },
  { tipo: 'cuenta', titulo: 'Cuenta' },
  { tipo: 'seguimiento', titulo: 'Seguimiento de acuerdos' },
  { tipo: 'varios', titulo: 'Varios' }
]

export const AVANCE_ESTADOS = ['no_iniciada', 'en_curso', 'cumplida', 'atrasada'] as const
export type AvanceEstado = (typeof AVANCE_ESTADOS)[number]
export const AVANCE_ESTADO_LABEL = labels<AvanceEstado>({
  no_iniciada: 'No iniciada',
  en_curso: 'En curso',
  cumplida: 'Cumplida',
  atrasada: 'Atrasada'
})

export const ACUERDO_ESTADOS = ['pendiente', 'en_curso', 'cumplido'] as const
export type AcuerdoEstado = (typeof ACUERDO_ESTADOS)[number]
/** What an acuerdo shows: its last recorded state, or vencido when past its plazo unmet. */
export type AcuerdoSituacion = AcuerdoEstado | 'vencido'
export const ACUERDO_SITUACION_LABEL = labels<AcuerdoSituacion>({
  pendiente: 'Pendiente',
  en_curso: 'En curso',
  cumplido: 'Cumplido',
  vencido: 'Vencido'
})

export function situacionAcuerdo(
  estado: AcuerdoEstado,
  plazo: string | null,
  hoy: string
): AcuerdoSituacion {
  return estado !== 'cumplido' && plazo !== null && plazo < hoy ? 'vencido' : estado
}

/** Institutions present out of member institutions (guests do not count); more than half is quorum. */
export function calcularQuorum(
  asistencia: Pick<Asistencia, 'calidad' | 'estado' | 'institucion'>[]
): Quorum {
  const miembros = asistencia.filter((a) => a.calidad !== 'invitado')
  const total = new Set(miembros.map((a) => a.institucion)).size
  const presentes = new Set(
    miembros.filter((a) => a.estado === 'presente').map((a) => a.institucion)
  ).size
  return { presentes, total, alcanzado: total > 0 && presentes * 2 > total }
}

/** "Sesión Ordinaria N° 3/2014" */
export function tituloSesion(s: { tipo: SesionTipo; numero: number; anio: number }): string {
  return `Sesión ${SESION_TIPO_LABEL[s.tipo]} N° ${s.numero}/${s.anio}`
}

/** Percentage of a porcentaje indicator, rounded to one decimal; null when undefined. */
export function porcentajeDe(numerador: number | null, denominador: number | null): number | null {
  if (numerador === null || denominador === null || denominador === 0) return null
  return Math.round((numerador / denominador) * 1000) / 10
}

export interface Persona {
  id: string
  nombre: string
  cargo: string | null
  institucionId: string | null
  institucionSigla: string | null
  correo: string | null
  telefono: string | null
}

export interface Miembro {
  id: string
  instanciaId: string
  persona: Persona
  calidad: 'titular' | 'suplente'
}

export interface SesionResumen {
  id: string
  instanciaId: string
  instanciaNombre: string
  titulo: string
  tipo: SesionTipo
  numero: number
  anio: number
  fecha: string
  estado: SesionEstado
  acuerdos: number
  /** The installation that created it (#16), by name; null when not known here by name. */
  creadaEn?: string | null
}

export interface Sesion extends SesionResumen {
  horaInicio: string | null
  horaTermino: string | null
  lugar: string
  modalidad: Modalidad
  preside: string
  proximaFecha: string | null
  proximaLugar: string
  cerradaAt: string | null
  aprobadaAt: string | null
  aprobadaEnSesionId: string | null
  aprobadaEnSesionTitulo: string | null
  observacionesAprobacion: string
  hash: string | null
  /** The attendance row of who acted as secretary when the secretaría de actas did not attend. */
  secretariaSubroganteId: string | null
  /** The attendance row of who chaired, when chosen; the acta otherwise reads `preside`. */
  presidenteId: string | null
  updatedAt: string
}

export interface Asistencia {
  id: string
  personaId: string | null
  nombre: string
  cargo: string
  institucion: string
  calidad: Calidad
  estado: AsistenciaEstado
  motivo: string
}

export interface Quorum {
  presentes: number
  total: number
  /** More than half of the member institutions present. */
  alcanzado: boolean
}

export interface PuntoTabla {
  id: string
  titulo: string
  desarrollo: string
  tipo: PuntoTipo
  orden: number
}

export interface Medicion {
  indicadorId: string
  indicadorTexto: string
  tipo: 'hito' | 'conteo' | 'porcentaje'
  numeradorTexto: string | null
  denominadorTexto: string | null
  valor: number | null
  numerador: number | null
  denominador: number | null
  porcentaje: number | null
  fechaCorte: string | null
  nota: string
}

export interface AvanceAccion {
  accionId: string
  codigo: string
  texto: string
  estado: AvanceEstado | null
  porcentaje: number | null
  reporte: string
  /** The latest report from an earlier session, to start from. */
  anterior: {
    sesionTitulo: string
    fecha: string
    estado: AvanceEstado
    porcentaje: number | null
  } | null
  indicadores: Medicion[]
}

export interface Acuerdo {
  id: string
  sesionId: string
  sesionTitulo: string
  sesionFecha: string
  numero: number
  texto: string
  institucionId: string | null
  personaId: string | null
  responsable: string
  plazo: string | null
  accionId: string | null
  accionCodigo: string | null
  estado: AcuerdoEstado
  situacion: AcuerdoSituacion
  /** The installation that created it (#16), by name; null when not known here by name. */
  creadoEn?: string | null
}

export interface SeguimientoEntrada {
  sesionId: string
  sesionTitulo: string
  fecha: string
  estado: AcuerdoEstado
  nota: string
  /** Recorded in an acta not yet approved: outside a live session it does not move the acuerdo. */
  enBorrador?: boolean
}

/** An open acuerdo of an earlier session, as this session reviews it. */
export interface AcuerdoEnSeguimiento extends Acuerdo {
  /** What this session recorded for it, if anything yet. */
  enEstaSesion: { estado: AcuerdoEstado; nota: string } | null
  historial: SeguimientoEntrada[]
}

export interface FeErrata {
  id: string
  texto: string
  fecha: string
}

export interface SesionDetalle {
  sesion: Sesion
  instancia: {
    id: string
    nombre: string
    coordinador: string | null
    secretariaActas: string | null
  }
  editable: boolean
  asistencia: Asistencia[]
  quorum: Quorum
  puntos: PuntoTabla[]
  avances: AvanceAccion[]
  acuerdos: Acuerdo[]
  seguimiento: AcuerdoEnSeguimiento[]
  erratas: FeErrata[]
  /** Later sessions of the same instancia, where this acta can be approved. */
  sesionesPosteriores: { id: string; titulo: string }[]
  /** The session held just before this one in the instancia, whose acta this one approves. */
  actaAnterior: ActaAnterior | null
  /** Follow-ups that later sessions recorded on this session's acuerdos: deleting it removes them. */
  seguimientoPosterior: { notas: number; sesiones: number }
}

export interface ActaAnterior {
  id: string
  titulo: string
  fecha: string
  estado: SesionEstado
  /** Where it was approved: in this session, in another one, or not yet. */
  aprobadaEn: 'esta' | 'otra' | null
  aprobadaEnTitulo: string | null
  observaciones: string
  /** Whether the core would record its approval in this session (finalizada, this one later and in progress). */
  aprobable: boolean
  /** Why a finalizada acta cannot be approved in this session, in the core's words. */
  impedimento: string | null
}
