import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { respaldar } from '../../../../src/main/core/respaldos'
import { motivoDestinoProtegido } from '../../../../src/main/core/destino-protegido'
import { openTestApp, sha256, tempDir, type TestApp } from '../../../helpers/db'

// A backup saved over the live database (or its -wal, -shm, -journal) once replaced the file the
// app had open. Every name of those files is refused, by the service and by the check itself.
let t: TestApp
const otra = tempDir('mitp-destino-protegido-')
let db: string
beforeAll(async () => {
  t = await openTestApp()
  db = t.file
  fs.symlinkSync(db, path.join(otra.dir, 'enlace.db'))
  fs.symlinkSync(path.dirname(db), path.join(otra.dir, 'carpeta'))
  fs.linkSync(db, path.join(path.dirname(db), 'duro.db'))
}, 60_000)
afterAll(async () => {
  await t.close()
  otra.cleanup()
})

const nombres = (): [string, string][] => {
  const base = path.basename(db)
  const dir = path.dirname(db)
  return [
    ['the file itself', db],
    ['a relative name', path.relative(process.cwd(), db)],
    ['a symbolic link to it', path.join(otra.dir, 'enlace.db')],
    ['its name through a linked folder', path.join(otra.dir, 'carpeta', base)],
    ['a hard link to it', path.join(dir, 'duro.db')],
    ['its name in upper case', path.join(dir, base.toUpperCase())],
    ['its -wal', `${db}-wal`],
    ['its -shm through a linked folder', path.join(otra.dir, 'carpeta', `${base}-shm`)],
    ['its -journal (not there yet)', `${db}-journal`],
    ['its -WAL in upper case', `${db}-WAL`]
  ]
}

describe('saving a backup over the live database', () => {
  const casos = Array.from({ length: 10 }, (_, i) => i)
  it.each(casos)('refused through the service: name %i of nombres()', async (i) => {
    const [que, destino] = nombres()[i]!
    const antes = fs.readdirSync(path.dirname(db)).sort()
    const wal = fs.existsSync(`${db}-wal`) ? sha256(`${db}-wal`) : null
    const e = await respaldar(t.app.handle, destino).catch((x: unknown) => x)
    expect(e, que).toBeInstanceOf(Error)
    expect((e as Error).message, que).toMatch(
      /^No se puede guardar en ".*": (es la base de datos que la aplicación tiene abierta|es ".*-(wal|shm|journal)", un archivo que SQLite mantiene junto a la base de datos abierta); reemplazarlo perdería datos\. Elija otro nombre u otra carpeta\. No se escribió nada\.$/
    )
    expect(fs.readdirSync(path.dirname(db)).sort()).toEqual(antes)
    if (wal) expect(sha256(`${db}-wal`)).toBe(wal)
    // The app still reads and writes its file.
    expect(await t.api['app:info'](undefined)).toMatchObject({ dbPath: db })
    t.app.handle.exec('create table if not exists sigue (x)')
  })

  it('another name in the same folder is a backup like any other', async () => {
    const destino = path.join(path.dirname(db), 'copia-a-mano.db')
    const v = await respaldar(t.app.handle, destino)
    expect(v.ok).toBe(true)
    expect(motivoDestinoProtegido(destino, db)).toBeNull()
    expect(motivoDestinoProtegido(path.join(otra.dir, 'mitp.db-wal'), db)).toBeNull()
  })
})
