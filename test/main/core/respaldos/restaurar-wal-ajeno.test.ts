import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openAppDatabase } from '../../../../src/main/core/db/open'
import { openSqlite } from '../../../../src/main/core/db/sqlite'
import { respaldar, verificarArchivo } from '../../../../src/main/core/respaldos'
import { restaurar } from '../../../../src/main/core/restaurar'
import { sha256, tempDir } from '../../../helpers/db'

// A -wal from another database beside the database being replaced: a checkpoint would write
// the other database's pages into the file kept aside. It is set aside untouched, with the file.
const raiz = tempDir('mitp-restaurar-wal-ajeno-')
afterAll(() => raiz.cleanup())

describe('restoring over a database with a stray -wal beside it', () => {
  it('keeps the old file and that -wal aside byte for byte, and says so', async () => {
    const d = raiz.dir
    const db = path.join(d, 'mitp.db')
    const app = await openAppDatabase(db)
    app.handle.exec(
      "insert into planes (id, nombre, periodo_desde, periodo_hasta, created_at, updated_at) values ('p-1', 'Plan', '2014-01-01', '2014-12-31', 'x', 'x')"
    )
    const respaldo = path.join(d, 'respaldo.db')
    await respaldar(app.handle, respaldo)
    await app.close()
    const otra = openSqlite(path.join(d, 'otra.db'))
    otra.exec("create table ajena (x); insert into ajena values ('de otra')")
    fs.copyFileSync(path.join(d, 'otra.db-wal'), `${db}-wal`)
    otra.close()
    expect(verificarArchivo(db).walAjeno).toBe(true)
    const archivo = sha256(db)
    const wal = sha256(`${db}-wal`)

    const r = restaurar(db, respaldo)

    expect(r.copiaAnterior).not.toBeNull()
    expect(sha256(r.copiaAnterior!)).toBe(archivo)
    expect(sha256(`${r.copiaAnterior!}-wal`)).toBe(wal)
    expect(r.aviso).toMatch(/-wal.*no le corresponde.*se dejó sin tocar/)
    expect(fs.existsSync(`${db}-wal`)).toBe(false)
    expect(verificarArchivo(db).ok).toBe(true)
  })
})
