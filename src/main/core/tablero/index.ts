// What other domains may use of the dashboard.
export { fila as filaEstados, listarMetasVencidas } from './tablero.service'
// The annual report counts as the dashboard does, up to its own date.
export { accionesConAvance, estadosPorEjeEInstancia, type FilaAccionEstado } from './consultas'
