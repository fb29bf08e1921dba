import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { Ejecucion, Frontera, Herramienta, Salida } from './preparar'

/** The real process boundary: the installed packages' own tools, run with this Node. */
export function fronteraReal(raiz: string, fuente: string): Frontera {
  const desdeRaiz = createRequire(path.join(raiz, 'package.json'))
  const desdeFuente = createRequire(path.join(fuente, 'package.json'))
  const electronDir = path.dirname(desdeRaiz.resolve('electron/package.json'))
  const scripts: Record<Herramienta, () => string> = {
    'install-electron': () => path.join(electronDir, 'install.js'),
    'prebuild-install': () => desdeFuente.resolve('prebuild-install/bin.js'),
    'node-gyp': () => desdeRaiz.resolve('node-gyp/bin/node-gyp.js')
  }
  const version = (): string =>
    (
      JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8')) as {
        version: string
      }
    ).version

  return {
    electron() {
      const abiFile = path.join(electronDir, 'abi_version')
      const abi = fs.existsSync(abiFile)
        ? fs.readFileSync(abiFile, 'utf8').trim()
        : (desdeFuente('node-abi') as { getAbi(v: string, r: string): string }).getAbi(
            version(),
            'electron'
          )
      return { version: version(), abi }
    },
    // What electron-vite and electron's install.js look at.
    electronInstalado() {
      const override = process.env.ELECTRON_EXEC_PATH
      if (override) return fs.existsSync(override)
      try {
        const rel = fs.readFileSync(path.join(electronDir, 'path.txt'), 'utf8')
        const dist = fs.readFileSync(path.join(electronDir, 'dist', 'version'), 'utf8')
        return (
          dist.trim().replace(/^v/, '') === version() &&
          fs.existsSync(path.join(electronDir, 'dist', rel))
        )
      } catch {
        return false
      }
    },
    ejecutar: (e) => ejecutar(e, scripts[e.herramienta])
  }
}

function ejecutar(e: Ejecucion, script: () => string): Salida {
  let archivo: string
  try {
    archivo = script()
  } catch (error) {
    return { codigo: 127, texto: `${e.herramienta} no está instalado: ${String(error)}` }
  }
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const [k, v] of Object.entries(e.env)) {
    // An empty value unsets it, in whatever case npm exported it.
    for (const clave of [k, k.toUpperCase()]) delete env[clave]
    if (v !== '') env[k] = v
  }
  const r = spawnSync(process.execPath, [archivo, ...e.args], {
    cwd: e.cwd,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const texto = `${r.stdout ?? ''}\n${r.stderr ?? ''}${r.error ? `\n${String(r.error)}` : ''}`
  return { codigo: r.status ?? 1, texto }
}
