import type { Kysely } from 'kysely'
import type { Database } from './db/schema'
import type { ApiHandlers } from '../../shared/api/contract'
import type { ApiEnvironment, CoreContext } from './contexto'
import type { AppDatabase, AppDatabaseSqlite } from './db/open'
import { AppError } from './errors'
import type { PdfPrinter } from './actas/documentos/archivo'
import { respaldar, respaldoAutomatico } from './respaldos'
import type { Logger } from './dispatch'
import type { AvisoRespaldo, Evento } from '../../shared/api/eventos'
import { logPorStderr } from './cliente'
import { Tareas } from './tareas'
import { hoyChile } from '../../shared/domain/fechas'
import { sistemaHandlers } from './sistema/handlers'
import { planHandlers } from './plan/handlers'
import { institucionesHandlers } from './instituciones/handlers'
import { personasHandlers } from './personas/handlers'
import { sesionesHandlers } from './sesiones/handlers'
import { asistenciaHandlers } from './asistencia/handlers'
import { tablaHandlers } from './tabla/handlers'
import { avancesHandlers } from './avances/handlers'
import { acuerdosHandlers } from './acuerdos/handlers'
import { tableroHandlers } from './tablero/handlers'
import { actasHandlers } from './actas/handlers'
import { matrizHandlers } from './matriz/handlers'
import { busquedaHandlers } from './busqueda/handlers'
import { informeHandlers } from './informe/handlers'
import { conQuien, historialHandlers } from './historial'
import { intercambioHandlers } from './intercambio/handlers'
import { baseDatosSinAnfitrion } from './base-datos/handlers'
import { perfilEnArchivo, perfilEnMemoria } from './historial/perfil-local'

export type { ApiEnvironment } from './contexto'

/** Implements the contract over one database, one domain's handlers at a time. */
export function createApi(db: Kysely<Database>, env: ApiEnvironment): ApiHandlers {
  const ctx: CoreContext = {
    db,
    env,
    tareas: new Tareas(env.log, (tarea) => env.alEvento({ tipo: 'tarea', tarea })),
    aSolas: (f) => db.connection().execute(() => f()),
    hoy: () => hoyChile(env.reloj())
  }
  // Every write is recorded with who made it (historial/quien.ts).
  return conQuien(ctx, {
    ...sistemaHandlers(ctx),
    ...planHandlers(ctx),
    ...institucionesHandlers(ctx),
    ...personasHandlers(ctx),
    ...sesionesHandlers(ctx),
    ...asistenciaHandlers(ctx),
    ...tablaHandlers(ctx),
    ...avancesHandlers(ctx),
    ...acuerdosHandlers(ctx),
    ...tableroHandlers(ctx),
    ...actasHandlers(ctx),
    ...matrizHandlers(ctx),
    ...busquedaHandlers(ctx),
    ...informeHandlers(ctx),
    ...historialHandlers(ctx),
    ...intercambioHandlers(ctx),
    // Served by the host before a call reaches the core (base-datos/handlers.ts).
    ...baseDatosSinAnfitrion()
  })
}

/** A manual backup into the folder: never skipped (only a daily one is), so always a file. */
const manual = (app: AppDatabaseSqlite, dir: string) => async (): Promise<string> =>
  (await respaldoAutomatico(app.handle, dir, 'manual'))!

/** A server's backups are IT's (pg_dump, README): the app copies no server to a file. */
const enServidor = async (): Promise<never> => {
  throw new AppError(
    'no_autorizado',
    'Esta instalación usa la base de datos compartida del servidor: sus respaldos los hace informática (pg_dump), no la aplicación.'
  )
}

/** The API over an opened app database, as every process wires it (shell, bridge, CLI, tests). */
export function createAppApi(
  app: AppDatabase,
  options: {
    version: string
    printPdf?: PdfPrinter | null
    alAprobar?: () => Promise<unknown>
    /** Where «Respaldar ahora» leaves its copy: the backups folder, where the host keeps one. */
    respaldosDir?: string | null
    /** The failed backups this host keeps (the core's worker does). */
    avisos?: () => AvisoRespaldo[]
    /** Unexpected errors of long tasks; standard error when the process gave no log. */
    log?: Logger
    /** Events for the screens (task progress); dropped where nobody listens. */
    alEvento?: (evento: Evento) => void
    /** The clock (the system's unless given). */
    reloj?: () => Date
    /**
     * On a server, the file where this notebook keeps its user's profile; without one, this
     * process keeps it in memory. Ignored on a local file (its profile is in the file).
     */
    perfilArchivo?: string | null
  }
): ApiHandlers {
  return createApi(app.db, {
    info: () => ({ version: options.version, schemaVersion: app.schemaVersion, dbPath: app.path }),
    printPdf: options.printPdf ?? null,
    respaldar: app.dialecto === 'sqlite' ? (destino) => respaldar(app.handle, destino) : enServidor,
    log: options.log ?? logPorStderr,
    alEvento: options.alEvento ?? (() => {}),
    reloj: options.reloj ?? (() => new Date()),
    ...(options.alAprobar ? { alAprobar: options.alAprobar } : {}),
    ...(options.avisos ? { avisos: options.avisos } : {}),
    ...(app.dialecto === 'postgres'
      ? {
          perfil: options.perfilArchivo ? perfilEnArchivo(options.perfilArchivo) : perfilEnMemoria()
        }
      : {}),
    ...(options.respaldosDir && app.dialecto === 'sqlite'
      ? { respaldoManual: manual(app, options.respaldosDir) }
      : {})
  })
}
