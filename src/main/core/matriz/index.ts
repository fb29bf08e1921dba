// What other domains may use of the matrix workbooks.
export { libroAcuerdos } from './exportar/acuerdos-libro'
