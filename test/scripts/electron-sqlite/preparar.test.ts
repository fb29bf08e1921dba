import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  esParaAbi,
  prepararElectron,
  type Frontera,
  type Resultado,
  type Sello
} from '../../../scripts/electron-sqlite/preparar'
import { ABI, addon, fronteraFalsa, guiones, VERSION } from './frontera-falsa'

// The preparation on real folders, with only the tools (downloads, compiler) faked.
let raiz: string
let fuente: string
const avisos: string[] = []

beforeEach(() => {
  raiz = fs.mkdtempSync(path.join(os.tmpdir(), 'mitp-prep-raiz-'))
  fuente = path.join(raiz, 'node_modules', 'better-sqlite3')
  fs.mkdirSync(path.join(fuente, 'src'), { recursive: true })
  fs.mkdirSync(path.join(fuente, 'build', 'Release'), { recursive: true })
  fs.writeFileSync(
    path.join(fuente, 'package.json'),
    '{"name":"better-sqlite3","version":"12.4.1"}'
  )
  fs.writeFileSync(path.join(fuente, 'binding.gyp'), '{}')
  fs.writeFileSync(path.join(fuente, 'src', 'better_sqlite3.cpp'), '// fuente')
  // node_modules' own build, for Node: the tests use it and it must stay as it is.
  fs.writeFileSync(path.join(fuente, 'build', 'Release', 'better_sqlite3.node'), addon('115'))
  avisos.length = 0
})
afterEach(() => {
  fs.rmSync(raiz, { recursive: true, force: true })
})

const preparar = (frontera: Frontera, conElectron = false): Resultado =>
  prepararElectron({
    raiz,
    fuente,
    plataforma: 'linux',
    arquitectura: 'x64',
    conElectron,
    frontera,
    avisar: (l) => avisos.push(l)
  })

const destino = (f = ''): string => path.join(raiz, 'build-electron', f)
const sello = (): Sello => JSON.parse(fs.readFileSync(destino('sello.json'), 'utf8')) as Sello
const binding = (): string => fs.readFileSync(destino('better_sqlite3.node'), 'latin1')

/** Every file under a folder with its hash: to show a tree was not touched. */
function huella(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const f of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const p = path.join(dir, f)
    if (fs.statSync(p).isFile())
      out[f] = crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex')
  }
  return out
}

/** Nothing half-written: no work folder beside build-electron/, no lock left. */
function sinRestos(): void {
  expect(
    fs.readdirSync(raiz).filter((n) => n !== 'build-electron' && n !== 'node_modules')
  ).toEqual([])
}

/** The tools run in a work folder inside the project, never in the shared temporary folder. */
const enTrabajo = (cwd: string): boolean =>
  path.dirname(path.dirname(cwd)) === raiz &&
  path.basename(path.dirname(cwd)).startsWith('.build-electron-')

const linux = { abi: ABI, plataforma: 'linux', arquitectura: 'x64' }

const actual: Sello = {
  electron: VERSION,
  abi: ABI,
  betterSqlite3: '12.4.1',
  plataforma: 'linux',
  arquitectura: 'x64'
}

function dejarViejo(s: Partial<Sello>): void {
  fs.mkdirSync(destino(), { recursive: true })
  fs.writeFileSync(destino('better_sqlite3.node'), addon('140', 'viejo'))
  fs.writeFileSync(destino('sello.json'), JSON.stringify({ ...actual, ...s }))
  fs.writeFileSync(destino('de-otra-version.txt'), 'viejo')
}

