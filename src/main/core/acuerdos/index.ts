// What other domains may use of the acuerdos.
export { acuerdosConHistorial, acuerdosDto } from './acuerdos.service'
export { listarAcuerdos } from './lista.service'
