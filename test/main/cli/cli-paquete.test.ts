import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../../../src/main/cli'
import { dbSnapshot, tempDir } from '../../helpers/db'
import { createKysely, openSqlite } from '../../../src/main/core/db/sqlite'
import { runCliProcess } from '../../helpers/cli'

// `paquete exportar|importar` (#16) on two database files the CLI created and seeded on its own:
// the preview printed, --dry-run writing nothing, a refusal's non-zero exit and Spanish message.

const t = tempDir('mitp-cli-paquete-')
afterAll(() => t.cleanup())
const f = (n: string) => path.join(t.dir, n)

/** Every row of the file (opening it may checkpoint its WAL: the bytes are not the content). */
async function filas(file: string): Promise<string> {
  const db = createKysely(openSqlite(file, { readonly: true }))
  try {
    return await dbSnapshot(db)
  } finally {
    await db.destroy()
  }
}

async function cli(...args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(
    args,
    (s) => out.push(s),
    (s) => err.push(s)
  )
  return { code, out: out.join('\n'), err: err.join('\n') }
}

describe('cli paquete', () => {
  it('exports from one database, previews and imports into another, refuses it again', async () => {
    expect((await cli('plan', '--db', f('a.db'))).code).toBe(0)
    expect((await cli('plan', '--db', f('b.db'))).code).toBe(0)
    const ex = await cli(
      'paquete',
      'exportar',
      '--db',
      f('a.db'),
      '--para',
      'Javiera',
      '--out',
      f('p.mitp')
    )
    expect(ex).toMatchObject({
      code: 0,
      out: expect.stringMatching(/Paquete para «Javiera» escrito en .*p\.mitp/)
    })
    const antes = await filas(f('b.db'))
    const prueba = await cli(
      'paquete',
      'importar',
      '--db',
      f('b.db'),
      '--in',
      f('p.mitp'),
      '--dry-run'
    )
    expect(prueba.code).toBe(0)
    expect(prueba.out).toMatch(
      /Paquete de «.+»\.\nSin filas nuevas, modificadas ni borradas\.\nSimulación \(--dry-run\): no se escribió nada\./
    )
    expect(await filas(f('b.db'))).toBe(antes)
    const im = await cli('paquete', 'importar', '--db', f('b.db'), '--in', f('p.mitp'))
    expect(im).toMatchObject({
      code: 0,
      out: expect.stringMatching(
        /Respaldo verificado en .*antes-de-paquete\.db\.\nPaquete importado\./
      )
    })
    const otraVez = await cli('paquete', 'importar', '--db', f('b.db'), '--in', f('p.mitp'))
    expect(otraVez.code).toBe(1)
    expect(otraVez.err).toMatch(/^Error: El paquete «p\.mitp» ya se importó/)
  })

  it('a damaged package exits 1 through npm run cli, the database untouched; usage errors exit 2', async () => {
    fs.writeFileSync(f('malo.mitp'), 'no soy un paquete')
    expect((await cli('plan', '--db', f('c.db'))).code).toBe(0)
    const antes = await filas(f('c.db'))
    const r = runCliProcess(['paquete', 'importar', '--db', f('c.db'), '--in', f('malo.mitp')])
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/malo\.mitp/)
    expect(await filas(f('c.db'))).toBe(antes)
    const uso = await cli('paquete', 'exportar', '--db', f('c.db'))
    expect(uso.code).toBe(2)
    expect(uso.err).toMatch(/paquete exportar necesita --para NOMBRE y --out ARCHIVO\.mitp\./)
  })
})
