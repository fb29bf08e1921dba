// What other domains and hosts may use of the exchange between installations (#16).
export {
  exportar,
  importar,
  vistaPrevia,
  PARA_CUALQUIERA,
  type IntercambioDeps,
  type VistaPrevia
} from './intercambio.service'
export type { Eleccion } from './aplicar'
export type { ActaDistinta, Conflicto } from './decidir'
export type { NumeroCambiado } from './numeros'
export { leerAjenas, type ActaAjena } from './ajenas'
export { creadasEn } from './creadas'
