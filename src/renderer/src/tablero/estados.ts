import { AVANCE_ESTADO_LABEL } from '../../../shared/domain/sesiones'
import type { EstadoTablero } from '../../../shared/tablero/contract'

/** Each estado's label and colour, the same in every chart and table of the dashboard. */
export const ESTADOS: { estado: EstadoTablero; label: string; color: string }[] = [
  { estado: 'cumplida', label: AVANCE_ESTADO_LABEL.cumplida, color: 'teal.6' },
  { estado: 'en_curso', label: AVANCE_ESTADO_LABEL.en_curso, color: 'blue.6' },
  { estado: 'atrasada', label: AVANCE_ESTADO_LABEL.atrasada, color: 'orange.6' },
  { estado: 'no_iniciada', label: AVANCE_ESTADO_LABEL.no_iniciada, color: 'gray.6' },
  { estado: 'sin_reporte', label: 'Sin reporte aprobado', color: 'gray.3' }
]

/** "45,5 %" as written in Chile; a dash when there is no figure. */
export const pct = (n: number | null): string =>
  n === null ? '—' : `${n.toLocaleString('es-CL', { maximumFractionDigits: 1 })} %`
