import { spawnSync } from 'node:child_process'
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
