import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { cliEnProceso } from '../../helpers/cli-en-proceso'
import { openAppDatabase } from '../../../src/main/core/db/open'
import { sembrarDemo } from '../../../src/main/core/seed/demo'
import { dbSnapshot, openTestApp, tempDir } from '../../helpers/db'

const dir = tempDir()
afterAll(() => dir.cleanup())
const db = path.join(dir.dir, 'cli.db')
const libro = path.join(dir.dir, 'matriz.xlsx')

/** The CLI in this process, as `npm run cli` runs it. */
const cli = cliEnProceso

async function snapshot(): Promise<string> {
  const app = await openAppDatabase(db)
  try {
    return await dbSnapshot(app.db)
  } finally {
    await app.close()
  }
}

describe('the CLI goes through the validated dispatch', () => {
  beforeAll(async () => {
    // export only reads: the file is made (and seeded) by plan first.
    expect(await cli('plan', '--db', db)).toMatchObject({ code: 0 })
    expect(await cli('export', '--db', db, '--out', libro)).toMatchObject({ code: 0, err: '' })
  })

  it('export then import of the same workbook: the task runs to its end, nothing changes', async () => {
    const antes = await snapshot()
    const r = await cli('import', '--db', db, '--in', libro)
    expect(r).toMatchObject({ code: 0, err: '' })
    expect(r.out).toMatch(/Sin cambios\.$/)
    expect(await snapshot()).toBe(antes)
  })

  it("refuses what the screens would refuse, with the contract's Spanish message", async () => {
    const antes = await snapshot()
    // Services alone would store a period that ends before it starts; the zod schema does not.
    const periodo = await cli(
      'import',
      '--db',
      db,
      '--in',
      libro,
      '--nuevo',
      'Plan 2015-2016',
      '--desde',
      '2016-12-31',
      '--hasta',
      '2015-01-01'
    )
    expect(periodo).toMatchObject({
      code: 1,
      err: 'Error: El período debe terminar después de comenzar.'
    })
    const acta = await cli('acta', '--db', db, '--sesion', '42', '--format', 'docx', '--out', libro)
    expect(acta).toMatchObject({ code: 1, err: 'Error: Identificador no válido.' })
    expect(await snapshot()).toBe(antes)
  })

  it('the demo seed: an unexpected failure comes back as dispatch words it, and is logged', async () => {
    const t = await openTestApp()
    try {
      const log = vi.fn()
      const fallo = new Error('disco lleno')
      const api = { ...t.api, 'persona:crear': () => Promise.reject(fallo) }
      await expect(sembrarDemo(api, log)).rejects.toMatchObject({
        code: 'interno',
        message: 'Ocurrió un error inesperado. Sus datos no se modificaron.'
      })
      expect(log).toHaveBeenCalledWith('error en persona:crear', fallo)
    } finally {
      await t.close()
    }
  })

  it('cli demo fills the file and reports what it wrote', async () => {
    const r = await cli('demo', '--db', path.join(dir.dir, 'demo.db'))
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/^Datos de ejemplo: \d+ personas, 14 sesiones, \d+ acuerdos en /)
  })
})
