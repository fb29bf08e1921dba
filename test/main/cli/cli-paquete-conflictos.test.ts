import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openAppDatabase } from '../../../src/main/core/db/open'
import { dbSnapshot, tempDir } from '../../helpers/db'
import { cliEnProceso as cli } from '../../helpers/cli-en-proceso'

// `paquete importar` with conflicts (#16): without a choice for each, they are listed with their
// key, nothing is written and it exits 1 with a Spanish message; --elegir mio|suyo chooses for
// all, --elegir CLAVE=mio|suyo for one; a choice that names no conflict is a usage error (2).

const t = tempDir('mitp-cli-conflictos-')
afterAll(() => t.cleanup())
const f = (n: string) => path.join(t.dir, n)

/** Opens the file as the app does (stamps and all), runs `hacer`, closes it. */
async function con<T>(
  file: string,
  hacer: (db: Awaited<ReturnType<typeof openAppDatabase>>['db']) => Promise<T>
) {
  const app = await openAppDatabase(file)
  try {
    return await hacer(app.db)
  } finally {
    await app.close()
  }
}

/** Every row of the file, as the app reads it. */
const filas = (file: string) => con(file, (db) => dbSnapshot(db))

const textos = (file: string, codigos: string[]) =>
  con(file, (db) =>
    db
      .selectFrom('acciones')
      .select(['codigo', 'texto'])
      .where('codigo', 'in', codigos)
      .orderBy('codigo')
      .execute()
  )

async function intercambio(de: string, nombre: string, archivo: string) {
  expect(
    (await cli('paquete', 'exportar', '--db', f(de), '--para', nombre, '--out', f(archivo))).code
  ).toBe(0)
  return f(archivo)
}

describe('cli paquete importar with conflicts', () => {
  it('lists them and writes nothing without choices; imports with --elegir', async () => {
    for (const [db, nombre] of [
      ['a.db', 'Coordinación'],
      ['b.db', 'Javiera']
    ]) {
      expect((await cli('plan', '--db', f(db))).code).toBe(0)
      await con(f(db), (d) => d.updateTable('instalacion').set({ nombre }).execute())
    }
    expect(
      (
        await cli(
          'paquete',
          'importar',
          '--db',
          f('b.db'),
          '--in',
          await intercambio('a.db', 'Javiera', '1.mitp')
        )
      ).code
    ).toBe(0)
    expect(
      (
        await cli(
          'paquete',
          'importar',
          '--db',
          f('a.db'),
          '--in',
          await intercambio('b.db', 'Coordinación', '2.mitp')
        )
      ).code
    ).toBe(0)
    const codigos = (
      await con(f('a.db'), (d) =>
        d.selectFrom('acciones').select('codigo').orderBy('codigo').limit(2).execute()
      )
    ).map((a) => a.codigo)
    for (const [db, quien] of [
      ['a.db', 'coordinación'],
      ['b.db', 'secretaria']
    ]) {
      for (const c of codigos) {
        await con(f(db), (d) =>
          d
            .updateTable('acciones')
            .set({ texto: `${c} según ${quien}` })
            .where('codigo', '=', c)
            .execute()
        )
      }
    }
    const p = await intercambio('a.db', 'Javiera', '3.mitp')
    const antes = await filas(f('b.db'))
    const importarEnB = (...mas: string[]) =>
      cli('paquete', 'importar', '--db', f('b.db'), '--in', p, ...mas)

    const sin = await importarEnB()
    expect(sin.code).toBe(1)
    const conflictos = [
      ...sin.out.matchAll(/Conflicto (acciones:\S+:texto): aquí "(.+?)" .+ allá "(.+?)"/g)
    ].map((m) => ({ clave: m[1]!, aqui: m[2]!, alla: m[3]! }))
    expect(conflictos.map((c) => [c.aqui, c.alla]).sort()).toEqual(
      codigos.map((c) => [`${c} según secretaria`, `${c} según coordinación`]).sort()
    )
    const [suyo] = conflictos
    expect(sin.err).toMatch(
      /^Error: Hay 2 conflicto\(s\) sin resolver .*--elegir mio o --elegir suyo.*No se importó nada\./
    )
    expect(await filas(f('b.db'))).toBe(antes)

    const prueba = await importarEnB('--dry-run')
    expect(prueba.code).toBe(0)
    expect(prueba.out).toMatch(
      /Conflicto acciones:.*\n.*Conflicto acciones:.*\nSimulación \(--dry-run\)/
    )
    for (const malo of ['quizas', 'acciones:x:texto=suyo', `${suyo!.clave}=ambos`]) {
      const r = await importarEnB('--elegir', malo)
      expect(r.code).toBe(2)
      expect(r.err).toMatch(/--elegir /)
    }
    const solo = await importarEnB('--elegir', `${suyo!.clave}=suyo`)
    expect(solo).toMatchObject({ code: 1, err: expect.stringMatching(/Hay 1 conflicto/) })
    expect(await filas(f('b.db'))).toBe(antes)

    const ok = await importarEnB('--elegir', 'mio', '--elegir', `${suyo!.clave}=suyo`)
    expect(ok).toMatchObject({ code: 0, out: expect.stringMatching(/Paquete importado\.$/) })
    expect(await textos(f('b.db'), codigos)).toEqual(
      codigos.map((c) => ({
        codigo: c,
        texto: suyo!.aqui.startsWith(`${c} `) ? `${c} según coordinación` : `${c} según secretaria`
      }))
    )
  })
})
