import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { crearLog, LOG_ARCHIVOS, LOG_MAX_BYTES } from '../../../src/main/core/log'
import { AppError, conflict, notFound } from '../../../src/main/core/errors'
import { writeFileAtomic } from '../../../src/main/core/files'
import { newId, nowStamp } from '../../../src/main/core/db/ids'
import { tempDir, UUID_V7 } from '../../helpers/db'

// The small core pieces every service leans on, on real files in a temporary folder.
const tmp = tempDir('mitp-core-')
afterAll(() => tmp.cleanup())
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/

describe('crearLog', () => {
  it('creates its folder and writes one stamped line per event, errors with their stack', () => {
    const dir = path.join(tmp.dir, 'log', 'nuevo')
    const log = crearLog(dir)
    log('abrió')
    const e = new TypeError('falló')
    log('canal sesion:crear', e)
    log('otro', 'texto')
    log('cero', 0)
    const lineas = fs.readFileSync(path.join(dir, 'secretaria-mitp.log'), 'utf8').split('\n')
    expect(lineas[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z abrió$/)
    expect(lineas[0]!.split(' ')[0]).toMatch(ISO)
    expect(lineas[1]).toMatch(/ canal sesion:crear TypeError: falló$/)
    expect(lineas[2]).toBe(e.stack!.split('\n')[0])
    const resto = lineas.slice(2 + e.stack!.split('\n').length)
    expect(resto[0]).toMatch(/Z otro texto$/)
    expect(resto[1]).toMatch(/Z cero$/)
    expect(resto[2]).toBe('')
  })

  it('writes an error without a stack as its name and message', () => {
    const dir = path.join(tmp.dir, 'sin-stack')
    const e = new Error('x')
    e.stack = undefined
    crearLog(dir, 'a.log')('m', e)
    expect(fs.readFileSync(path.join(dir, 'a.log'), 'utf8')).toMatch(/Z m Error: x\n\n$/)
  })

  it('rotates past 1 MB keeping three old files, and never throws', () => {
    const dir = path.join(tmp.dir, 'rota')
    const file = path.join(dir, 'r.log')
    const log = crearLog(dir, 'r.log')
    for (let i = 1; i <= LOG_ARCHIVOS + 1; i++) {
      fs.writeFileSync(file, `${i}`.repeat(LOG_MAX_BYTES + 1))
      log(`tras ${i}`)
    }
    expect(fs.readdirSync(dir).sort()).toEqual(['r.log', 'r.log.1', 'r.log.2', 'r.log.3'])
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^\S+ tras 4\n$/)
    for (const [n, digito] of [
      [1, '4'],
      [2, '3'],
      [3, '2']
    ] as const)
      expect(fs.readFileSync(`${file}.${n}`, 'utf8').slice(0, 3), `${n}`).toBe(digito.repeat(3))
    // Exactly at the limit it does not rotate yet.
    fs.writeFileSync(file, 'x'.repeat(LOG_MAX_BYTES))
    log('justo')
    expect(fs.readFileSync(`${file}.1`, 'utf8').slice(0, 1)).toBe('4')
    expect([LOG_MAX_BYTES, LOG_ARCHIVOS]).toEqual([1024 * 1024, 3])
    fs.rmSync(dir, { recursive: true })
    fs.writeFileSync(dir, 'ahora es un archivo')
    expect(() => log('no puede escribir')).not.toThrow()
  })
})

describe('AppError', () => {
  it('carries a code for the program and a Spanish message for the person', () => {
    const e = new AppError('entrada_invalida', 'Mal.', { texto: 'Vacío.' })
    expect([e.name, e.code, e.message, e.fields]).toEqual([
      'AppError',
      'entrada_invalida',
      'Mal.',
      { texto: 'Vacío.' }
    ])
    expect(e).toBeInstanceOf(Error)
    expect(notFound('La sesión')).toMatchObject({
      code: 'no_encontrado',
      message: 'La sesión no existe o fue eliminada.',
      fields: undefined
    })
    expect(conflict('Ya existe.', 'sigla')).toMatchObject({
      code: 'conflicto',
      message: 'Ya existe.',
      fields: { sigla: 'Ya existe.' }
    })
    expect(conflict('Ya existe.').fields).toBeUndefined()
  })
})

describe('writeFileAtomic', () => {
  it('writes or replaces the file whole, leaving no temporary file', () => {
    const dir = path.join(tmp.dir, 'atomico')
    fs.mkdirSync(dir)
    const f = path.join(dir, 'acta.docx')
    writeFileAtomic(f, new Uint8Array([1, 2, 3]))
    writeFileAtomic(path.relative(process.cwd(), f), Buffer.from('nuevo'))
    expect(fs.readFileSync(f, 'utf8')).toBe('nuevo')
    expect(fs.readdirSync(dir)).toEqual(['acta.docx'])
  })

  it('leaves nothing behind when the write fails', () => {
    const dir = path.join(tmp.dir, 'falla')
    fs.mkdirSync(dir)
    expect(() => writeFileAtomic(path.join(dir, 'x.docx'), 42 as unknown as Uint8Array)).toThrow()
    expect(fs.readdirSync(dir)).toEqual([])
    expect(() => writeFileAtomic(path.join(dir, 'no', 'x.docx'), new Uint8Array(1))).toThrow()
  })
})

describe('ids and stamps', () => {
  it('are UUIDv7, in creation order, and ISO-8601 UTC with milliseconds', () => {
    const ids = Array.from({ length: 50 }, () => newId())
    for (const id of ids) expect(id).toMatch(UUID_V7)
    expect([...ids].sort()).toEqual(ids)
    expect(new Set(ids).size).toBe(50)
    const antes = Date.now()
    const s = nowStamp()
    expect(s).toMatch(ISO)
    expect(Math.abs(Date.parse(s) - antes)).toBeLessThan(1000)
  })
})
