// What other domains may use of the matrix workbooks.
export { libroAcuerdos } from './exportar/acuerdos-libro'
export { alto, encabezado, estilo, lineas } from './exportar/formato'
export { FORMATO_TEXTO, pareceFormula, ponerTexto, textoExportable } from './texto-celda'
