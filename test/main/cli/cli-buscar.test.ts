import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cliEnProceso } from '../../helpers/cli-en-proceso'
import { dbSnapshot, tempDir } from '../../helpers/db'
import { runCliProcess } from '../../helpers/cli'
import { openAppDatabase } from '../../../src/main/core/db/open'
import type { BusquedaPagina } from '../../../src/shared/busqueda/contract'

const dir = tempDir()
afterAll(() => dir.cleanup())
const db = path.join(dir.dir, 'buscar.db')

/** The CLI in this process, as `npm run cli` runs it. */
const cli = cliEnProceso

beforeAll(async () => {
  expect(await cli('demo', '--db', db)).toMatchObject({ code: 0, err: '' })
}, 120_000)

describe('cli buscar', () => {
  it('prints the results grouped by class, the matched words marked, and changes nothing', async () => {
    const app = await openAppDatabase(db)
    const antes = await dbSnapshot(app.db)
    await app.close()
    const r = await cli('buscar', '--db', db, 'victimizacion', 'secundaria')
    expect(r).toMatchObject({ code: 0, err: '' })
    const lineas = r.out.split('\n')
    expect(lineas[0]).toBe(
      '1 resultado para "victimizacion secundaria" (Plan de acción 1, Actas 0, Personas 0, Instituciones 0).'
    )
    expect(lineas.slice(1, 3)).toEqual(['', 'Plan de acción'])
    expect(lineas[3]).toMatch(/^ {2}(Acción \d\.\d\.[a-z]|Meta de la acción \d\.\d\.[a-z]) — /)
    expect(lineas[4]).toContain('[victimización] [secundaria]')
    const despues = await openAppDatabase(db)
    expect(await dbSnapshot(despues.db)).toBe(antes)
    await despues.close()
  })

  it('--json gives the page the screens get; many results are cut to the first 50', async () => {
    const r = await cli('buscar', '--db', db, 'SENAME', '--json')
    expect(r).toMatchObject({ code: 0, err: '' })
    const p = JSON.parse(r.out) as BusquedaPagina
    expect(p.porClase.institucion).toBe(1)
    expect(p.resultados.find((x) => x.tipo === 'institucion')?.titulo).toBe('SENAME')
    const texto = await cli('buscar', '--db', db, 'sesion')
    const total = Number(/^(\d+) resultados/.exec(texto.out)?.[1])
    expect(total).toBeGreaterThan(50)
    expect(texto.out.split('\n')[0]).toMatch(/; se muestran los 50 primeros\.$/)
  })

  it('hostile text is a search like any other; no text is a usage error', async () => {
    const r = await cli('buscar', '--db', db, '--', '"NEAR(-x*' + 'a'.repeat(5000))
    expect(r).toMatchObject({ code: 0, err: '' })
    expect(r.out).toMatch(/^0 resultados para /)
    expect(await cli('buscar', '--db', db)).toMatchObject({ code: 2 })
  })

  it('runs as `npm run cli -- buscar` does, in its own process', () => {
    const r = runCliProcess(['buscar', '--db', db, 'proteccion', '--json'])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    const p = JSON.parse(r.stdout) as BusquedaPagina
    expect(p.total).toBeGreaterThan(0)
    expect(p.resultados.every((x) => x.fragmentos.some((f) => f.marca))).toBe(true)
  })
})
