import type { Channel } from '../../../shared/api/contract'

/**
 * Methods that can take seconds (whole workbooks, documents, backups, and the tasks they start):
 * served by a second worker over the same database file, so the screens' everyday calls are
 * answered by the first one meanwhile. SQLite's WAL lets both read at once; writes take turns.
 */
const PESADOS: ReadonlySet<string> = new Set([
  'matriz:exportar',
  'matriz:previsualizar',
  'matriz:importar',
  'tarea:estado',
  'tarea:cancelar',
  'acta:documento',
  'respaldo:ahora'
])

export const esPesado = (canal: Channel | string): boolean => PESADOS.has(canal)
