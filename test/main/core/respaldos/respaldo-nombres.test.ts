import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  CONSERVAR,
  listarRespaldos,
  respaldoAutomatico,
  rotarRespaldos,
  verificarArchivo
} from '../../../../src/main/core/respaldos'
import { openTestApp, tempDir, type TestApp } from '../../../helpers/db'

/**
 * Backups taken in the same second (two actas approved one after the other, or a backup at
 * start and one after an approval) each get a file of their own: none replaces another, and
 * the listing and the rotation still read them newest first.
 */
const dir = tempDir('mitp-respaldo-nombres-')
let t: TestApp
beforeAll(async () => {
  t = await openTestApp()
})
afterAll(async () => {
  await t.close()
  dir.cleanup()
})

const MISMO_SEGUNDO = new Date('2014-03-12T10:15:00.250Z')

describe('backups taken in the same second', () => {
  it('each keep their own checked file, one after another or at the same time', async () => {
    const d = path.join(dir.dir, 'seguidos')
    const primero = await respaldoAutomatico(t.app.handle, d, 'aprobacion', MISMO_SEGUNDO)
    // The acta approved between the two backups must be in the second one only.
    t.app.handle.exec(`create table marca_entre_respaldos (x)`)
    const [segundo, tercero] = await Promise.all([
      respaldoAutomatico(t.app.handle, d, 'aprobacion', MISMO_SEGUNDO),
      respaldoAutomatico(t.app.handle, d, 'aprobacion', MISMO_SEGUNDO)
    ])
    t.app.handle.exec(`drop table marca_entre_respaldos`)
    expect(new Set([primero, segundo, tercero]).size).toBe(3)
    expect(path.basename(primero!)).toBe('secretaria-mitp-20140312-101500-aprobacion.db')
    const l = listarRespaldos(d)
    expect(l.map((r) => r.nombre)).toEqual([
      'secretaria-mitp-20140312-101500-3-aprobacion.db',
      'secretaria-mitp-20140312-101500-2-aprobacion.db',
      'secretaria-mitp-20140312-101500-aprobacion.db'
    ])
    for (const r of l) {
      expect(r).toMatchObject({ fecha: '2014-03-12T10:15:00Z', motivo: 'aprobacion' })
      expect(verificarArchivo(r.archivo).ok, r.nombre).toBe(true)
    }
    const tieneMarca = (f: string): boolean =>
      fs.readFileSync(f).includes(Buffer.from('marca_entre_respaldos'))
    expect(tieneMarca(primero!)).toBe(false)
    expect(tieneMarca(segundo!)).toBe(true)
    expect(fs.readdirSync(d).filter((f) => !f.endsWith('.db'))).toEqual([])
  })

  it('still count as one daily backup, and the rotation drops the oldest of the second first', async () => {
    const d = path.join(dir.dir, 'rotar')
    fs.mkdirSync(d)
    const viejos = [
      'secretaria-mitp-20140312-101500-diario.db',
      'secretaria-mitp-20140312-101500-2-aprobacion.db',
      'secretaria-mitp-20140312-101500-10-aprobacion.db'
    ]
    for (const n of viejos) fs.writeFileSync(path.join(d, n), 'x')
    expect(
      await respaldoAutomatico(t.app.handle, d, 'diario', new Date('2014-03-12T18:00:00Z'))
    ).toBeNull()
    for (let i = 0; i < CONSERVAR - 1; i++)
      fs.writeFileSync(
        path.join(d, `secretaria-mitp-20140313-0000${String(i).padStart(2, '0')}-aprobacion.db`),
        'x'
      )
    expect(rotarRespaldos(d)).toEqual([
      'secretaria-mitp-20140312-101500-2-aprobacion.db',
      'secretaria-mitp-20140312-101500-diario.db'
    ])
    expect(listarRespaldos(d).at(-1)!.nombre).toBe(
      'secretaria-mitp-20140312-101500-10-aprobacion.db'
    )
  })

  it('write no file, not even an empty one, when the backup fails', async () => {
    const d = path.join(dir.dir, 'falla')
    // Where the copy would be written there is a folder: the backup fails before copying.
    const estorbo = `secretaria-mitp-20140312-101500-aprobacion.db.${process.pid}.tmp`
    fs.mkdirSync(path.join(d, estorbo), { recursive: true })
    await expect(respaldoAutomatico(t.app.handle, d, 'aprobacion', MISMO_SEGUNDO)).rejects.toThrow()
    expect(fs.readdirSync(d)).toEqual([estorbo])
    expect(listarRespaldos(d)).toEqual([])
  })

  it('say in Spanish when the folder of backups cannot be made', async () => {
    const d = path.join(dir.dir, 'es-un-archivo')
    fs.writeFileSync(d, 'no es una carpeta')
    await expect(respaldoAutomatico(t.app.handle, d, 'diario', MISMO_SEGUNDO)).rejects.toThrow(
      `No se pudo crear la carpeta de respaldos "${d}": en su lugar hay un archivo, no una carpeta. No se escribió ningún respaldo.`
    )
  })

  it('lose a reservation and a copy left by a crash mid-backup at the next rotation, not those in use', async () => {
    const d = path.join(dir.dir, 'huerfana')
    fs.mkdirSync(d)
    // A reservation and the copy it was writing (a whole database, with its journal).
    const viejas = [
      'secretaria-mitp-20140310-090000-diario.db.reservado',
      'secretaria-mitp-20140310-090000-diario.db.4242.tmp',
      'secretaria-mitp-20140310-090000-diario.db.4242.tmp-journal'
    ].map((n) => path.join(d, n))
    const enCurso = [
      'secretaria-mitp-20140312-101500-aprobacion.db.reservado',
      'secretaria-mitp-20140312-101500-aprobacion.db.4243.tmp'
    ].map((n) => path.join(d, n))
    // Not a backup's: left alone, however old.
    const ajeno = path.join(d, 'notas.tmp')
    for (const f of [...viejas, ...enCurso, ajeno]) fs.writeFileSync(f, '')
    const ahora = new Date('2014-03-12T10:15:01Z').getTime()
    for (const f of [...viejas, ajeno])
      fs.utimesSync(f, new Date(ahora - 25 * 3600_000), new Date(ahora - 25 * 3600_000))
    for (const f of enCurso) fs.utimesSync(f, new Date(ahora - 60_000), new Date(ahora - 60_000))
    rotarRespaldos(d, ahora)
    expect(fs.readdirSync(d).sort()).toEqual(
      [...enCurso, ajeno].map((f) => path.basename(f)).sort()
    )
  })
})
