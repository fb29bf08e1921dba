import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { iniciarNucleo } from '../../../../src/main/core/host/nucleo'
import { openAppDatabase } from '../../../../src/main/core/db/open'
import { restaurar } from '../../../../src/main/core/restaurar'
import { workerDeDesarrollo } from '../../../../src/main/bridge/worker-dev'
import { runCliProcess } from '../../../helpers/cli'
import { tempDir } from '../../../helpers/db'

/**
 * A restore never replaces a file the app or the bridge has open (their later writes would land
 * in the file set aside, not at the path): it refuses in Spanish, in this process or another.
 */
const raiz = tempDir('mitp-en-uso-')
const db = path.join(raiz.dir, 'mitp.db')
const respaldo = path.join(raiz.dir, 'respaldo.db')
beforeAll(async () => {
  await (await openAppDatabase(respaldo)).close()
}, 60_000)
afterAll(() => raiz.cleanup())

const abrir = () =>
  iniciarNucleo({
    dbPath: db,
    version: 'prueba',
    workerFile: workerDeDesarrollo(),
    printPdf: null,
    log: () => {}
  })

describe('restore while the database is open', () => {
  it('is refused, here and from the CLI in another process; allowed once the core closed', async () => {
    const n = await abrir()
    try {
      expect(() => restaurar(db, respaldo)).toThrow(
        /La base de datos está abierta en Secretaría MITP \(proceso \d+\)\. Cierre la aplicación/
      )
      const cli = runCliProcess(['restore', '--db', db, '--from', respaldo])
      expect(cli.status).toBe(1)
      expect(cli.stderr).toMatch(/está abierta en Secretaría MITP/)
      expect(fs.readdirSync(raiz.dir).filter((f) => f.includes('antes-de-restaurar'))).toEqual([])
      expect((await n.call('plan:arbol', {})).ok).toBe(true)
    } finally {
      await n.cerrar()
    }
    expect(fs.readdirSync(raiz.dir).filter((f) => f.includes('.en-uso-'))).toEqual([])
    expect(restaurar(db, respaldo).copiaAnterior).toMatch(/antes-de-restaurar/)
  }, 60_000)

  it('a mark left by a program that died does not count', () => {
    fs.writeFileSync(
      `${db}.en-uso-4194303-muerto`,
      JSON.stringify({ pid: 4194303, equipo: os.hostname(), desde: '' })
    )
    expect(restaurar(db, respaldo).copiaAnterior).toMatch(/antes-de-restaurar/)
    expect(fs.existsSync(`${db}.en-uso-4194303-muerto`)).toBe(false)
  })

  it('the app does not open the file while a restore is writing it', async () => {
    fs.writeFileSync(
      `${db}.restaurando`,
      JSON.stringify({ pid: process.pid, equipo: os.hostname(), desde: '' })
    )
    try {
      await expect(abrir()).rejects.toThrow(/Se está restaurando un respaldo/)
      expect(fs.readdirSync(raiz.dir).filter((f) => f.includes('.en-uso-'))).toEqual([])
    } finally {
      fs.rmSync(`${db}.restaurando`)
    }
  }, 60_000)
})
