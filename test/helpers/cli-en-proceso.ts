import { runCli } from '../../src/main/cli/index'

/** The CLI in this process: same code as `npm run cli`, output collected. */
export async function cliEnProceso(
  ...args: string[]
): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(
    args,
    (s) => out.push(s),
    (s) => err.push(s)
  )
  return { code, out: out.join('\n'), err: err.join('\n') }
}
