// What other domains may use of the attendance.
export { toAsistencia } from './asistencia.service'
export { sinSubroganteSiAsiste } from './secretaria.service'
