import fs from 'node:fs'
import path from 'node:path'
import { execFileSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { iniciarNucleo, type Nucleo } from '../../../../src/main/core/host/nucleo'
import { workerDeDesarrollo } from '../../../../src/main/bridge/worker-dev'
import { tempDir } from '../../../helpers/db'

/**
 * SQLite's locks belong to the process: a file descriptor to the database opened and closed by
 * any thread drops them for every connection. Then another program that opens and closes the
 * file believes it is the last one, checkpoints and deletes the live -wal — and a write the core
 * acknowledged, still only in that -wal, is lost at the next crash. The core's threads keep
 * their locks: an outside reader sees the writes and leaves the -wal in place.
 */
const dir = tempDir('mitp-bloqueos-')
const db = path.join(dir.dir, 'b.db')
let n: Nucleo
beforeAll(async () => {
  n = await iniciarNucleo({
    dbPath: db,
    version: 'prueba',
    workerFile: workerDeDesarrollo(),
    respaldosDir: path.join(dir.dir, 'respaldos'),
    printPdf: () => Promise.reject(new Error('sin impresora')),
    log: () => {}
  })
}, 60_000)
afterAll(async () => {
  await n.cerrar()
  dir.cleanup()
})

const personasFuera = (): number =>
  Number(execFileSync('sqlite3', [db, 'select count(*) from personas']).toString().trim())

describe("the core's locks on its database", () => {
  it('survive its threads opening the file: an outside reader leaves the live -wal alone', async () => {
    // Every thread has opened the file by the time each kind of call has been answered.
    for (const c of ['plan:listar', 'persona:listar', 'sesion:listar'] as const) {
      const r = await n.call(c, c === 'sesion:listar' ? {} : undefined)
      expect(r.ok).toBe(true)
    }
    for (let i = 0; i < 3; i++) {
      const r = await n.call('persona:crear', {
        nombre: `Persona ${i}`,
        cargo: null,
        institucionId: null,
        correo: null,
        telefono: null
      })
      expect(r.ok).toBe(true)
      expect(personasFuera()).toBe(i + 1)
      expect(fs.existsSync(`${db}-wal`)).toBe(true)
      expect(fs.existsSync(`${db}-shm`)).toBe(true)
    }
  })
})
