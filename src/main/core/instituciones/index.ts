// What other domains may use of the institutions and instancias.
export { listarInstituciones } from './instituciones.service'
export { toInstancia } from './filas'
