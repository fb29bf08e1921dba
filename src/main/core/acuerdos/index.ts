// What other domains may use of the acuerdos.
export { acuerdosConHistorial, acuerdosDto } from './acuerdos.service'
export { acuerdosRecientesDeAccion, delPlan, listarAcuerdos } from './lista.service'
export { abiertoSegunActas, estadoAprobado } from './situacion'
