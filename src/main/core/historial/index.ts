// What other parts of the core use of the history: its handlers, and who each write is made by.
export { historialHandlers } from './handlers'
export { conQuien } from './quien'
