import { contract, type Channel } from './contract'

export type { Channel } from './contract'

/** Every API method, derived from the contract. */
export const CHANNELS = Object.keys(contract) as Channel[]

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(contract, value)
}

/** Verbs of methods that never write the database (a test holds every such channel to it). */
const LECTURAS = [
  'info',
  'listar',
  'arbol',
  'obtener',
  'estado',
  'documento',
  'previsualizar',
  'exportar',
  'buscar',
  'comparar',
  // Stops a task; the task's own writes are rolled back. Served at once, even while an import
  // holds the connection (no actor is looked up for it: it records nothing).
  'cancelar'
] as const

export function esLectura(channel: Channel): boolean {
  return (LECTURAS as readonly string[]).includes(channel.slice(channel.indexOf(':') + 1))
}
