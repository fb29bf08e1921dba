import fs from 'node:fs'
import os from 'node:os'
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
  /** Electron's userData: on Linux it follows $XDG_CONFIG_HOME and $HOME. */
  userData: string
  /** Electron's appData (on Windows, the system's Roaming folder, not %APPDATA%). */
  appData: string
  /** app.getName(): the folder's name under appData. */
  nombre: string
  plataforma: NodeJS.Platform
  /** The account's home from the system's user database (not $HOME); null when it has none. */
  homeDeCuenta: string | null
}

export interface Arranque {
  /** The data folder (database, backups, logs): see carpetaDeDatos. */
  userData: string
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
  const userData = carpetaDeDatos(e)
  const porDefecto = path.join(userData, 'secretaria-mitp.db')
  if (e.isPackaged) {
    return {
      userData,
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
    userData,
    dbPath: flag ? flag.slice('--db='.length) : (e.env.MITP_DB ?? porDefecto),
    nativeBinding: candidatos.find((c): c is string => !!c && existe(c)),
    rendererUrl: e.env.ELECTRON_RENDERER_URL || null,
    devtools: true,
    rechazados: []
  }
}

/**
 * The data folder. In development, Electron's (it follows $XDG_CONFIG_HOME and $HOME, as a
 * developer expects). Installed, it follows no environment variable or switch: a launcher, a
 * script or a shortcut that sets XDG_CONFIG_HOME, HOME or --user-data-dir would otherwise open
 * (and back up, and restore over) another folder's database without the user choosing it. On
 * Windows it is the system's Roaming folder as Electron asks the system for it (folder
 * redirection by IT is honoured; %APPDATA% is not read); on Linux and macOS, the standard folder
 * under the account's home as the system's user database has it. An account with no entry there
 * (rare: some containers) keeps Electron's folder.
 */
export function carpetaDeDatos(
  e: Pick<Entorno, 'isPackaged' | 'userData' | 'appData' | 'nombre' | 'plataforma' | 'homeDeCuenta'>
): string {
  if (!e.isPackaged) return e.userData
  if (e.plataforma === 'win32') return path.join(e.appData, e.nombre)
  if (!e.homeDeCuenta) return e.userData
  return e.plataforma === 'darwin'
    ? path.join(e.homeDeCuenta, 'Library', 'Application Support', e.nombre)
    : path.join(e.homeDeCuenta, '.config', e.nombre)
}

/** The account's home from the system's user database, never from $HOME. */
export function homeDeCuenta(): string | null {
  try {
    return os.userInfo().homedir || null
  } catch {
    return null
  }
}
