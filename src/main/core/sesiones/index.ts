// What other domains may use of the sessions: the acta lock and reading a session.
export { sesionDe, sesionEditable, sinSeguimientoAprobado } from './acta-guard'
export { obtenerSesion } from './lectura'
