// What other domains may use of the search.
export { buscar } from './busqueda.service'
export { expresionFts } from './consulta'
