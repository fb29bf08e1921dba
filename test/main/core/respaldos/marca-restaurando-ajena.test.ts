import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { marcarEnUso } from '../../../../src/main/core/en-uso'
import { tempDir } from '../../../helpers/db'

// A restore's mark left by another computer (a shared folder) or by a restore that never ended
// keeps the app closed: the message names the mark's file and says when to delete it, which
// is never done for the user (another computer may really be restoring).
const raiz = tempDir('mitp-marca-ajena-')
afterAll(() => raiz.cleanup())

function conMarca(nombre: string, marca: object): string {
  const dir = path.join(raiz.dir, nombre)
  fs.mkdirSync(dir)
  const db = path.join(dir, 'mitp.db')
  fs.writeFileSync(`${db}.restaurando`, JSON.stringify(marca))
  return db
}

const mensaje = (db: string): string => {
  try {
    marcarEnUso(db)()
  } catch (e) {
    return (e as Error).message
  }
  return ''
}

describe('a restore mark the app cannot check', () => {
  it("another computer's: names it, the computer, and how to clear it; not deleted", () => {
    const desde = new Date().toISOString()
    const db = conMarca('otro', { pid: 1, equipo: 'otro-equipo', desde })
    const m = mensaje(db)
    expect(m).toContain('mitp.db.restaurando')
    expect(m).toContain('otro-equipo')
    expect(m).toMatch(/borre el archivo/)
    expect(fs.existsSync(`${db}.restaurando`)).toBe(true)
  })

  it('one of this computer older than a restore takes: says how to clear it', () => {
    const desde = new Date(Date.now() - 3 * 3600_000).toISOString()
    const db = conMarca('vieja', { pid: process.pid, equipo: os.hostname(), desde })
    const m = mensaje(db)
    expect(m).toContain('mitp.db.restaurando')
    expect(m).toMatch(/borre el archivo/)
    expect(fs.existsSync(`${db}.restaurando`)).toBe(true)
  })

  it('a fresh one of this computer: wait, and names the file', () => {
    const db = conMarca('fresca', {
      pid: process.pid,
      equipo: os.hostname(),
      desde: new Date().toISOString()
    })
    const m = mensaje(db)
    expect(m).toMatch(/Espere a que termine/)
    expect(m).toContain('mitp.db.restaurando')
  })
})
