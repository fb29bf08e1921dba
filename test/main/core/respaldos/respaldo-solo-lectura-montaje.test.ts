import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { sha256 } from '../../../helpers/db'
import { carpeta, respaldoWal, verificarYRestaurar } from './solo-lectura-comun'

// The read-only file system proof of respaldo-solo-lectura.test.ts (mounting needs a child process).
const montados: string[] = []
afterEach(() => {
  for (const m of montados.splice(0)) execFileSync('umount', [m])
})

describe.each([false, true])(
  'a WAL backup on a read-only file system (with commits in its -wal: %s)',
  (conWal) => {
    it('is checked and restored from a read-only file system, unchanged', async (ctx) => {
      const punto = carpeta()
      try {
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', punto], { stdio: 'ignore' })
      } catch {
        return ctx.skip()
      }
      montados.push(punto)
      const respaldo = path.join(punto, 'respaldo.db')
      await respaldoWal(respaldo, conWal)
      execFileSync('mount', ['-o', 'remount,ro', punto])
      const antes = fs.readdirSync(punto).sort()
      const hash = sha256(respaldo)
      verificarYRestaurar(respaldo, conWal)
      expect(fs.readdirSync(punto).sort()).toEqual(antes)
      expect(sha256(respaldo)).toBe(hash)
    })
  }
)
