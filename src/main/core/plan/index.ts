// What other domains may use of the plan.
export { planArbol } from './plan.service'
export { abrirPeriodo, periodoAbierto } from './periodos.service'
