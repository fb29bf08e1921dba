import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { entornoPara, fronteraReal } from '../../../scripts/electron-sqlite/sistema'
import { ROOT } from '../../helpers/cli'
import { tempDir } from '../../helpers/db'

const { getAbi } = createRequire(import.meta.url)('node-abi') as {
  getAbi(version: string, runtime: string): string
}

// The real process boundary, on this project's installed packages; nothing is downloaded.
const tmp = tempDir('mitp-frontera-')
afterAll(() => tmp.cleanup())
const leer = (f: string): { version: string } =>
  JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', f), 'utf8')) as { version: string }

describe('fronteraReal', () => {
  const real = fronteraReal(ROOT, path.join(ROOT, 'node_modules', 'better-sqlite3'))

  it('reads the installed Electron and its module ABI', () => {
    const { version } = leer('electron/package.json')
    expect(real.electron()).toEqual({ version, abi: getAbi(version, 'electron') })
  })

  it('runs the installed prebuild-install and node-gyp with this Node', () => {
    fs.writeFileSync(path.join(tmp.dir, 'package.json'), '{"name":"x","version":"1.0.0"}')
    const pre = real.ejecutar({
      herramienta: 'prebuild-install',
      args: ['--version'],
      cwd: tmp.dir,
      env: { npm_config_nodedir: '' }
    })
    expect([pre.codigo, pre.texto.trim()]).toEqual([
      0,
      leer('prebuild-install/package.json').version
    ])
    const gyp = real.ejecutar({
      herramienta: 'node-gyp',
      args: ['--version'],
      cwd: tmp.dir,
      env: {}
    })
    expect([gyp.codigo, gyp.texto.trim()]).toEqual([0, `v${leer('node-gyp/package.json').version}`])
  })

  it('says a tool is not installed instead of throwing', () => {
    const raiz = path.join(tmp.dir, 'sin-herramientas')
    const electron = path.join(raiz, 'node_modules', 'electron')
    fs.mkdirSync(electron, { recursive: true })
    fs.writeFileSync(path.join(raiz, 'package.json'), '{}')
    fs.writeFileSync(path.join(electron, 'package.json'), '{"name":"electron","version":"45.5.0"}')
    const s = fronteraReal(raiz, raiz).ejecutar({
      herramienta: 'prebuild-install',
      args: [],
      cwd: raiz,
      env: {}
    })
    expect(s.codigo).toBe(127)
    expect(s.texto).toMatch(/^prebuild-install no está instalado: /)
  })

  it('sees Electron’s binary as electron-vite does: path.txt, dist/version and the file', () => {
    vi.stubEnv('ELECTRON_EXEC_PATH', '')
    const raiz = path.join(tmp.dir, 'con-electron')
    const electron = path.join(raiz, 'node_modules', 'electron')
    fs.mkdirSync(path.join(electron, 'dist'), { recursive: true })
    fs.writeFileSync(path.join(raiz, 'package.json'), '{}')
    fs.writeFileSync(path.join(electron, 'package.json'), '{"name":"electron","version":"45.5.0"}')
    const f = fronteraReal(raiz, raiz)
    expect(f.electronInstalado()).toBe(false)
    fs.writeFileSync(path.join(electron, 'path.txt'), 'electron')
    fs.writeFileSync(path.join(electron, 'dist', 'version'), 'v45.5.0')
    expect(f.electronInstalado()).toBe(false)
    fs.writeFileSync(path.join(electron, 'dist', 'electron'), '')
    expect(f.electronInstalado()).toBe(true)
    fs.writeFileSync(path.join(electron, 'dist', 'version'), 'v44.0.0')
    expect(f.electronInstalado()).toBe(false)
    vi.unstubAllEnvs()
  })

  it('honours ELECTRON_EXEC_PATH as electron-vite does: that file, whatever dist/ holds', () => {
    const raiz = path.join(tmp.dir, 'con-override')
    const electron = path.join(raiz, 'node_modules', 'electron')
    fs.mkdirSync(electron, { recursive: true })
    fs.writeFileSync(path.join(raiz, 'package.json'), '{}')
    fs.writeFileSync(path.join(electron, 'package.json'), '{"name":"electron","version":"45.5.0"}')
    const con = (ELECTRON_EXEC_PATH: string): boolean =>
      fronteraReal(raiz, raiz, { ELECTRON_EXEC_PATH }).electronInstalado()
    expect(con(process.execPath)).toBe(true)
    expect(con(path.join(raiz, 'no-existe'))).toBe(false)
  })

  it('reports a tool killed by a signal as an interruption, not as a failure', () => {
    const raiz = path.join(tmp.dir, 'interrumpida')
    const electron = path.join(raiz, 'node_modules', 'electron')
    fs.mkdirSync(electron, { recursive: true })
    fs.writeFileSync(path.join(raiz, 'package.json'), '{}')
    fs.writeFileSync(path.join(electron, 'package.json'), '{"name":"electron","version":"45.5.0"}')
    fs.writeFileSync(path.join(electron, 'install.js'), "process.kill(process.pid, 'SIGINT')")
    const s = fronteraReal(raiz, raiz).ejecutar({
      herramienta: 'install-electron',
      args: [],
      cwd: raiz,
      env: {}
    })
    expect(s.senal).toBe('SIGINT')
    fs.writeFileSync(path.join(electron, 'install.js'), 'process.exit(3)')
    const s2 = fronteraReal(raiz, raiz).ejecutar({
      herramienta: 'install-electron',
      args: [],
      cwd: raiz,
      env: {}
    })
    expect([s2.codigo, s2.senal]).toEqual([3, undefined])
  })
})

describe('node-gyp, which is not our dependency', () => {
  it('falls back to the one npm gives install scripts (npm_config_node_gyp)', () => {
    const raiz = path.join(tmp.dir, 'sin-node-gyp')
    const electron = path.join(raiz, 'node_modules', 'electron')
    fs.mkdirSync(electron, { recursive: true })
    fs.writeFileSync(path.join(raiz, 'package.json'), '{}')
    fs.writeFileSync(path.join(electron, 'package.json'), '{"name":"electron","version":"45.5.0"}')
    const gyp = path.join(ROOT, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')
    const correr = (env: NodeJS.ProcessEnv): number =>
      fronteraReal(raiz, raiz, env).ejecutar({
        herramienta: 'node-gyp',
        args: ['--version'],
        cwd: raiz,
        env: {}
      }).codigo
    expect(correr({})).toBe(127)
    expect(correr({ npm_config_node_gyp: gyp })).toBe(0)
  })
})

describe('entornoPara (the environment each tool runs with)', () => {
  const base = {
    PATH: '/usr/bin',
    npm_config_nodedir: '/usr',
    NPM_CONFIG_NODEDIR: '/usr',
    npm_config_platform: 'darwin'
  }

  it('unsets nodedir in any case, so node-gyp builds against Electron’s headers', () => {
    expect(entornoPara(base, { npm_config_nodedir: '' })).toEqual({
      PATH: '/usr/bin',
      npm_config_platform: 'darwin'
    })
  })

  it('sets the platform prebuild-install downloads for, over what npm exported', () => {
    expect(entornoPara(base, { npm_config_platform: 'linux' })).toEqual({
      PATH: '/usr/bin',
      npm_config_nodedir: '/usr',
      NPM_CONFIG_NODEDIR: '/usr',
      npm_config_platform: 'linux'
    })
    expect(base.npm_config_platform).toBe('darwin')
  })
})
