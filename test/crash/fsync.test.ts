import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openAppDatabase } from '../../src/main/core/db/open'
import { createAppApi } from '../../src/main/core/api'
import { tempDir } from '../helpers/db'
import { bundleWriter } from './crash-harness'
import { STRACE, tracedRun } from './fsync-trace'

/**
 * What the SIGKILL test cannot see: a killed process leaves its writes in the OS page cache, so
 * that test passes with synchronous=OFF too. Here a child creates acuerdos through the real
 * services under strace, and the trace must show, between each commit and its acknowledgment,
 * an fsync/fdatasync of the database's -wal file that started after the commit's WAL writes.
 * Control runs with NORMAL (better-sqlite3's default) and OFF must fail the same check.
 *
 * Proves: with the app's own pragmas (Node build of better-sqlite3, Linux), every commit asks
 * the kernel to flush the WAL, and the flush returned 0, before the call is acknowledged. Does
 * not prove: that the disk honours the flush (write caches, virtual disks), Windows' VFS or the
 * Electron build of SQLite, checkpoints (20 commits never reach one) or recovery after power loss.
 */
const COMMITS = 20
// Skipped only when Debian's strace is not installed (.ci/run installs it).
const hasStrace = fs.existsSync(STRACE)
const dir = tempDir('mitp-fsync-')
let writer = ''

/** A migrated file with one session, closed again so the child starts from a clean file. */
async function prepare(name: string): Promise<{ file: string; sesionId: string }> {
  // Resolved, because strace -y prints real paths.
  const file = path.join(fs.realpathSync(dir.dir), name)
  const app = await openAppDatabase(file)
  const api = createAppApi(app, { version: 't' })
  const prev = (await api['instancia:listar'](undefined)).find((i) => i.codigo === 'PREVENCION')!
  const s = await api['sesion:crear']({
    instanciaId: prev.id,
    tipo: 'ordinaria',
    fecha: '2014-03-12',
    modalidad: 'presencial'
  })
  await app.close()
  return { file, sesionId: s.id }
}

beforeAll(async () => {
  if (hasStrace) writer = await bundleWriter(dir.dir, 'fsync-writer')
})
afterAll(() => dir.cleanup())

describe('fsync before acknowledgment (strace)', () => {
  it.skipIf(!hasStrace)(
    `the WAL is fsynced between each of ${COMMITS} commits and its acknowledgment`,
    async () => {
      const { file, sesionId } = await prepare('app.db')
      // No override: the app's own pragma decides.
      const run = await tracedRun(writer, file, sesionId, COMMITS)
      // The trace first: it is the proof; the pragma read back only names the cause.
      expect(run.acks).toBe(COMMITS)
      expect(run.failures).toEqual([])
      expect(run.synchronous, 'the app runs with synchronous=FULL').toBe(2)
    },
    30_000
  )

  it.skipIf(!hasStrace)(
    'control: the same check fails with synchronous=NORMAL and OFF',
    async () => {
      for (const level of ['NORMAL', 'OFF'] as const) {
        const { file, sesionId } = await prepare(`${level}.db`)
        const run = await tracedRun(writer, file, sesionId, COMMITS, level)
        console.info(
          `[fsync control] ${level}: ${run.failures.length}/${run.acks} acks without a WAL fsync, ${run.walSyncs} WAL syncs`
        )
        expect(run.acks).toBe(COMMITS)
        expect(run.failures.length, `${level} should miss fsyncs`).toBeGreaterThan(0)
      }
    },
    30_000
  )
})
