import fs from 'node:fs'
import path from 'node:path'
import { esParaAbi } from './binario'
import { dormir, tomarCerrojo } from './cerrojo'
import { causaDeRed, mensajeFalta, ultimasLineas, type Falta } from './mensajes'

/**
 * Prepares what `npm run dev` and `npm run package` need from outside the package registry:
 * Electron's own binary (dev only) and better-sqlite3 built for Electron's ABI, which goes to
 * build-electron/ with a stamp, never into node_modules (the tests use the Node build there).
 * Everything that leaves this process goes through a Frontera, so tests can fake it.
 */

export const CARPETA = 'build-electron'
export const BINDING = 'better_sqlite3.node'
export const SELLO = 'sello.json'
/** Work folders beside build-electron/ (the tools run inside), renamed onto it only when complete. */
export const PREFIJO_PREPARACION = '.build-electron-'
export { esParaAbi }

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
  /** The signal that killed the tool (Ctrl+C reaches it too): the run stops, it is no answer. */
  senal?: string
}

export interface Frontera {
  /** The installed electron package's version and module ABI. */
  electron(): { version: string; abi: string }
  /** Whether Electron's binary (downloaded on first use, not by npm install) is present. */
  electronInstalado(): boolean
  ejecutar(e: Ejecucion): Salida
}

export interface Opciones {
  /** Project root: build-electron/ and the work folders are made here. */
  raiz: string
  /** The installed better-sqlite3 package (node_modules/better-sqlite3), only read. */
  fuente: string
  plataforma: string
  arquitectura: string
  /** `npm run dev` needs Electron's binary too; electron-builder downloads its own. */
  conElectron: boolean
  /** MITP_SQLITE_BINDING (dev only): the app loads it first, so it replaces build-electron/. */
  bindingPropio?: string
  frontera: Frontera
  avisar: (linea: string) => void
  /** How long to wait for another run on the same project, in ms (15 minutes). */
  espera?: number
}

export type Resultado = { ok: true; hecho: string[] } | { ok: false; mensaje: string }

export interface Sello {
  electron: string
  abi: string
  betterSqlite3: string
  plataforma: string
  arquitectura: string
  /** 'anterior': found in build-electron/ without a stamp (older script), checked and stamped. */
  origen?: 'prebuilt' | 'node-gyp' | 'anterior'
}

/** A tool was killed by a signal (Ctrl+C): nothing is concluded from it. */
export class Interrumpida extends Error {
  constructor(readonly senal: string) {
    super(`interrumpida (${senal})`)
  }
}

const CLAVES = ['electron', 'abi', 'betterSqlite3', 'plataforma', 'arquitectura'] as const

export function prepararElectron(o: Opciones): Resultado {
  const liberar = tomarCerrojo(o.raiz, { maximo: o.espera ?? 15 * 60_000, avisar: o.avisar })
  try {
    limpiarRestos(o.raiz)
    return preparar(o)
  } finally {
    liberar()
  }
}

function correr(o: Opciones, e: Ejecucion): Salida {
  const s = o.frontera.ejecutar(e)
  if (s.senal) throw new Interrumpida(s.senal)
  return s
}

