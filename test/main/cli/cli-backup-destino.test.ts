import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openAppDatabase } from '../../../src/main/core/db/open'
import { verificarArchivo } from '../../../src/main/core/respaldos'
import { runCliProcess } from '../../helpers/cli'
import { sha256, tempDir } from '../../helpers/db'

const cleanups: (() => void | Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

/** `cli backup --out` never writes over a database: not a live one, not its own source. */
describe('cli backup: the destination', () => {
  it('refuses an --out that is a database (held open by the app), leaving it untouched', async () => {
    const t = tempDir('mitp-destino-')
    cleanups.push(t.cleanup)
    const vivo = path.join(t.dir, 'vivo.db')
    const otro = path.join(t.dir, 'otro.db')
    await (await openAppDatabase(otro)).close()
    const app = await openAppDatabase(vivo)
    cleanups.push(() => app.close())
    const antes = sha256(vivo)
    const r = runCliProcess(['backup', '--db', otro, '--out', vivo])
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(
      /Ya existe una base de datos en .*vivo\.db.*No se escribió ningún respaldo\./
    )
    expect(sha256(vivo)).toBe(antes)
  })

  it('refuses the --db file itself, by name or through a link', async () => {
    const t = tempDir('mitp-destino-')
    cleanups.push(t.cleanup)
    const file = path.join(t.dir, 'x.db')
    await (await openAppDatabase(file)).close()
    const enlace = path.join(t.dir, 'enlace.db')
    fs.symlinkSync(file, enlace)
    for (const out of [file, enlace]) {
      const r = runCliProcess(['backup', '--db', file, '--out', out])
      expect(r.status).toBe(1)
      expect(r.stderr).toMatch(/es la misma base de datos que se respalda/)
    }
    expect(verificarArchivo(file).ok).toBe(true)
  })

  it('writes over a file that is not a database', async () => {
    const t = tempDir('mitp-destino-')
    cleanups.push(t.cleanup)
    const file = path.join(t.dir, 'x.db')
    await (await openAppDatabase(file)).close()
    const out = path.join(t.dir, 'vacio.db')
    fs.writeFileSync(out, '')
    expect(runCliProcess(['backup', '--db', file, '--out', out]).status).toBe(0)
    expect(verificarArchivo(out).ok).toBe(true)
  })
})
