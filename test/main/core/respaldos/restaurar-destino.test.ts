import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { restaurar } from '../../../../src/main/core/respaldos'
import { runCliProcess } from '../../../helpers/cli'
import { sha256 } from '../../../helpers/db'
import { carpetaDeRestauracion, respaldoDeLaApp } from './restaurar-comun'

/**
 * Paths that exist but cannot be a database (a text file, a FIFO standing for a device like
 * /dev/null, which as root would be replaced), or that name SQLite's own side files: restore and
 * `cli backup --out` refuse them in Spanish and touch nothing. Real files, real processes.
 */
const raiz = carpetaDeRestauracion('mitp-destino-', respaldoDeLaApp)
const { respaldo, db } = raiz

describe('restore into something that is not a database', () => {
  it('a text file: refused, kept as it was', () => {
    const notas = path.join(raiz.dir, 'notas.txt')
    fs.writeFileSync(notas, 'mis notas')
    expect(() => restaurar(notas, respaldo)).toThrow(
      /No se puede restaurar en ".*notas\.txt": ese archivo existe y no es una base de datos SQLite/
    )
    expect(fs.readFileSync(notas, 'utf8')).toBe('mis notas')
  })

  it('a FIFO (a device-like file): refused, still a FIFO', () => {
    const fifo = path.join(raiz.dir, 'tubo')
    execFileSync('mkfifo', [fifo])
    expect(() => restaurar(fifo, respaldo)).toThrow(/es una tubería \(FIFO\), no un archivo/)
    expect(fs.lstatSync(fifo).isFIFO()).toBe(true)
  })

  it.each(['-wal', '-shm', '-journal'])('a name ending in %s: refused from the CLI', (lado) => {
    fs.copyFileSync(respaldo, db)
    const lateral = `${db}${lado}`
    fs.writeFileSync(lateral, '')
    const r = runCliProcess(['restore', '--db', lateral, '--from', respaldo])
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('es un archivo auxiliar de SQLite')
    expect(r.stderr).toContain('No se modificó nada.')
    expect(fs.statSync(lateral).size).toBe(0)
    fs.rmSync(lateral)
  })
})

describe('cli backup --out', () => {
  it("refuses the source's own -wal, and the source keeps its commits", () => {
    fs.copyFileSync(respaldo, db)
    const antes = sha256(db)
    const r = runCliProcess(['backup', '--db', db, '--out', `${db}-wal`])
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('es un archivo auxiliar de SQLite')
    expect(fs.existsSync(`${db}-wal`)).toBe(false)
    expect(sha256(db)).toBe(antes)
  })

  it('refuses a FIFO and a missing folder, in Spanish', () => {
    const fifo = path.join(raiz.dir, 'tubo-respaldo')
    execFileSync('mkfifo', [fifo])
    const r = runCliProcess(['backup', '--db', respaldo, '--out', fifo])
    expect(r.stderr).toContain('es una tubería (FIFO)')
    expect(fs.lstatSync(fifo).isFIFO()).toBe(true)
    const falta = runCliProcess(['backup', '--db', respaldo, '--out', '/no-existe/dir/x.db'])
    expect(falta.status).toBe(1)
    expect(falta.stderr).toContain('la carpeta "/no-existe/dir" no existe')
    expect(falta.stderr).not.toMatch(/Cannot|directory/)
  })
})
