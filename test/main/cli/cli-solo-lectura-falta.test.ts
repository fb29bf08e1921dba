import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { cliEnProceso as cli } from '../../helpers/cli-en-proceso'
import { tempDir } from '../../helpers/db'

const dir = tempDir()
afterAll(() => dir.cleanup())

describe('commands that only read a database', () => {
  it.each([
    ['buscar', 'x'],
    ['acta', '--sesion', 'x', '--format', 'docx', '--out', 'acta.docx'],
    ['export', '--out', 'matriz.xlsx']
  ])('%s refuses a missing file instead of creating one', async (comando, ...resto) => {
    const db = path.join(dir.dir, `${comando}-no-existe.db`)
    const r = await cli(
      comando,
      '--db',
      db,
      ...resto.map((a) => (a.includes('.') ? path.join(dir.dir, a) : a))
    )
    expect(r.code).toBe(1)
    expect(r.err).toContain(`No existe el archivo ${db}`)
    expect(fs.existsSync(db)).toBe(false)
    // Nothing is written either: no workbook, no document.
    for (const a of resto.filter((x) => x.includes('.')))
      expect(fs.existsSync(path.join(dir.dir, a))).toBe(false)
  })

  it('buscar takes a text starting with "-" after "--"', async () => {
    const db = path.join(dir.dir, 'guion.db')
    expect((await cli('plan', '--db', db)).code).toBe(0)
    const r = await cli('buscar', '--db', db, '--', '-trata')
    expect(r).toMatchObject({ code: 0, err: '' })
    expect(r.out).toContain('para "-trata"')
  })
})
