// What other domains may use of the attendance.
export { toAsistencia } from './asistencia.service'
export { faltanFirmantes, sinSubroganteSiAsiste } from './secretaria.service'
