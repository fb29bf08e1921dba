import type { ApiHandlers } from '../../shared/api/contract'
import { createApi } from './api'
import type { AppDatabase } from './db/open'
import type { PdfPrinter } from './export/documento'
import { respaldar } from './respaldos'
import type { Logger } from './dispatch'
import type { Evento } from '../../shared/api/eventos'
import { logPorStderr } from './cliente'

/** The API over an opened app database, as every process wires it (shell, bridge, CLI, tests). */
export function createAppApi(
  app: AppDatabase,
  options: {
    version: string
    printPdf?: PdfPrinter | null
    alAprobar?: () => Promise<unknown>
    /** Unexpected errors of long tasks; standard error when the process gave no log. */
    log?: Logger
    /** Events for the screens (task progress); dropped where nobody listens. */
    alEvento?: (evento: Evento) => void
  }
): ApiHandlers {
  return createApi(app.db, {
    info: () => ({ version: options.version, schemaVersion: app.schemaVersion, dbPath: app.path }),
    printPdf: options.printPdf ?? null,
    respaldar: (destino) => respaldar(app.handle, destino),
    log: options.log ?? logPorStderr,
    alEvento: options.alEvento ?? (() => {}),
    ...(options.alAprobar ? { alAprobar: options.alAprobar } : {})
  })
}
