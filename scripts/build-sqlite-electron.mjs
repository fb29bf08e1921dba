// Builds better-sqlite3 for the Electron version in package.json into build-electron/,
// leaving node_modules' Node build (used by the tests) untouched.
// Needs the Electron headers, downloaded from outside: run it on a machine with internet.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const electronVersion = JSON.parse(
  fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')
).version
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mitp-sqlite-electron-'))
fs.cpSync(path.join(root, 'node_modules/better-sqlite3'), path.join(work, 'better-sqlite3'), {
  recursive: true
})
fs.rmSync(path.join(work, 'better-sqlite3', 'build'), { recursive: true, force: true })
execFileSync(
  process.platform === 'win32' ? 'npx.cmd' : 'npx',
  [
    '--no-install',
    'node-gyp',
    'rebuild',
    '--release',
    `--target=${electronVersion}`,
    '--runtime=electron',
    '--dist-url=https://electronjs.org/headers'
  ],
  {
    cwd: path.join(work, 'better-sqlite3'),
    stdio: 'inherit',
    env: { ...process.env, npm_config_nodedir: '' }
  }
)
fs.mkdirSync(path.join(root, 'build-electron'), { recursive: true })
fs.copyFileSync(
  path.join(work, 'better-sqlite3/build/Release/better_sqlite3.node'),
  path.join(root, 'build-electron/better_sqlite3.node')
)
fs.rmSync(work, { recursive: true, force: true })
console.log(`build-electron/better_sqlite3.node listo para Electron ${electronVersion}.`)
