import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { listPackage } from '@electron/asar'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BINDING, CARPETA, SELLO } from '../../scripts/electron-sqlite/preparar'
import { ROOT } from '../helpers/cli'
import { sha256, tempDir } from '../helpers/db'

/**
 * electron-builder's own packaging, run on this project's configuration and built app (`--dir`,
 * Linux). The one thing it would download, Electron's zip, is replaced by a stand-in
 * executable carrying the fuse wire electron-builder flips; everything else is the real
 * pipeline, in a copy of the project so the real build-electron/ is never touched.
 */
const tmp = tempDir('mitp-paquete-')
const proyecto = path.join(tmp.dir, 'proyecto')
const salida = path.join(tmp.dir, 'dist')
const recursos = path.join(salida, 'linux-unpacked', 'resources')
// What the preparation leaves in build-electron/: here, recognisable bytes.
const binding = Buffer.from(`better_sqlite3 para Electron, prueba ${process.pid}\0`)
let log = ''

function electronFalso(dir: string): void {
  fs.mkdirSync(dir)
  const fusibles = Buffer.from([1, 9, ...Buffer.from('111111111')])
  const sentinela = Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX')
  fs.writeFileSync(path.join(dir, 'electron'), Buffer.concat([sentinela, fusibles]), {
    mode: 0o755
  })
  fs.writeFileSync(path.join(dir, 'version'), '45.5.0')
}

beforeAll(() => {
  // With a native rebuild it would rebuild the real node_modules (linked below): never run it so.
  const yml = fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')
  if (!/^npmRebuild: false$/m.test(yml))
    throw new Error('electron-builder.yml: npmRebuild no es false')
  fs.mkdirSync(path.join(proyecto, CARPETA), { recursive: true })
  for (const f of ['package.json', 'package-lock.json', 'electron-builder.yml'])
    fs.copyFileSync(path.join(ROOT, f), path.join(proyecto, f))
  fs.cpSync(path.join(ROOT, 'out'), path.join(proyecto, 'out'), { recursive: true })
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(proyecto, 'node_modules'), 'junction')
  fs.writeFileSync(path.join(proyecto, CARPETA, BINDING), binding)
  fs.writeFileSync(path.join(proyecto, CARPETA, SELLO), '{"electron":"45.5.0"}')
  electronFalso(path.join(tmp.dir, 'electron'))
  const r = spawnSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules', 'electron-builder', 'cli.js'),
      '--dir',
      '--linux',
      '--x64',
      '--projectDir',
      proyecto,
      `-c.electronDist=${path.join(tmp.dir, 'electron')}`,
      `-c.directories.output=${salida}`
    ],
    { encoding: 'utf8', timeout: 280_000, env: { ...process.env, CI: 'true' } }
  )
  log = `${r.stdout}\n${r.stderr}`
  if (r.status !== 0) throw new Error(`electron-builder falló (${r.status}):\n${log.slice(-3000)}`)
}, 300_000)
afterAll(() => tmp.cleanup())

describe('the packaged app (electron-builder --dir, real configuration)', () => {
  it('does not rebuild better-sqlite3 in node_modules (the tests keep its Node build)', () => {
    const nodeBuild = path.join('node_modules', 'better-sqlite3', 'build', 'Release', BINDING)
    const empaquetado = path.join(recursos, 'app.asar.unpacked', nodeBuild)
    expect(sha256(empaquetado)).toBe(sha256(path.join(ROOT, nodeBuild)))
  })

  it('carries build-electron/better_sqlite3.node beside the app, where the main process looks', () => {
    expect(fs.readFileSync(path.join(recursos, BINDING))).toEqual(binding)
    const main = fs.readFileSync(path.join(ROOT, 'out', 'main', 'index.js'), 'utf8')
    // Packaged: beside the app's resources; in development: the prepared folder.
    expect(main).toMatch(/join\([\w.]*resourcesPath( \?\? "")?, "better_sqlite3\.node"\)/)
    expect(main).toContain(`"${CARPETA}", "${BINDING}")`)
  })

  it('packs the built app and better-sqlite3’s JavaScript, not the sources or the prepared folder', () => {
    const archivos = listPackage(path.join(recursos, 'app.asar'), { isPack: false }).map((f) =>
      f.split(path.sep).join('/')
    )
    const propios = archivos.filter((f) => !/^\/node_modules(\/|$)/.test(f))
    expect(propios).toEqual(expect.arrayContaining(['/out/main/index.js', '/out/main/nucleo.js']))
    expect(propios).toEqual(
      expect.arrayContaining(['/out/preload/index.js', '/out/renderer/index.html', '/package.json'])
    )
    expect(propios.filter((f) => !/^\/(out|package\.json)/.test(f))).toEqual([])
    expect(archivos.some((f) => f.includes(CARPETA))).toBe(false)
    const sqlite = path.join(recursos, 'app.asar.unpacked', 'node_modules', 'better-sqlite3')
    expect(fs.existsSync(path.join(sqlite, 'lib', 'index.js'))).toBe(true)
  })
})
