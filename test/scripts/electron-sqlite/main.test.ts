import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { ROOT } from '../../helpers/cli'
import { tempDir } from '../../helpers/db'

/**
 * `tsx scripts/electron-sqlite/main.ts`, as `npm run dev` runs it, in a copy of the project
 * (scripts and package.json; node_modules linked, only read), with every download pointed at a
 * closed port: what a developer here sees, and what it leaves behind.
 */
const tmp = tempDir('mitp-prep-main-')
afterAll(() => tmp.cleanup())
let proyecto: string

beforeEach(() => {
  proyecto = fs.mkdtempSync(path.join(tmp.dir, 'proyecto-'))
  fs.cpSync(
    path.join(ROOT, 'scripts', 'electron-sqlite'),
    path.join(proyecto, 'scripts', 'electron-sqlite'),
    {
      recursive: true
    }
  )
  fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(proyecto, 'package.json'))
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(proyecto, 'node_modules'), 'junction')
})

function correr(modo: string): { codigo: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    npm_config_cache: path.join(tmp.dir, 'cache-npm'),
    npm_config_better_sqlite3_binary_host: 'http://127.0.0.1:9',
    // Electron's binary counts as there: its download would write into the linked node_modules.
    ELECTRON_EXEC_PATH: process.execPath
  }
  delete env.MITP_SQLITE_BINDING
  const r = spawnSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
      path.join(proyecto, 'scripts', 'electron-sqlite', 'main.ts'),
      modo
    ],
    { cwd: proyecto, env, encoding: 'utf8', timeout: 60_000 }
  )
  return { codigo: r.status, stdout: r.stdout, stderr: r.stderr }
}

const listado = (): string[] => fs.readdirSync(proyecto).sort()
const ANTES = ['node_modules', 'package.json', 'scripts']

describe('npm run dev / package offline (main.ts)', () => {
  it.each(['dev', 'sqlite'])(
    '%s: exits non-zero with the Spanish message, nothing written',
    (modo) => {
      const r = correr(modo)
      expect(r.codigo).toBe(1)
      expect(r.stderr).toContain('No se pudo preparar la aplicación de escritorio. Falta:')
      expect(r.stderr).toContain('no tiene salida a internet (connect ECONNREFUSED 127.0.0.1:9)')
      expect(r.stderr).toContain('`npm run dev:web`')
      expect(r.stderr).not.toMatch(/^\s+at /m)
      expect(listado()).toEqual(ANTES)
    },
    60_000
  )

  it('turns a file-system error into one Spanish line, without a stack trace', () => {
    // A lock that cannot be read: any error of the disk would do.
    fs.mkdirSync(path.join(proyecto, '.build-electron.lock'))
    const r = correr('sqlite')
    expect(r.codigo).toBe(1)
    expect(r.stderr.trim()).toMatch(
      /^No se pudo preparar la aplicación de escritorio: una ruta que debía ser archivo es una carpeta( en \S+)? \[EISDIR\]\. Mientras tanto, `npm run dev:web`/
    )
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
  }, 60_000)

  it.skipIf(process.getuid?.() === 0)(
    'in a read-only project: “no hay permiso”, nothing left',
    () => {
      fs.chmodSync(proyecto, 0o555)
      try {
        const r = correr('sqlite')
        expect(r.codigo).toBe(1)
        expect(r.stderr).toContain('no hay permiso para escribir')
        expect(listado()).toEqual(ANTES)
      } finally {
        fs.chmodSync(proyecto, 0o755)
      }
    },
    60_000
  )
})
