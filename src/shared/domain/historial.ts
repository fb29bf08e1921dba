/** The history of changes in Spanish: what each table and field is called, values as read. */
import { formatFecha } from './fechas'
import { INDICADOR_TIPO_LABEL } from './plan'
import {
  ACUERDO_SITUACION_LABEL,
  ASISTENCIA_ESTADO_LABEL,
  AVANCE_ESTADO_LABEL,
  CALIDAD_LABEL,
  MODALIDAD_LABEL,
  SESION_ESTADO_LABEL,
  SESION_TIPO_LABEL
} from './sesiones'
import type { Cambio } from '../historial/contract'

export const TABLA_LABEL: Record<string, string> = {
  planes: 'Plan',
  ejes: 'Eje',
  objetivos: 'Objetivo',
  acciones: 'Acción',
  metas: 'Meta',
  indicadores: 'Indicador',
  instituciones: 'Institución',
  instancias: 'Instancia',
  personas: 'Persona',
  miembros: 'Miembro',
  sesiones: 'Sesión',
  asistencias: 'Asistencia',
  puntos_tabla: 'Punto de tabla',
  avances: 'Avance',
  mediciones: 'Medición de indicador',
  acuerdos: 'Acuerdo',
  seguimientos: 'Seguimiento de acuerdo',
  fe_erratas: 'Fe de erratas',
  app_settings: 'Configuración'
}

export const CAMPO_LABEL: Record<string, string> = {
  // The exchange's row-level conflict (#16): deleted on one side, changed on the other.
  _borrado: 'Borrada o conservada',
  nombre: 'Nombre',
  periodo_desde: 'Período desde',
  periodo_hasta: 'Período hasta',
  cerrado_at: 'Período cerrado el',
  codigo: 'Código',
  orden: 'Orden',
  texto: 'Texto',
  responsables: 'Responsables',
  rotulo_indicadores: 'Rótulo de indicadores',
  separador_codigo: 'Separador del código',
  plazo: 'Plazo',
  rotulo: 'Rótulo',
  tipo: 'Tipo',
  numerador: 'Numerador',
  denominador: 'Denominador',
  vineta: 'Viñeta',
  meta_valor: 'Meta numérica',
  sigla: 'Sigla',
  coordinador: 'Coordinador',
  secretaria_actas: 'Secretaría de actas',
  cargo: 'Cargo',
  correo: 'Correo',
  telefono: 'Teléfono',
  calidad: 'Calidad',
  numero: 'Número',
  anio: 'Año',
  fecha: 'Fecha',
  hora_inicio: 'Hora de inicio',
  hora_termino: 'Hora de término',
  lugar: 'Lugar',
  modalidad: 'Modalidad',
  preside: 'Preside',
  estado: 'Estado',
  proxima_fecha: 'Próxima sesión',
  proxima_lugar: 'Lugar de la próxima sesión',
  cerrada_at: 'Cerrada el',
  aprobada_at: 'Aprobada el',
  observaciones_aprobacion: 'Observaciones a la aprobación',
  hash: 'Huella del acta',
  aprobada_en_titulo: 'Aprobada en',
  aprobada_secretaria: 'Secretaría que firma',
  hash_anterior: 'Huella anterior',
  institucion: 'Institución',
  motivo: 'Motivo',
  titulo: 'Título',
  desarrollo: 'Desarrollo',
  accion_codigo: 'Acción',
  porcentaje: '% de avance',
  reporte: 'Reporte',
  indicador_texto: 'Indicador',
  valor: 'Valor',
  fecha_corte: 'Fecha de corte',
  nota: 'Nota',
  responsable: 'Responsable',
  key: 'Ajuste',
  value: 'Valor'
}

export const OPERACION_LABEL: Record<Cambio['operacion'], string> = {
  crear: 'Creó',
  modificar: 'Modificó',
  borrar: 'Borró'
}

export const etiquetaCampo = (campo: string): string => CAMPO_LABEL[campo] ?? campo

const partes = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'America/Santiago',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23'
})

/** An instant as read in Chile: 12-03-2014 12:04. */
export function fechaHoraChile(iso: string): string {
  // An unknown instant reads as such; formatting it would throw and blank the whole screen.
  if (Number.isNaN(Date.parse(iso))) return '—'
  const p = Object.fromEntries(partes.formatToParts(new Date(iso)).map((x) => [x.type, x.value]))
  return `${p.day}-${p.month}-${p.year} ${p.hour}:${p.minute}`
}

// The stored words of the enum fields, as the screens label them (no word means two things).
const ENUMS: Record<string, string> = {
  ...INDICADOR_TIPO_LABEL,
  ...SESION_TIPO_LABEL,
  ...SESION_ESTADO_LABEL,
  ...MODALIDAD_LABEL,
  ...CALIDAD_LABEL,
  ...ASISTENCIA_ESTADO_LABEL,
  ...AVANCE_ESTADO_LABEL,
  ...ACUERDO_SITUACION_LABEL
}
const CAMPOS_ENUM = ['tipo', 'estado', 'modalidad', 'calidad']

/** A recorded value as the user reads it: dates as in Chile, labels for states, a dash for none. */
export function valorLegible(v: unknown, campo = ''): string {
  if (v === null || v === undefined || v === '') return '—'
  if (CAMPOS_ENUM.includes(campo) && typeof v === 'string' && ENUMS[v]) return ENUMS[v]
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)) return fechaHoraChile(v)
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return formatFecha(v)
  // A decimal as written in Chile (80,5); no thousands separator, as the acta prints them.
  if (typeof v === 'number') return String(v).replace('.', ',')
  return String(v)
}
