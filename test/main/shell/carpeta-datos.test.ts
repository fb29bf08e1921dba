import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { carpetaDeDatos } from '../../../src/main/shell/arranque'

// The installed app once kept its data wherever $XDG_CONFIG_HOME (or $HOME) pointed: a launcher
// that set it opened, backed up and restored over another folder's database.
const base = {
  userData: '/tmp/xdg-puesto-por-otro/Secretaría MITP',
  appData: '/tmp/xdg-puesto-por-otro',
  nombre: 'Secretaría MITP',
  homeDeCuenta: '/home/ana'
}

describe('carpetaDeDatos', () => {
  it.each([
    ['linux', base, '/home/ana/.config/Secretaría MITP'],
    ['freebsd', base, '/home/ana/.config/Secretaría MITP'],
    ['darwin', base, '/home/ana/Library/Application Support/Secretaría MITP'],
    // Electron asks Windows for the Roaming folder (not %APPDATA%); --user-data-dir is not followed.
    [
      'win32',
      { ...base, appData: 'C:\\Users\\ana\\AppData\\Roaming', userData: 'D:\\otra' },
      path.join('C:\\Users\\ana\\AppData\\Roaming', 'Secretaría MITP')
    ],
    // No entry in the system's user database: Electron's folder, the only one there is.
    ['linux', { ...base, homeDeCuenta: null }, base.userData]
  ] as const)('packaged on %s: %j → %s', (plataforma, e, esperado) => {
    expect(carpetaDeDatos({ ...e, plataforma, isPackaged: true })).toBe(esperado)
  })

  it.each(['linux', 'darwin', 'win32'] as const)(
    'in development on %s: Electron’s folder (XDG_CONFIG_HOME and HOME are followed)',
    (plataforma) => {
      expect(carpetaDeDatos({ ...base, plataforma, isPackaged: false })).toBe(base.userData)
    }
  )
})
