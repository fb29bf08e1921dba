import fs from 'node:fs'
import path from 'node:path'
import type {
  Ejecucion,
  Frontera,
  Herramienta,
  Salida
} from '../../../scripts/electron-sqlite/preparar'

/**
 * Fakes at the process boundary: each tool does to the disk what the real one does (prebuild-install
 * and node-gyp leave build/Release/better_sqlite3.node where they run), or prints what the real one
 * prints when it fails.
 */
export type Guion = (e: Ejecucion, f: FronteraFalsa) => Salida

export interface FronteraFalsa extends Frontera {
  llamadas: Ejecucion[]
  instalado: boolean
}

export const VERSION = '45.5.0'
export const ABI = '150'

/** An ELF64 header: shared object (type 3) for x86-64 (machine 62) unless told otherwise. */
export function cabeceraElf(tipo = 3, maquina = 62, clase = 2): Buffer {
  const h = Buffer.alloc(64)
  h.write('\x7fELF', 0, 'latin1')
  h[4] = clase
  h[5] = 1
  h[6] = 1
  h.writeUInt16LE(tipo, 16)
  h.writeUInt16LE(maquina, 18)
  return h
}

/** Bytes standing for a Linux x64 addon built for one ABI (the symbol the real one exports). */
export const addon = (abi: string, marca = '', cabecera = cabeceraElf()): Buffer =>
  Buffer.concat([cabecera, Buffer.from(`…${marca}…node_register_module_v${abi}\0…`, 'latin1')])

function dejarAddon(cwd: string, abi: string, marca: string): void {
  fs.mkdirSync(path.join(cwd, 'build', 'Release'), { recursive: true })
  fs.writeFileSync(path.join(cwd, 'build', 'Release', 'better_sqlite3.node'), addon(abi, marca))
}

export const guiones = {
  prebuiltOk:
    (abi = ABI): Guion =>
    (e) => {
      // The real one aborts without a package.json where it runs.
      if (!fs.existsSync(path.join(e.cwd, 'package.json')))
        return { codigo: 1, texto: 'prebuild-install err setup No package.json found. Aborting...' }
      dejarAddon(e.cwd, abi, 'prebuilt')
      return {
        codigo: 0,
        texto: 'prebuild-install info install Successfully installed prebuilt binary!'
      }
    },
  sinPrebuilt: (): Guion => () => ({
    codigo: 1,
    texto: `prebuild-install warn install No prebuilt binaries found (target=${VERSION} runtime=electron arch=x64 libc= platform=linux)`
  }),
  prebuiltSinRed: (): Guion => () => ({
    codigo: 1,
    texto: [
      'prebuild-install info begin Prebuild-install version 7.1.3',
      `prebuild-install http request GET https://github.com/WiseLibs/better-sqlite3/releases/download/v12.4.1/better-sqlite3-v12.4.1-electron-v${ABI}-linux-x64.tar.gz`,
      'prebuild-install warn install getaddrinfo ENOTFOUND github.com'
    ].join('\n')
  }),
  gypOk:
    (abi = ABI): Guion =>
    (e) => {
      if (!fs.existsSync(path.join(e.cwd, 'binding.gyp')))
        return { codigo: 1, texto: 'gyp: binding.gyp not found' }
      dejarAddon(e.cwd, abi, 'node-gyp')
      return { codigo: 0, texto: 'gyp info ok' }
    },
  gypSinCompilador: (): Guion => () => ({
    codigo: 1,
    texto:
      'gyp info spawn make\ngyp ERR! build error\ngyp ERR! stack Error: not found: make\ngyp ERR! not ok'
  }),
  electronOk: (): Guion => (_e, f) => {
    f.instalado = true
    return { codigo: 0, texto: '' }
  },
  electronSinRed: (): Guion => () => ({
    codigo: 1,
    texto: 'TypeError: fetch failed\n    at node:internal/deps/undici/undici:14976:13'
  })
}

export function fronteraFalsa(
  guion: Partial<Record<Herramienta, Guion>>,
  opciones: { instalado?: boolean; abi?: string } = {}
): FronteraFalsa {
  const f: FronteraFalsa = {
    llamadas: [],
    instalado: opciones.instalado ?? true,
    electron: () => ({ version: VERSION, abi: opciones.abi ?? ABI }),
    electronInstalado: () => f.instalado,
    ejecutar(e) {
      f.llamadas.push(e)
      const g = guion[e.herramienta]
      if (!g) throw new Error(`no se esperaba ${e.herramienta}`)
      return g(e, f)
    }
  }
  return f
}
