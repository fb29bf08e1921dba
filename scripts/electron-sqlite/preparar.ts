import fs from 'node:fs'
import path from 'node:path'
import { esDeRed, mensajeFalta, ultimasLineas, type Falta } from './mensajes'

/**
 * Prepares what `npm run dev` and `npm run package` need from outside the package registry:
 * Electron's own binary (dev only) and better-sqlite3 built for Electron's ABI, which goes to
 * build-electron/ with a stamp, never into node_modules (the tests use the Node build there).
 * Everything that leaves this process goes through a Frontera, so tests can fake it.
 */

export const CARPETA = 'build-electron'
export const BINDING = 'better_sqlite3.node'
export const SELLO = 'sello.json'
/** Work folders beside build-electron/, renamed onto it only when complete. */
export const PREFIJO_PREPARACION = '.build-electron-'

export type Herramienta = 'install-electron' | 'prebuild-install' | 'node-gyp'

export interface Ejecucion {
  herramienta: Herramienta
  args: string[]
  cwd: string
  /** Variables to set (an empty string unsets it for the tool). */
  env: Record<string, string>
}

export interface Salida {
  codigo: number
  /** stdout and stderr together. */
  texto: string
}

export interface Frontera {
  /** The installed electron package's version and module ABI. */
  electron(): { version: string; abi: string }
  /** Whether Electron's binary (downloaded on first use, not by npm install) is present. */
  electronInstalado(): boolean
  ejecutar(e: Ejecucion): Salida
}

export interface Opciones {
  /** Project root: build-electron/ is made here. */
  raiz: string
  /** The installed better-sqlite3 package (node_modules/better-sqlite3), only read. */
  fuente: string
  /** Where the working copy of better-sqlite3 goes (the system's temporary folder). */
  temporal: string
  plataforma: string
  arquitectura: string
  /** `npm run dev` needs Electron's binary too; electron-builder downloads its own. */
  conElectron: boolean
  frontera: Frontera
  avisar: (linea: string) => void
}

export type Resultado = { ok: true; hecho: string[] } | { ok: false; mensaje: string }

export interface Sello {
  electron: string
  abi: string
  betterSqlite3: string
  plataforma: string
  arquitectura: string
  origen?: 'prebuilt' | 'node-gyp'
}

const CLAVES = ['electron', 'abi', 'betterSqlite3', 'plataforma', 'arquitectura'] as const

export function prepararElectron(o: Opciones): Resultado {
  limpiarRestos(o.raiz)
  const { version, abi } = o.frontera.electron()
  const faltas: Falta[] = []
  const hecho: string[] = []
  if (o.conElectron && !o.frontera.electronInstalado()) {
    o.avisar(`Descargando Electron ${version}…`)
    const s = o.frontera.ejecutar({
      herramienta: 'install-electron',
      args: [],
      cwd: o.raiz,
      env: {}
    })
    if (s.codigo === 0 && o.frontera.electronInstalado())
      hecho.push(`Electron ${version} descargado.`)
    else
      faltas.push({
        que: 'electron',
        causa: esDeRed(s.texto) ? 'sin-red' : 'otra',
        salida: s.texto
      })
  }
  const esperado: Sello = {
    electron: version,
    abi,
    betterSqlite3: leerVersion(o.fuente),
    plataforma: o.plataforma,
    arquitectura: o.arquitectura
  }
  if (!alDia(o.raiz, esperado)) {
    const r = obtenerBinding(o, esperado)
    if ('falta' in r) faltas.push(r.falta)
    else hecho.push(`${CARPETA}/${BINDING} listo para Electron ${version} (${r.origen}).`)
  }
  if (faltas.length > 0) return { ok: false, mensaje: mensajeFalta(faltas, version) }
  return { ok: true, hecho }
}

function leerVersion(paquete: string): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(paquete, 'package.json'), 'utf8')) as {
    version: string
  }
  return pkg.version
}

/** The stamp matches what is wanted now, and the binding it describes is there. */
export function alDia(raiz: string, esperado: Sello): boolean {
  const dir = path.join(raiz, CARPETA)
  let sello: Partial<Sello>
  try {
    sello = JSON.parse(fs.readFileSync(path.join(dir, SELLO), 'utf8')) as Partial<Sello>
  } catch {
    return false
  }
  return CLAVES.every((k) => sello[k] === esperado[k]) && fs.existsSync(path.join(dir, BINDING))
}

