import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCliProcess } from '../../helpers/cli'
import { tempDir } from '../../helpers/db'

// A full disk during a command: only the Spanish message, no English log line above it.
const raiz = tempDir('mitp-cli-lleno-')
let montado = false
afterAll(() => {
  if (montado) execFileSync('umount', [raiz.dir])
  raiz.cleanup()
})

describe('cli on a full disk', () => {
  it.skipIf(process.getuid?.() !== 0)(
    'says it in Spanish only',
    () => {
      // Room for a new database but not for the demo's rows (a real file system, tmpfs).
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1200k', 'tmpfs', raiz.dir])
      montado = true
      const r = runCliProcess(['demo', '--db', path.join(raiz.dir, 'm.db')])
      expect(r.status).toBe(1)
      expect(r.stderr).toMatch(/el disco está lleno/)
      expect(r.stderr).not.toMatch(/disk is full|error en /)
      expect(fs.existsSync(path.join(raiz.dir, 'm.db'))).toBe(true)
    },
    120_000
  )
})
