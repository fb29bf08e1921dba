import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cliEnProceso as cli } from '../../helpers/cli-en-proceso'
import { tempDir } from '../../helpers/db'

// A document written with --out onto the open database (named like a document, or reached by
// another name) or one of SQLite's files beside it would replace the data: refused in Spanish,
// the database left as it was.

const dir = tempDir()
afterAll(() => dir.cleanup())
const demo = path.join(dir.dir, 'demo.db')

beforeAll(async () => {
  expect(await cli('demo', '--db', demo)).toMatchObject({ code: 0 })
}, 120_000)

/** A copy of the demo database under `nombre`. */
function base(nombre: string): { ruta: string } {
  const ruta = path.join(dir.dir, nombre)
  fs.copyFileSync(demo, ruta)
  return { ruta }
}

/** Still the database (a document written over it would begin with its own header). */
async function sigueSiendoBase(ruta: string): Promise<void> {
  expect(fs.readFileSync(ruta).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0')
  expect(await cli('plan', '--db', ruta)).toMatchObject({ code: 0 })
}

describe('cli --out never writes over the open database', () => {
  it.each([
    ['informe', 'base.docx', ['--anio', '2014']],
    ['export', 'base.xlsx', []],
    ['acta', 'base.pdf', ['--sesion', 'x', '--format', 'pdf']]
  ])(
    '%s --out the database itself is refused',
    async (cmd, nombre, extra) => {
      const b = base(nombre)
      const r = await cli(cmd, '--db', b.ruta, ...extra, '--out', b.ruta)
      expect(r.code).not.toBe(0)
      expect(r.err).toContain('es la base de datos que la aplicación tiene abierta')
      expect(r.err).toContain('No se escribió nada')
      await sigueSiendoBase(b.ruta)
    },
    120_000
  )

  it('refuses a hard link to the database and its -wal', async () => {
    const b = base('otra.docx')
    const enlace = path.join(dir.dir, 'enlace.docx')
    fs.linkSync(b.ruta, enlace)
    const r = await cli('informe', '--db', b.ruta, '--anio', '2014', '--out', enlace)
    expect(r.err).toContain('es la base de datos que la aplicación tiene abierta')
    await sigueSiendoBase(b.ruta)
    const wal = await cli('export', '--db', b.ruta, '--out', `${b.ruta}-wal`)
    expect(wal.code).not.toBe(0)
    expect(wal.err).toContain('un archivo que SQLite mantiene junto a la base de datos abierta')
  }, 120_000)
})
