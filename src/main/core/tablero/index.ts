// What other domains may use of the dashboard.
export { listarMetasVencidas } from './tablero.service'
