// What other domains may use of the annual report: nothing yet (it only reads).
export { informeAnual } from './informe'
