import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { puedeComoOtro, runCliComoOtro, runCliProcess, tmpAbierto } from '../../helpers/cli'
import { tempDir } from '../../helpers/db'
import { openAppDatabase } from '../../../src/main/core/db/open'

// The CLI's own output and input files are named as what fails: a read-only output folder is
// not "copy the database", a folder given as the workbook is not "a file ending in .db".
const raiz = tempDir('mitp-cli-salida-')
afterAll(() => raiz.cleanup())
const nadie = process.getuid?.() === 0 ? 65534 : (process.getuid?.() ?? 0)
const db = path.join(raiz.dir, 'datos', 'm.db')

beforeAll(async () => {
  tmpAbierto(path.dirname(db))
  await (await openAppDatabase(db)).close()
  for (const f of fs.readdirSync(path.dirname(db)))
    fs.chownSync(path.join(path.dirname(db), f), nadie, nadie)
}, 120_000)

/** The CLI as another user, writing into a new read-only folder `nombre`: its result and the folder. */
function haciaSoloLectura(nombre: string, args: (ro: string) => string[]) {
  fs.chmodSync(raiz.dir, 0o755)
  const ro = path.join(raiz.dir, nombre)
  fs.mkdirSync(ro)
  fs.chmodSync(ro, 0o555)
  const tmp = tmpAbierto(path.join(raiz.dir, `tmp-${nombre}`))
  return { ro, r: runCliComoOtro(args(ro), tmp) }
}

describe('cli output and input files', () => {
  it.skipIf(!puedeComoOtro)(
    'export into a read-only folder says the folder is read-only',
    () => {
      const { ro, r } = haciaSoloLectura('ro', (ro) => [
        'export',
        '--db',
        db,
        '--out',
        path.join(ro, 'x.xlsx')
      ])
      expect(r.status).toBe(1)
      expect(r.stderr).toContain(`la carpeta "${ro}" es de solo lectura`)
      expect(r.stderr).not.toMatch(/Copie la base de datos/)
    },
    120_000
  )

  it('import --in a folder says to give the workbook, ending in .xlsx', () => {
    const carpeta = path.join(raiz.dir, 'libro.xlsx')
    fs.mkdirSync(carpeta)
    const r = runCliProcess(['import', '--db', db, '--in', carpeta, '--dry-run'])
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/es una carpeta, no un archivo.*termina en \.xlsx/)
    expect(r.stderr).not.toMatch(/\.db\)/)
  }, 120_000)
})

describe('cli backup into a read-only folder', () => {
  it.skipIf(!puedeComoOtro)(
    'says the folder is read-only',
    () => {
      const { ro, r } = haciaSoloLectura('ro-respaldo', (ro) => [
        'backup',
        '--db',
        db,
        '--out',
        path.join(ro, 'r.db')
      ])
      expect(r.status).toBe(1)
      expect(r.stderr).toContain(`la carpeta "${ro}" es de solo lectura`)
      expect(r.stderr).toMatch(/No se escribió ningún respaldo/)
    },
    120_000
  )
})
