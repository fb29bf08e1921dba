import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { ROOT } from '../helpers/cli'

export const STRACE = '/usr/bin/strace'

/** Writes (to see the WAL being written and the ack markers) and the two syncs SQLite uses. */
const TRACED = 'fsync,fdatasync,write,pwrite64,writev,pwritev,pwritev2'
const SYNCS = new Set(['fsync', 'fdatasync'])

/** One traced system call on a file, with the trace lines where it started and returned. */
export interface Call {
  pid: string
  call: string
  path: string
  /** The first string argument (the marker text for the ack file), escaped as strace prints it. */
  data: string
  result: number | null
  start: number
  end: number
}

/**
 * Parses `strace -f -y -o` output. A call interrupted by another thread's call is printed as
 * "<unfinished ...>" and later "<... call resumed>"; both halves are joined, so `end` is the
 * line where it really returned.
 */
export function parseTrace(text: string): Call[] {
  const calls: Call[] = []
  const pending = new Map<string, Call>()
  text.split('\n').forEach((line, n) => {
    const resumed = /^(\d+)\s+<\.\.\. (\w+) resumed>.*=\s+(-?\d+)/.exec(line)
    if (resumed) {
      const c = pending.get(resumed[1]!)
      if (c && c.call === resumed[2]) {
        c.result = Number(resumed[3])
        c.end = n
        pending.delete(resumed[1]!)
      }
      return
    }
    const m = /^(\d+)\s+(\w+)\((\d+)<([^>]*)>(.*)$/.exec(line)
    if (!m) return
    const rest = m[5]!
    const c: Call = {
      pid: m[1]!,
      call: m[2]!,
      path: m[4]!,
      data: /^, "((?:[^"\\]|\\.)*)"/.exec(rest)?.[1] ?? '',
      result: null,
      start: n,
      end: n
    }
    if (rest.endsWith('<unfinished ...>')) pending.set(c.pid, c)
    else c.result = Number(/=\s+(-?\d+)/.exec(rest)?.[1] ?? NaN)
    calls.push(c)
  })
  return calls
}

export interface Verdict {
  /** Acknowledgments seen, in order. */
  acks: number
  /** Each acknowledgment not preceded by an fsync of the WAL after that commit's WAL writes. */
  failures: string[]
}

/**
 * For each acknowledgment: since the previous marker, the commit must have written the WAL, and
 * an fsync/fdatasync of the WAL must have started after the last of those writes returned and
 * returned 0 before the acknowledgment was written.
 */
export function judge(calls: Call[], wal: string, ackFile: string): Verdict {
  const markers = calls.filter((c) => c.path === ackFile && c.call === 'write')
  const failures: string[] = []
  if (markers[0]?.data !== 'start\\n') return { acks: 0, failures: ['no start marker'] }
  for (let i = 1; i < markers.length; i++) {
    const [prev, ack] = [markers[i - 1]!, markers[i]!]
    if (ack.data !== `ack-${i - 1}\\n`) failures.push(`marker ${i} is "${ack.data}"`)
    const between = calls.filter((c) => c.path === wal && c.start > prev.end && c.end < ack.start)
    const writes = between.filter((c) => !SYNCS.has(c.call))
    if (writes.length === 0) {
      failures.push(`ack-${i - 1}: the commit wrote nothing to the WAL`)
      continue
    }
    const lastWrite = Math.max(...writes.map((c) => c.end))
    const synced = between.some((c) => SYNCS.has(c.call) && c.result === 0 && c.start > lastWrite)
    if (!synced) failures.push(`ack-${i - 1}: no fsync of the WAL after its writes`)
  }
  return { acks: markers.length - 1, failures }
}

export interface TracedRun extends Verdict {
  /** PRAGMA synchronous as the writer last saw it (0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA). */
  synchronous: number
  /** fsync/fdatasync calls on the WAL between the start marker and the last ack. */
  walSyncs: number
}

/** Runs the bundled writer under strace and judges the trace. */
export async function tracedRun(
  writer: string,
  db: string,
  sesionId: string,
  count: number,
  synchronous?: 'OFF' | 'NORMAL'
): Promise<TracedRun> {
  const dir = path.dirname(db)
  const name = synchronous ?? 'app'
  const [trace, ackFile] = [path.join(dir, `${name}.trace`), path.join(dir, `${name}.acks`)]
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') }
  delete env.MITP_FSYNC_TEST_SYNCHRONOUS
  if (synchronous) env.MITP_FSYNC_TEST_SYNCHRONOUS = synchronous
  // --seccomp-bpf stops the child only at the traced calls, so the rest runs at full speed.
  const args = ['-f', '-qq', '--seccomp-bpf', '-y', '-o', trace, '-e', `trace=${TRACED}`]
  const { stdout } = await promisify(execFile)(
    STRACE,
    [...args, process.execPath, writer, db, sesionId, String(count), ackFile],
    { cwd: ROOT, env }
  )
  const calls = parseTrace(fs.readFileSync(trace, 'utf8'))
  const verdict = judge(calls, `${db}-wal`, ackFile)
  const markers = calls.filter((c) => c.path === ackFile)
  const [from, to] = [markers[0]?.end ?? 0, markers.at(-1)?.start ?? 0]
  const walSyncs = calls.filter(
    (c) => c.path === `${db}-wal` && SYNCS.has(c.call) && c.start > from && c.end < to
  ).length
  const { synchronous: level } = JSON.parse(stdout.trim().split('\n').at(-1)!) as {
    synchronous: number
  }
  return { ...verdict, synchronous: level, walSyncs }
}
