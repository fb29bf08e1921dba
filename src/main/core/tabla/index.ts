// What other domains may use of the agenda.
export { toPunto } from './tabla.service'
