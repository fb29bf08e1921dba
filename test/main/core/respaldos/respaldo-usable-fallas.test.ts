import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { LATEST_SCHEMA_VERSION } from '../../../../src/main/core/db/migrations'
import {
  MENSAJE_RESPALDO_INUTIL,
  motivoRespaldoInutil,
  ultimoRespaldoUsable
} from '../../../../src/main/core/respaldo-usable'
import { tempDir } from '../../../helpers/db'
import { baseNueva } from './restaurar-comun'

// motivoRespaldoInutil never throws: a check it cannot run refuses that backup in Spanish. The
// recovery screen's default backup follows the same rule as the CLI.
const raiz = tempDir('mitp-usable-fallas-')
afterAll(() => raiz.cleanup())
const montados: string[] = []
const tmpdirAntes = process.env.TMPDIR
afterEach(() => {
  if (tmpdirAntes === undefined) delete process.env.TMPDIR
  else process.env.TMPDIR = tmpdirAntes
  for (const m of montados.splice(0)) execFileSync('umount', [m])
})

/** A file with only the version table, at the current version: it passes the file checks. */
function soloVersion(file: string): void {
  const h = new BetterSqlite3(file)
  h.exec('create table schema_migrations (version integer primary key, applied_at text)')
  h.prepare('insert into schema_migrations values (?, ?)').run(LATEST_SCHEMA_VERSION, 'x')
  h.close()
}

describe('motivoRespaldoInutil', () => {
  it('refuses in Spanish a file without the app tables', async () => {
    const f = path.join(raiz.dir, 'solo-version.db')
    soloVersion(f)
    const m = await motivoRespaldoInutil(f)
    expect(m).toMatch(/no se pudo leer su contenido/)
    expect(m).not.toMatch(/no such table/)
    expect(MENSAJE_RESPALDO_INUTIL(m!)).toMatch(/No se modificó nada\.$/)
  })

  it.skipIf(process.getuid?.() !== 0)(
    'refuses in Spanish when the temporary folder is full, naming it',
    async () => {
      const f = path.join(raiz.dir, 'bueno.db')
      await baseNueva(f)
      const tmp = path.join(raiz.dir, 'tmp-lleno')
      fs.mkdirSync(tmp)
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', tmp])
      montados.push(tmp)
      process.env.TMPDIR = tmp
      const m = await motivoRespaldoInutil(f)
      expect(m).toMatch(/carpeta temporal/)
      expect(m).toContain(tmp)
      expect(m).toMatch(/lleno/)
    }
  )
})

describe('ultimoRespaldoUsable', () => {
  it('skips a newest backup the CLI would refuse', async () => {
    const dir = path.join(raiz.dir, 'respaldos')
    fs.mkdirSync(dir)
    const viejo = path.join(dir, 'secretaria-mitp-20140101-000000-manual.db')
    await baseNueva(viejo)
    soloVersion(path.join(dir, 'secretaria-mitp-20150101-000000-manual.db'))
    expect((await ultimoRespaldoUsable(dir))?.archivo).toBe(viejo)
  })
})
