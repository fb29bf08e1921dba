// What other domains may use of the plan.
export { planArbol } from './plan.service'
export { abrirPeriodo, periodoAbierto, planDeFecha } from './periodos.service'
