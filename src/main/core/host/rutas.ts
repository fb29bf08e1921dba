import { contract } from '../../../shared/api/contract'
import { isChannel } from '../../../shared/api/channels'

/**
 * Methods marked `pesado` in their domain's contract (whole workbooks, documents, backups, and
 * the tasks they start) are served by a second worker over the same database file, so the
 * screens' everyday calls are answered by the first one meanwhile. SQLite's WAL lets both read
 * at once; writes take turns.
 */
export const esPesado = (canal: string): boolean =>
  isChannel(canal) && contract[canal].pesado === true
