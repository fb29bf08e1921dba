import { spawn } from 'node:child_process'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { build } from 'esbuild'
import { ROOT } from '../helpers/cli'

/** Bundles a child script of test/crash once, so each child starts in a fraction of a second. */
export async function bundleWriter(outDir: string, entry = 'writer'): Promise<string> {
  const outfile = path.join(outDir, `${entry}.cjs`)
  await build({
    entryPoints: [path.join(ROOT, `test/crash/${entry}.ts`)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3'],
    outfile,
    logLevel: 'error',
    nodePaths: [path.join(ROOT, 'node_modules')]
  })
  return outfile
}

export interface KillResult {
  /** The last write of each kind whose commit the writer reported (start - 1 if none). */
  acked: { A: number; P: number; M: number }
  /** Every acuerdo whose creation was acknowledged. */
  acuerdos: number[]
  /** Attendance marks acknowledged, in order ("M i" marks row i mod n). */
  marcas: number[]
}

/** Starts a writer, lets it commit for a random while, and SIGKILLs it. */
export function runAndKill(
  writer: string,
  db: string,
  sesionId: string,
  mode: 'safe' | 'unsafe',
  start: number,
  rnd: () => number
): Promise<KillResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, db, sesionId, mode, String(start)], {
      cwd: ROOT,
      env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    const acked = { A: start - 1, P: start - 1, M: start - 1 }
    const acuerdos: number[] = []
    const marcas: number[] = []
    let buffer = ''
    let timer: NodeJS.Timeout | undefined
    let stderr = ''
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.stdout.on('data', (c: Buffer) => {
      buffer += c.toString()
      const lines = buffer.split('\n')
      buffer = lines.pop() ?? ''
      for (const line of lines) {
        const [kind, n] = line.split(' ') as ['A' | 'P' | 'M', string]
        acked[kind] = Number(n)
        if (kind === 'A') acuerdos.push(Number(n))
        if (kind === 'M') marcas.push(Number(n))
      }
      // Kill at a random moment once it has started writing.
      timer ??= setTimeout(() => child.kill('SIGKILL'), 20 + Math.floor(rnd() * 250))
    })
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      if (signal === 'SIGKILL') resolve({ acked, acuerdos, marcas })
      else reject(new Error(`writer exited by itself (${code}): ${stderr}`))
    })
  })
}

export interface Check {
  integrity: string
  missing: string[]
}

/** After a kill: is the file sound, and is every acknowledged write there? */
export function checkAfterKill(
  db: string,
  sesionId: string,
  acuerdos: Iterable<number>,
  /** Per attendance row, the last mark acknowledged for it. */
  ultimaMarca: Map<number, number>,
  /** The last agenda revision acknowledged. */
  ultimoP: number
): Check {
  let handle: BetterSqlite3.Database | undefined
  try {
    handle = new BetterSqlite3(db)
    const integrity = (handle.pragma('integrity_check') as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .join('; ')
    const missing: string[] = []
    const textos = new Set(
      (
        handle.prepare('select texto from acuerdos where sesion_id = ?').all(sesionId) as {
          texto: string
        }[]
      ).map((r) => r.texto.split(' ')[0])
    )
    for (const i of acuerdos) if (!textos.has(`acuerdo-${i}`)) missing.push(`acuerdo-${i}`)
    const desarrollo = (
      handle
        .prepare('select desarrollo from puntos_tabla where sesion_id = ? order by orden limit 1')
        .get(sesionId) as { desarrollo: string }
    ).desarrollo
    const rev = Number(desarrollo.replace('rev-', '') || -1)
    if (ultimoP >= 0 && !(rev >= ultimoP)) missing.push(`rev-${ultimoP} (found ${desarrollo})`)
    // Each attendance row must hold at least the last mark acknowledged for it (a later,
    // unacknowledged one may have committed too).
    const rows = handle
      .prepare('select motivo from asistencias where sesion_id = ? order by orden, id')
      .all(sesionId) as { motivo: string }[]
    for (const [r, i] of ultimaMarca) {
      const found = Number(rows[r]!.motivo.replace('m-', '') || -1)
      if (found < i) missing.push(`m-${i} (found ${rows[r]!.motivo || 'nothing'})`)
    }
    return { integrity, missing }
  } catch (error) {
    return {
      integrity: `error: ${error instanceof Error ? error.message : String(error)}`,
      missing: []
    }
  } finally {
    handle?.close()
  }
}
