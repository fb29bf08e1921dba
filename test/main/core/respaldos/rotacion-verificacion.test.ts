import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LATEST_SCHEMA_VERSION } from '../../../../src/main/core/db/migrations'
import { openSqlite } from '../../../../src/main/core/db/sqlite'
import {
  CONSERVAR,
  listarRespaldos,
  respaldar,
  respaldoAutomatico,
  restaurar,
  rotarRespaldos,
  ultimoRespaldoBueno,
  verificarArchivo
} from '../../../../src/main/core/respaldos'
import { openTestApp, tempDir, type TestApp } from '../../../helpers/db'
import { filasSinIdentidad } from '../../../helpers/restaurada'

// In-process: backups of a real database file, read back with SQLite.
let t: TestApp
let good: string
const tmp = tempDir('mitp-rot-')
const d = (name: string): string => {
  const p = path.join(tmp.dir, name)
  fs.mkdirSync(p, { recursive: true })
  return p
}
beforeAll(async () => {
  t = await openTestApp()
  good = path.join(d('base'), 'secretaria-mitp-20140301-080000-manual.db')
  await respaldar(t.app.handle, good)
})
afterAll(async () => {
  await t.close()
  tmp.cleanup()
})

describe('verificarArchivo', () => {
  it('reports the schema version and the rows of the four main tables', () => {
    const v = verificarArchivo(good)
    expect(v).toEqual({
      ok: true,
      motivo: null,
      schemaVersion: LATEST_SCHEMA_VERSION,
      filas: { planes: 1, acciones: 25, sesiones: 0, acuerdos: 0 }
    })
  })

  it('names why a file is refused: missing, empty, not SQLite, foreign, newer', () => {
    const dir = d('malos')
    const falla = (motivo: RegExp): unknown => ({
      ok: false,
      motivo: expect.stringMatching(motivo),
      schemaVersion: 0,
      filas: {}
    })
    expect(verificarArchivo(path.join(dir, 'no.db'))).toEqual(falla(/^El archivo no existe\.$/))
    fs.writeFileSync(path.join(dir, 'vacio.db'), '')
    expect(verificarArchivo(path.join(dir, 'vacio.db'))).toEqual(
      falla(/^No es una base de datos SQLite\.$/)
    )
    fs.writeFileSync(path.join(dir, 'texto.db'), 'hola, esto no es una base de datos')
    expect(verificarArchivo(path.join(dir, 'texto.db'))).toEqual(
      falla(/^No es una base de datos SQLite\.$/)
    )

    const ajena = path.join(dir, 'ajena.db')
    const h = openSqlite(ajena)
    h.exec('create table clientes (id integer)')
    h.close()
    expect(verificarArchivo(ajena)).toEqual(falla(/^No es una base de datos de Secretaría MITP\.$/))

    const nueva = path.join(dir, 'nueva.db')
    fs.copyFileSync(good, nueva)
    const n = openSqlite(nueva)
    n.prepare("insert into schema_migrations values (?, 'futura', '2030-01-01')").run(
      LATEST_SCHEMA_VERSION + 1
    )
    n.close()
    expect(verificarArchivo(nueva)).toEqual({
      ok: false,
      motivo: `Fue escrita por una versión más nueva (esquema ${LATEST_SCHEMA_VERSION + 1}).`,
      schemaVersion: LATEST_SCHEMA_VERSION + 1,
      filas: {}
    })
  })

  it('counts zero for a table an older schema does not have, and leaves no side files', () => {
    const dir = d('viejo')
    const file = path.join(dir, 'v0.db')
    const h = openSqlite(file)
    h.exec(
      "create table schema_migrations (version integer); create table planes (id text); insert into planes values ('p')"
    )
    h.close()
    for (const f of fs.readdirSync(dir)) if (f !== 'v0.db') fs.rmSync(path.join(dir, f))
    expect(verificarArchivo(file)).toEqual({
      ok: true,
      motivo: null,
      schemaVersion: 0,
      filas: { planes: 1, acciones: 0, sesiones: 0, acuerdos: 0 }
    })
    expect(fs.readdirSync(dir)).toEqual(['v0.db'])
  })

  it('calls a file with a SQLite header and garbage after it damaged or unreadable', () => {
    const file = path.join(d('roto'), 'roto.db')
    fs.writeFileSync(
      file,
      Buffer.concat([fs.readFileSync(good).subarray(0, 100), Buffer.alloc(8192, 7)])
    )
    const v = verificarArchivo(file)
    expect(v.ok).toBe(false)
    expect(v.motivo).toMatch(/^(Está dañada \(|No se pudo leer el archivo: el archivo está dañado)/)
  })
})

describe('listarRespaldos and rotarRespaldos', () => {
  it('lists only our backups, newest first, with their date, reason and size', () => {
    const dir = d('lista')
    expect(listarRespaldos(path.join(dir, 'no-existe'))).toEqual([])
    for (const n of [
      'secretaria-mitp-20140312-101500-diario.db',
      'secretaria-mitp-20150101-000001-antes-de-migrar-v1.db',
      'secretaria-mitp-20140312-101500-diario.db.123.tmp',
      'otra-cosa-20140312-101500-diario.db',
      'secretaria-mitp-2014031-101500-diario.db',
      'secretaria-mitp-20140312-101500-Diario.db'
    ])
      fs.writeFileSync(path.join(dir, n), 'x'.repeat(n.length))
    const l = listarRespaldos(dir)
    expect(l).toEqual([
      {
        archivo: path.join(dir, 'secretaria-mitp-20150101-000001-antes-de-migrar-v1.db'),
        nombre: 'secretaria-mitp-20150101-000001-antes-de-migrar-v1.db',
        fecha: '2015-01-01T00:00:01Z',
        motivo: 'antes-de-migrar-v1',
        bytes: 'secretaria-mitp-20150101-000001-antes-de-migrar-v1.db'.length
      },
      {
        archivo: path.join(dir, 'secretaria-mitp-20140312-101500-diario.db'),
        nombre: 'secretaria-mitp-20140312-101500-diario.db',
        fecha: '2014-03-12T10:15:00Z',
        motivo: 'diario',
        bytes: 'secretaria-mitp-20140312-101500-diario.db'.length
      }
    ])
  })

  it('keeps exactly the newest 30 ordinary backups and every pre-migration one', () => {
    const dir = d('rotar')
    // One backup a day from 2014-01-01: name order is date order.
    const nombre = (i: number, motivo: string): string => {
      const dia = new Date(Date.UTC(2014, 0, 1 + i)).toISOString().slice(0, 10).replace(/-/g, '')
      return `secretaria-mitp-${dia}-000000-${motivo}.db`
    }
    for (let i = 0; i < CONSERVAR + 2; i++)
      fs.writeFileSync(path.join(dir, nombre(i, 'manual')), '')
    fs.writeFileSync(path.join(dir, nombre(0, 'antes-de-migrar-v1')), '')
    expect(rotarRespaldos(dir)).toEqual([nombre(1, 'manual'), nombre(0, 'manual')])
    const quedan = listarRespaldos(dir)
    expect(quedan).toHaveLength(CONSERVAR + 1)
    expect(quedan[0]!.nombre).toBe(nombre(CONSERVAR + 1, 'manual'))
    expect(quedan.map((r) => r.motivo)).toContain('antes-de-migrar-v1')
    expect(rotarRespaldos(dir)).toEqual([])
    expect(CONSERVAR).toBe(30)
  })
})

describe('respaldoAutomatico', () => {
  it('skips a daily backup only when a daily one of the same day exists', async () => {
    const dir = path.join(tmp.dir, 'auto', 'nueva-carpeta')
    const h = t.app.handle
    const manual = await respaldoAutomatico(h, dir, 'manual', new Date('2014-05-02T09:08:07Z'))
    expect(path.basename(manual!)).toBe('secretaria-mitp-20140502-090807-manual.db')
    const diario = await respaldoAutomatico(h, dir, 'diario', new Date('2014-05-02T10:00:00Z'))
    expect(path.basename(diario!)).toBe('secretaria-mitp-20140502-100000-diario.db')
    expect(await respaldoAutomatico(h, dir, 'diario', new Date('2014-05-02T23:59:59Z'))).toBeNull()
    expect(
      await respaldoAutomatico(h, dir, 'diario', new Date('2014-05-03T00:00:00Z'))
    ).not.toBeNull()
    expect(
      await respaldoAutomatico(h, dir, 'aprobacion', new Date('2014-05-03T00:00:01Z'))
    ).not.toBeNull()
    expect(listarRespaldos(dir).map((r) => r.motivo)).toEqual([
      'aprobacion',
      'diario',
      'diario',
      'manual'
    ])
    expect(verificarArchivo(diario!).ok).toBe(true)
  })

  it('refuses a backup that fails verification, leaving no file behind', async () => {
    const dir = d('version')
    const h = t.app.handle
    h.prepare("insert into schema_migrations values (999, 'x', 'x')").run()
    try {
      await expect(respaldar(h, path.join(dir, 'r.db'))).rejects.toThrow(/no pasó la verificación/)
    } finally {
      h.prepare('delete from schema_migrations where version = 999').run()
    }
    expect(fs.readdirSync(dir)).toEqual([])
  })
})

describe('ultimoRespaldoBueno and restaurar', () => {
  it('picks the newest backup that passes verification', () => {
    const dir = d('ultimo')
    expect(ultimoRespaldoBueno(dir)).toBeNull()
    const viejo = path.join(dir, 'secretaria-mitp-20140101-000000-manual.db')
    fs.copyFileSync(good, viejo)
    fs.writeFileSync(path.join(dir, 'secretaria-mitp-20150101-000000-manual.db'), 'dañado')
    expect(ultimoRespaldoBueno(dir)!.archivo).toBe(viejo)
    const nuevo = path.join(dir, 'secretaria-mitp-20140601-000000-diario.db')
    fs.copyFileSync(good, nuevo)
    expect(ultimoRespaldoBueno(dir)!.archivo).toBe(nuevo)
  })

  it('moves the current file and its WAL side files aside before restoring', () => {
    const dir = d('restaurar')
    const db = path.join(dir, 'mitp.db')
    fs.writeFileSync(db, 'actual')
    fs.writeFileSync(`${db}-wal`, 'wal')
    fs.writeFileSync(`${db}-shm`, 'shm')
    const { copiaAnterior } = restaurar(db, good)
    expect(copiaAnterior).toMatch(/mitp\.db\.antes-de-restaurar-\d{8}-\d{6}-\d+$/)
    expect(fs.readFileSync(copiaAnterior!, 'utf8')).toBe('actual')
    expect(fs.readFileSync(`${copiaAnterior}-wal`, 'utf8')).toBe('wal')
    expect(fs.readFileSync(`${copiaAnterior}-shm`, 'utf8')).toBe('shm')
    expect(fs.existsSync(`${db}-wal`)).toBe(false)
    expect(filasSinIdentidad(db)).toBe(filasSinIdentidad(good))
    expect(fs.readdirSync(dir).filter((f) => /tmp|restaurando/.test(f))).toEqual([])
  })

  it('restores into a missing file with nothing to keep aside', () => {
    const db = path.join(d('vacio'), 'mitp.db')
    expect(restaurar(db, good)).toEqual({ copiaAnterior: null })
    expect(verificarArchivo(db).filas.acciones).toBe(25)
  })
})