describe('prepararElectron', () => {
  it('without a binding, fetches the prebuilt one for Electron into build-electron/, stamped', () => {
    const antes = huella(fuente)
    const f = fronteraFalsa({ 'prebuild-install': guiones.prebuiltOk() })
    expect(preparar(f)).toEqual({
      ok: true,
      hecho: [`build-electron/better_sqlite3.node listo para Electron ${VERSION} (prebuilt).`]
    })
    expect(f.llamadas.map((l) => [l.herramienta, l.args, l.env])).toEqual([
      [
        'prebuild-install',
        [
          ...['--runtime', 'electron', '--target', VERSION, '--arch', 'x64'],
          ...['--platform', 'linux', '--path', '.', '--tag-prefix', 'v'],
          ...['--nolocal', '--no-download', '--no-build-from-source', '--no-force']
        ],
        { npm_config_platform: 'linux' }
      ]
    ])
    // It ran in a work folder, not in node_modules.
    expect(enTrabajo(f.llamadas[0]!.cwd)).toBe(true)
    expect(fs.readdirSync(destino()).sort()).toEqual(['better_sqlite3.node', 'sello.json'])
    expect(binding()).toContain('prebuilt')
    expect(esParaAbi(destino('better_sqlite3.node'), linux)).toBe(true)
    if (process.platform !== 'win32') expect(fs.statSync(destino()).mode & 0o777).toBe(0o755)
    expect(sello()).toEqual({ ...actual, origen: 'prebuilt' })
    expect(huella(fuente)).toEqual(antes)
    sinRestos()
  })

  it.each([
    ['another Electron version', { electron: '44.0.0' }],
    ['another ABI', { abi: '140' }],
    ['another better-sqlite3', { betterSqlite3: '11.10.0' }],
    ['another architecture', { arquitectura: 'arm64' }],
    ['another system', { plataforma: 'win32' }]
  ])('refetches a binding stamped for %s', (_caso, viejo) => {
    dejarViejo(viejo)
    const f = fronteraFalsa({ 'prebuild-install': guiones.prebuiltOk() })
    expect(preparar(f).ok).toBe(true)
    expect(f.llamadas).toHaveLength(1)
    expect(binding()).not.toContain('viejo')
    expect(sello()).toEqual({ ...actual, origen: 'prebuilt' })
    // The folder is replaced whole, not written over: nothing of the old one stays.
    expect(fs.readdirSync(destino()).sort()).toEqual(['better_sqlite3.node', 'sello.json'])
    sinRestos()
  })

  it('refetches when the stamp is there but the binding is not, or the stamp is unreadable', () => {
    dejarViejo({})
    fs.rmSync(destino('better_sqlite3.node'))
    const f = fronteraFalsa({ 'prebuild-install': guiones.prebuiltOk() })
    expect(preparar(f).ok).toBe(true)
    fs.writeFileSync(destino('sello.json'), '{roto')
    expect(preparar(f).ok).toBe(true)
    expect(f.llamadas).toHaveLength(2)
    expect(sello().electron).toBe(VERSION)
  })

  it('does nothing when the binding is current and Electron is there', () => {
    dejarViejo({})
    const antes = huella(raiz)
    const f = fronteraFalsa({}, { instalado: true })
    expect(preparar(f, true)).toEqual({ ok: true, hecho: [] })
    expect(f.llamadas).toEqual([])
    expect(huella(raiz)).toEqual(antes)
  })

  it('builds with node-gyp, from a copy of the sources, only where no prebuilt exists', () => {
    const antes = huella(fuente)
    const f = fronteraFalsa({
      'prebuild-install': guiones.sinPrebuilt(),
      'node-gyp': guiones.gypOk()
    })
    expect(preparar(f).ok).toBe(true)
    const gyp = f.llamadas[1]!
    expect(gyp.herramienta).toBe('node-gyp')
    expect(gyp.args).toEqual([
      'rebuild',
      '--release',
      `--target=${VERSION}`,
      '--runtime=electron',
      '--arch=x64',
      '--dist-url=https://electronjs.org/headers'
    ])
    // ~/.npmrc's nodedir=/usr would build for Node: it is unset for node-gyp.
    expect(gyp.env).toEqual({ npm_config_nodedir: '' })
    expect(enTrabajo(gyp.cwd)).toBe(true)
    expect(binding()).toContain('node-gyp')
    expect(sello().origen).toBe('node-gyp')
    expect(huella(fuente)).toEqual(antes)
    sinRestos()
  })

  it('without network: one clear message naming what is missing, and nothing written', () => {
    const f = fronteraFalsa(
      {
        'install-electron': guiones.electronSinRed(),
        'prebuild-install': guiones.prebuiltSinRed()
      },
      { instalado: false }
    )
    const r = preparar(f, true)
    expect(r).toEqual({
      ok: false,
      mensaje: [
        'No se pudo preparar la aplicación de escritorio. Falta:',
        `  - el programa Electron ${VERSION} (node_modules/electron/dist/): no se pudo descargar porque este equipo no tiene salida a internet (TypeError: fetch failed).`,
        `  - better-sqlite3 compilado para Electron ${VERSION} (build-electron/better_sqlite3.node): no se pudo descargar porque este equipo no tiene salida a internet (getaddrinfo ENOTFOUND github.com).`,
        'Mientras tanto, `npm run dev:web` abre la misma aplicación en el navegador.',
        'Cómo prepararla sin internet: README, sección "Sin internet".'
      ].join('\n')
    })
    // Without network node-gyp could not fetch Electron's headers either: not tried.
    expect(f.llamadas.map((l) => l.herramienta)).toEqual(['install-electron', 'prebuild-install'])
    expect(fs.existsSync(destino())).toBe(false)
    sinRestos()
  })

  it('without network, a stale build-electron/ is left exactly as it was', () => {
    dejarViejo({ electron: '44.0.0' })
    const antes = huella(destino())
    const f = fronteraFalsa({ 'prebuild-install': guiones.prebuiltSinRed() })
    const r = preparar(f)
    expect(r.ok).toBe(false)
    expect(huella(destino())).toEqual(antes)
    sinRestos()
  })

  it('says what a build needs when there is no prebuilt and no compiler', () => {
    const f = fronteraFalsa({
      'prebuild-install': guiones.sinPrebuilt(),
      'node-gyp': guiones.gypSinCompilador()
    })
    const r = preparar(f)
    if (r.ok) throw new Error('preparó')
    expect(r.mensaje).toContain('hacen falta Python y un compilador de C++')
    expect(r.mensaje).toContain('Visual Studio Build Tools')
    expect(r.mensaje).toContain('gyp ERR! stack Error: not found: make')
    expect(r.mensaje).toContain('`npm run dev:web`')
    expect(fs.existsSync(destino())).toBe(false)
    sinRestos()
  })

  it('refuses a binary built for Node but labelled as Electron’s', () => {
    const f = fronteraFalsa({ 'prebuild-install': guiones.prebuiltOk('115') })
    const r = preparar(f)
    if (r.ok) throw new Error('preparó')
    expect(r.mensaje).toContain(
      `lo descargado no es better-sqlite3 para Electron ${VERSION} en este equipo (linux x64, ABI ${ABI})`
    )
    // nodedir only misleads node-gyp: not mentioned for a download.
    expect(r.mensaje).not.toContain('nodedir')
    expect(fs.existsSync(destino())).toBe(false)
    sinRestos()
    const gyp = preparar(
      fronteraFalsa({ 'prebuild-install': guiones.sinPrebuilt(), 'node-gyp': guiones.gypOk('115') })
    )
    if (gyp.ok) throw new Error('preparó')
    expect(gyp.mensaje).toContain(`lo compilado no es para Electron ${VERSION}`)
    expect(gyp.mensaje).toContain('revise que ~/.npmrc no fije nodedir')
    sinRestos()
  })

  it('fetches Electron’s own binary for dev only, and only when it is missing', () => {
    dejarViejo({})
    const f = fronteraFalsa({ 'install-electron': guiones.electronOk() }, { instalado: false })
    expect(preparar(f, false)).toEqual({ ok: true, hecho: [] })
    expect(f.llamadas).toEqual([])
    expect(preparar(f, true)).toEqual({ ok: true, hecho: [`Electron ${VERSION} descargado.`] })
    expect(f.llamadas.map((l) => l.herramienta)).toEqual(['install-electron'])
    expect(f.instalado).toBe(true)
  })

  it('names only what is missing, with what the installer said when it was not the network', () => {
    dejarViejo({})
    const checksum = 'Error: Generated checksum for "electron-v45.5.0-linux-x64.zip" did not match'
    const f = fronteraFalsa(
      { 'install-electron': () => ({ codigo: 1, texto: `${checksum}\n` }) },
      { instalado: false }
    )
    const r = preparar(f, true)
    if (r.ok) throw new Error('preparó')
    expect(r.mensaje.split('\n').slice(0, 3)).toEqual([
      'No se pudo preparar la aplicación de escritorio. Falta:',
      `  - el programa Electron ${VERSION} (node_modules/electron/dist/): no se pudo instalar. Lo último que dijo:`,
      `      ${checksum}`
    ])
    expect(r.mensaje).not.toContain('better-sqlite3')
  })

  it('clears what a killed run left, and leaves nothing when a tool cannot even start', () => {
    fs.mkdirSync(path.join(raiz, '.build-electron-x1Y2z3'))
    fs.writeFileSync(path.join(raiz, '.build-electron-x1Y2z3', 'better_sqlite3.node'), 'a medias')
    const f = fronteraFalsa({
      'prebuild-install': () => {
        throw new Error('spawn ENOENT')
      }
    })
    expect(() => preparar(f)).toThrow('spawn ENOENT')
    expect(fs.existsSync(destino())).toBe(false)
    sinRestos()
  })
})