/** Work folders left by a run that was killed half-way: never read, only removed. */
function limpiarRestos(raiz: string): void {
  for (const nombre of fs.readdirSync(raiz)) {
    if (nombre.startsWith(PREFIJO_PREPARACION))
      fs.rmSync(path.join(raiz, nombre), { recursive: true, force: true })
  }
}

type Obtenido = { origen: 'prebuilt' | 'node-gyp' } | { falta: Falta }

function obtenerBinding(o: Opciones, esperado: Sello): Obtenido {
  const trabajo = fs.mkdtempSync(path.join(o.temporal, 'mitp-sqlite-electron-'))
  const preparacion = fs.mkdtempSync(path.join(o.raiz, PREFIJO_PREPARACION))
  try {
    const r = construir(o, esperado, trabajo)
    if ('falta' in r) return r
    const binario = path.join(trabajo, 'build', 'Release', BINDING)
    if (!esParaAbi(binario, esperado.abi))
      return { falta: { que: 'sqlite', causa: 'abi', salida: `ABI ${esperado.abi}` } }
    fs.copyFileSync(binario, path.join(preparacion, BINDING))
    const sello: Sello = { ...esperado, origen: r.origen }
    fs.writeFileSync(path.join(preparacion, SELLO), `${JSON.stringify(sello, null, 2)}\n`)
    reemplazar(preparacion, path.join(o.raiz, CARPETA))
    return r
  } finally {
    fs.rmSync(trabajo, { recursive: true, force: true })
    fs.rmSync(preparacion, { recursive: true, force: true })
  }
}

/** The prebuilt binary first, as better-sqlite3's own install does; node-gyp only without one. */
function construir(o: Opciones, esperado: Sello, trabajo: string): Obtenido {
  const { electron: version, arquitectura, plataforma } = esperado
  // prebuild-install reads package.json from where it runs and unpacks build/Release there.
  fs.copyFileSync(path.join(o.fuente, 'package.json'), path.join(trabajo, 'package.json'))
  o.avisar(`Descargando better-sqlite3 para Electron ${version}…`)
  const pre = o.frontera.ejecutar({
    herramienta: 'prebuild-install',
    args: ['--runtime', 'electron', '--target', version, '--arch', arquitectura],
    cwd: trabajo,
    env: { npm_config_platform: plataforma }
  })
  if (pre.codigo === 0) return { origen: 'prebuilt' }
  if (esDeRed(pre.texto)) return { falta: { que: 'sqlite', causa: 'sin-red', salida: pre.texto } }

  o.avisar(`No hay binario publicado para Electron ${version}; compilando con node-gyp…`)
  fs.cpSync(o.fuente, trabajo, {
    recursive: true,
    filter: (desde) => !/^(build|node_modules)$/.test(path.relative(o.fuente, desde))
  })
  const gyp = o.frontera.ejecutar({
    herramienta: 'node-gyp',
    args: [
      'rebuild',
      '--release',
      `--target=${version}`,
      '--runtime=electron',
      `--arch=${arquitectura}`,
      '--dist-url=https://electronjs.org/headers'
    ],
    cwd: trabajo,
    // ~/.npmrc's nodedir would build against Node's headers and label it Electron's.
    env: { npm_config_nodedir: '' }
  })
  if (gyp.codigo === 0) return { origen: 'node-gyp' }
  const salida = `${ultimasLineas(pre.texto, 3)}\n${gyp.texto}`
  return { falta: { que: 'sqlite', causa: esDeRed(gyp.texto) ? 'sin-red' : 'compilacion', salida } }
}

/** A non-N-API addon exports node_register_module_v<ABI>: a Node build would say 115, not 150. */
export function esParaAbi(binario: string, abi: string): boolean {
  if (!fs.existsSync(binario)) return false
  return fs.readFileSync(binario).includes(`node_register_module_v${abi}\0`)
}

/** Swaps the finished folder in with renames, so build-electron/ is never half-written. */
function reemplazar(nueva: string, destino: string): void {
  const vieja = `${nueva}-vieja`
  const habia = fs.existsSync(destino)
  if (habia) fs.renameSync(destino, vieja)
  fs.renameSync(nueva, destino)
  if (habia) fs.rmSync(vieja, { recursive: true, force: true })
}
