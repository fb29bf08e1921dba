import type { Kysely } from 'kysely'
import type { Database } from './db/schema'
import type { AppInfo } from '../../shared/api/contract'
import type { PdfPrinter } from './actas/documentos/archivo'
import type { Logger } from './dispatch'
import type { Tareas } from './tareas'
import type { AlmacenPerfil } from './historial/perfil-local'
import type { AvisoRespaldo, Evento } from '../../shared/api/eventos'

/** What differs by host (app, bridge, CLI, tests): given to the core, never reached for. */
export interface ApiEnvironment {
  info: () => AppInfo
  /** How this process prints PDFs; null where none is available. */
  printPdf: PdfPrinter | null
  /** Called after an acta is approved (the app takes a backup then). */
  alAprobar?: () => Promise<unknown>
  /** Writes a checked backup of the live database to a file. */
  respaldar: (destino: string) => Promise<unknown>
  /**
   * «Respaldar ahora» into the backups folder, checked and rotated as the automatic ones; returns
   * the file. Absent where the host keeps no folder (a temporary file is offered instead).
   */
  respaldoManual?: () => Promise<string>
  /** Where unexpected errors of long tasks go (no request is left to carry them). */
  log: Logger
  /** Where events for the screens go (task progress); hosts push them on. */
  alEvento: (evento: Evento) => void
  /** The failed backups the host keeps for pages that open later; none where it keeps none. */
  avisos?: () => AvisoRespaldo[]
  /**
   * Who uses this copy, kept by the host (a notebook on a shared server, #17); absent: the
   * database's own profile row (a local file is one notebook's).
   */
  perfil?: AlmacenPerfil
  /** The clock: what "today" is (deadlines, fe de erratas); tests and hosts may fix it. */
  reloj: () => Date
}

/** What every domain's handlers work with. */
export interface CoreContext {
  db: Kysely<Database>
  env: ApiEnvironment
  tareas: Tareas
  /**
   * Runs `f` holding the database connection: a backup copies through the same connection and
   * must not copy while an import holds a transaction open between its steps.
   */
  aSolas: <T>(f: () => Promise<T>) => Promise<T>
  /** Today in Chile by the environment's clock, as an ISO date. */
  hoy: () => string
}