function preparar(o: Opciones): Resultado {
  const { version, abi } = o.frontera.electron()
  const faltas: Falta[] = []
  const hecho: string[] = []
  if (o.conElectron && !o.frontera.electronInstalado()) {
    o.avisar(`Descargando Electron ${version}…`)
    const s = correr(o, { herramienta: 'install-electron', args: [], cwd: o.raiz, env: {} })
    if (s.codigo === 0 && o.frontera.electronInstalado())
      hecho.push(`Electron ${version} descargado.`)
    else faltas.push({ que: 'electron', causa: causaDeRed(s.texto) ?? 'otra', salida: s.texto })
  }
  const esperado: Sello = {
    electron: version,
    abi,
    betterSqlite3: leerVersion(o.fuente),
    plataforma: o.plataforma,
    arquitectura: o.arquitectura
  }
  if (o.bindingPropio) {
    if (esParaAbi(o.bindingPropio, esperado)) hecho.push(`Se usa MITP_SQLITE_BINDING.`)
    else faltas.push({ que: 'sqlite', causa: 'variable', salida: o.bindingPropio })
  } else if (!alDia(o.raiz, esperado)) {
    const r = sellarAnterior(o.raiz, esperado)
      ? ({ origen: 'anterior' } as const)
      : obtenerBinding(o, esperado)
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

/** What the script before the stamp left (build-electron/ without sello.json): kept if it fits. */
function sellarAnterior(raiz: string, esperado: Sello): boolean {
  const dir = path.join(raiz, CARPETA)
  if (fs.existsSync(path.join(dir, SELLO)) || !esParaAbi(path.join(dir, BINDING), esperado))
    return false
  escribirSello(dir, { ...esperado, origen: 'anterior' })
  return true
}

function escribirSello(dir: string, sello: Sello): void {
  fs.writeFileSync(path.join(dir, SELLO), `${JSON.stringify(sello, null, 2)}\n`)
}

/** Work folders left by a run that was killed half-way: never read, only removed (under the lock). */
function limpiarRestos(raiz: string): void {
  for (const nombre of fs.readdirSync(raiz)) {
    if (nombre.startsWith(PREFIJO_PREPARACION))
      fs.rmSync(path.join(raiz, nombre), { recursive: true, force: true })
  }
}

type Obtenido = { origen: 'prebuilt' | 'node-gyp' } | { falta: Falta }

function obtenerBinding(o: Opciones, esperado: Sello): Obtenido {
  let preparacion: string | undefined
  try {
    preparacion = fs.mkdtempSync(path.join(o.raiz, PREFIJO_PREPARACION))
    // Inside the project: prebuild-install reads .prebuild-installrc from every folder above.
    const trabajo = path.join(preparacion, 'trabajo')
    fs.mkdirSync(trabajo)
    const r = construir(o, esperado, trabajo)
    if ('falta' in r) return r
    const binario = path.join(trabajo, 'build', 'Release', BINDING)
    if (!esParaAbi(binario, esperado)) {
      const salida = `${esperado.plataforma} ${esperado.arquitectura}, ABI ${esperado.abi}`
      return { falta: { que: 'sqlite', causa: 'abi', salida, origen: r.origen } }
    }
    const listo = path.join(preparacion, 'listo')
    fs.mkdirSync(listo)
    // build-electron/ is read by whoever runs the app, whatever the umask.
    fs.chmodSync(listo, 0o755)
    fs.copyFileSync(binario, path.join(listo, BINDING))
    escribirSello(listo, { ...esperado, origen: r.origen })
    reemplazar(listo, path.join(o.raiz, CARPETA))
    return r
  } finally {
    if (preparacion) fs.rmSync(preparacion, { recursive: true, force: true })
  }
}

/** The prebuilt binary first, as better-sqlite3's own install does; node-gyp only without one. */
function construir(o: Opciones, esperado: Sello, trabajo: string): Obtenido {
  const { electron: version, arquitectura, plataforma } = esperado
  // prebuild-install reads package.json from where it runs and unpacks build/Release there.
  fs.copyFileSync(path.join(o.fuente, 'package.json'), path.join(trabajo, 'package.json'))
  o.avisar(`Descargando better-sqlite3 para Electron ${version}…`)
  const pre = correr(o, {
    herramienta: 'prebuild-install',
    // Given here, these beat any .prebuild-installrc (rc puts the command line last): no
    // local-prebuilds, no download= URL, unpacked where it runs.
    args: [
      ...['--runtime', 'electron', '--target', version, '--arch', arquitectura],
      ...['--platform', plataforma, '--path', '.', '--tag-prefix', 'v'],
      ...['--nolocal', '--no-download', '--no-build-from-source', '--no-force']
    ],
    cwd: trabajo,
    env: { npm_config_platform: plataforma }
  })
  if (pre.codigo === 0) return { origen: 'prebuilt' }
  const causaPre = causaDeRed(pre.texto)
  if (causaPre) return { falta: { que: 'sqlite', causa: causaPre, salida: pre.texto } }

  o.avisar(`No hay binario publicado para Electron ${version}; compilando con node-gyp…`)
  fs.cpSync(o.fuente, trabajo, {
    recursive: true,
    filter: (desde) => !/^(build|node_modules)$/.test(path.relative(o.fuente, desde))
  })
  const gyp = correr(o, {
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
  return { falta: { que: 'sqlite', causa: causaDeRed(gyp.texto) ?? 'compilacion', salida } }
}

type Renombrar = (desde: string, hacia: string) => void

/** Windows refuses a rename while an antivirus or the indexer holds a file: retried briefly. */
export function renombrar(desde: string, hacia: string, rename: Renombrar = fs.renameSync): void {
  for (let intento = 1; ; intento++) {
    try {
      rename(desde, hacia)
      return
    } catch (e) {
      const codigo = (e as NodeJS.ErrnoException).code
      if (intento >= 6 || !['EPERM', 'EACCES', 'EBUSY'].includes(codigo ?? '')) throw e
      dormir(50 * intento)
    }
  }
}

/** Swaps the finished folder in with renames, so build-electron/ is never half-written. */
export function reemplazar(nueva: string, destino: string, rename?: Renombrar): void {
  const mover = (a: string, b: string): void => renombrar(a, b, rename)
  const vieja = `${nueva}-vieja`
  const habia = fs.existsSync(destino)
  if (habia) mover(destino, vieja)
  try {
    mover(nueva, destino)
  } catch (e) {
    if (habia) mover(vieja, destino)
    throw e
  }
  if (habia) fs.rmSync(vieja, { recursive: true, force: true })
}
