import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { Ejecucion, Frontera, Herramienta, Salida } from './preparar'

/** The environment a tool runs with: this one, with the Ejecucion's variables set or unset. */
export function entornoPara(base: NodeJS.ProcessEnv, cambios: Ejecucion['env']): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base }
  for (const [k, v] of Object.entries(cambios)) {
    // An empty value unsets it, in whatever case npm (or the user) exported it.
    for (const clave of Object.keys(env))
      if (clave.toLowerCase() === k.toLowerCase()) delete env[clave]
    if (v !== '') env[k] = v
  }
  return env
}

/** The real process boundary: the installed packages' own tools, run with this Node. */
export function fronteraReal(
  raiz: string,
  fuente: string,
  entorno: NodeJS.ProcessEnv = process.env
): Frontera {
  const desdeRaiz = createRequire(path.join(raiz, 'package.json'))
  const desdeFuente = createRequire(path.join(fuente, 'package.json'))
  const electronDir = path.dirname(desdeRaiz.resolve('electron/package.json'))
  const scripts: Record<Herramienta, () => string> = {
    'install-electron': () => path.join(electronDir, 'install.js'),
    'prebuild-install': () => desdeFuente.resolve('prebuild-install/bin.js'),
    // Not a dependency of ours: hoisted from @electron/rebuild (electron-builder), else the
    // one npm runs install scripts with.
    'node-gyp': () => {
      try {
        return desdeRaiz.resolve('node-gyp/bin/node-gyp.js')
      } catch (e) {
        if (entorno.npm_config_node_gyp) return entorno.npm_config_node_gyp
        throw e
      }
    }
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
      const override = entorno.ELECTRON_EXEC_PATH
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
    ejecutar: (e) => ejecutar(e, scripts[e.herramienta], entorno)
  }
}

function ejecutar(e: Ejecucion, script: () => string, entorno: NodeJS.ProcessEnv): Salida {
  let archivo: string
  try {
    archivo = script()
  } catch (error) {
    return { codigo: 127, texto: `${e.herramienta} no está instalado: ${String(error)}` }
  }
  const r = spawnSync(process.execPath, [archivo, ...e.args], {
    cwd: e.cwd,
    env: entornoPara(entorno, e.env),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const texto = `${r.stdout ?? ''}\n${r.stderr ?? ''}${r.error ? `\n${String(r.error)}` : ''}`
  // Killed by a signal (Ctrl+C reaches the tool too), not by spawnSync's own limits.
  if (r.signal && !r.error) return { codigo: 1, texto, senal: r.signal }
  return { codigo: r.status ?? 1, texto }
}
