import fs from 'node:fs'
import path from 'node:path'
import { esOpcionAjena } from './opciones-ajenas'

/**
 * What the shell starts with, decided once from what it was given. The installed (packaged) app
 * trusts nothing from outside: no environment variable or flag may choose the native module it
 * loads into the main process, the page it shows and trusts with every IPC call, the developer
 * tools or the database file. Those overrides are for development (`!app.isPackaged`) only.
 * No Electron import here, so the rule is testable under Node.
 */
export interface Entorno {
  isPackaged: boolean
  env: NodeJS.ProcessEnv
  argv: readonly string[]
  /** process.resourcesPath: the installed app's own resources. */
  resourcesPath: string
  appPath: string
  userData: string
}

export interface Arranque {
  dbPath: string
  /** better_sqlite3.node built for Electron; undefined: the module's own build. */
  nativeBinding: string | undefined
  /** The development server's page; null: the built page at app://mitp. */
  rendererUrl: string | null
  devtools: boolean
  /** Chromium/Node switches the installed app refuses to start with (none in development). */
  rechazados: string[]
}

export function decidirArranque(
  e: Entorno,
  existe: (f: string) => boolean = fs.existsSync
): Arranque {
  const propio = path.join(e.resourcesPath, 'better_sqlite3.node')
  const porDefecto = path.join(e.userData, 'secretaria-mitp.db')
  if (e.isPackaged) {
    return {
      dbPath: porDefecto,
      nativeBinding: existe(propio) ? propio : undefined,
      rendererUrl: null,
      devtools: false,
      rechazados: e.argv.filter(esOpcionAjena)
    }
  }
  const flag = e.argv.find((a) => a.startsWith('--db='))
  const candidatos = [
    e.env.MITP_SQLITE_BINDING,
    propio,
    path.join(e.appPath, 'build-electron', 'better_sqlite3.node')
  ]
  return {
    dbPath: flag ? flag.slice('--db='.length) : (e.env.MITP_DB ?? porDefecto),
    nativeBinding: candidatos.find((c): c is string => !!c && existe(c)),
    rendererUrl: e.env.ELECTRON_RENDERER_URL || null,
    devtools: true,
    rechazados: []
  }
}
