import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

export const ROOT = path.resolve(__dirname, '../..')
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx')

export interface CliRun {
  status: number | null
  stdout: string
  stderr: string
}

/** Runs the real CLI in a child process, as `npm run cli -- …` does. */
export function runCliProcess(args: string[]): CliRun {
  const r = spawnSync(TSX, [path.join(ROOT, 'src/main/cli/main.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, MITP_DB: '' },
    timeout: 60_000
  })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

const comoRoot = process.getuid?.() === 0
/** Whether runCliComoOtro can run as a user who may not write others' files. */
export const puedeComoOtro = !comoRoot || fs.existsSync('/usr/bin/setpriv')

/**
 * The CLI as a user who is not root (as root: nobody, through setpriv), with `tmpdir` as its
 * temporary folder (and HOME).
 */
export function runCliComoOtro(args: string[], tmpdir: string): CliRun {
  const cmd = [
    process.execPath,
    '--import',
    'tsx',
    path.join(ROOT, 'src/main/cli/main.ts'),
    ...args
  ]
  const [exe, ...resto] = comoRoot
    ? ['/usr/bin/setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', ...cmd]
    : cmd
  const r = spawnSync(exe!, resto, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, MITP_DB: '', HOME: tmpdir, TMPDIR: tmpdir },
    timeout: 60_000
  })
  return { status: r.error ? null : r.status, stdout: r.stdout, stderr: r.stderr }
}

/** A temporary folder where that user may write only tsx's cache: no private copy can be made. */
export function tmpCerrado(dir: string): string {
  const cache = path.join(dir, `tsx-${comoRoot ? 65534 : process.getuid?.()}`)
  fs.mkdirSync(cache, { recursive: true })
  if (comoRoot) fs.chownSync(cache, 65534, 65534)
  fs.chmodSync(dir, 0o555)
  return dir
}

/** A temporary folder anyone may write. */
export function tmpAbierto(dir: string): string {
  fs.mkdirSync(dir, { recursive: true })
  fs.chmodSync(dir, 0o777)
  return dir
}
