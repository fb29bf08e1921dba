import { safeStorage } from 'electron'
import { MENSAJE_SIN_ALMACEN_SEGURO, type PuertoCifrado } from '../core/base-datos/cifrado'

/**
 * The system's keychain through Electron's safeStorage (Keychain on macOS, DPAPI on Windows, a
 * secret service on Linux). Where safeStorage would fall back to a hardcoded key (Linux with no
 * secret service: backend 'basic_text'), it counts as no secure storage at all: the password is
 * refused, not stored readable. The async API: the sync one is deprecated in Electron 45.
 */
export function cifradoElectron(plataforma: NodeJS.Platform = process.platform): PuertoCifrado {
  return {
    impedimento: async () => {
      if (!(await safeStorage.isAsyncEncryptionAvailable())) return MENSAJE_SIN_ALMACEN_SEGURO
      if (plataforma === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text')
        return MENSAJE_SIN_ALMACEN_SEGURO
      return null
    },
    cifrar: (texto) => safeStorage.encryptStringAsync(texto),
    descifrar: async (datos) => (await safeStorage.decryptStringAsync(datos)).result
  }
}
