import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openSqlite } from '../../../../src/main/core/db/sqlite'
import { marcarEnUso } from '../../../../src/main/core/en-uso'
import { restaurar } from '../../../../src/main/core/restaurar'
import { runCli } from '../../../../src/main/cli'
import { baseNueva, carpetaDeRestauracion } from './restaurar-comun'

/** The in-use marks hold for the CLI, for every name of a file, and for holders we cannot see. */
const { respaldo, base } = carpetaDeRestauracion('mitp-en-uso-b-', async (respaldo) => {
  await baseNueva(respaldo)
  const h = openSqlite(respaldo)
  h.exec("create table marca(v text); insert into marca values ('respaldo')")
  h.close()
})
const marcas = (db: string): string[] =>
  fs.readdirSync(path.dirname(db)).filter((f) => f.includes('.en-uso-'))

describe('in-use marks', () => {
  it('a CLI command holds the mark while it has the file open', async () => {
    const db = await base()
    const vistas: string[][] = []
    const rc = await runCli(
      ['plan', '--db', db, '--json'],
      () => vistas.push(marcas(db)),
      () => {}
    )
    expect(rc).toBe(0)
    expect(vistas[0]).toHaveLength(1)
    expect(marcas(db)).toEqual([])
  })

  it('go by the real file: a restore through a link is refused while the file is open, and replaces the file, not the link', async () => {
    const db = await base()
    const enlace = path.join(path.dirname(db), 'enlace.db')
    fs.symlinkSync(db, enlace)
    const soltar = marcarEnUso(db)
    try {
      expect(() => restaurar(enlace, respaldo)).toThrow(/está abierta en Secretaría MITP/)
    } finally {
      soltar()
    }
    restaurar(enlace, respaldo)
    expect(fs.lstatSync(enlace).isSymbolicLink()).toBe(true)
    const h = openSqlite(db, { readonly: true })
    expect(h.prepare('select v from marca').pluck().get()).toBe('respaldo')
    h.close()
  })

  it('a holder in another PID namespace counts, though its pid is not seen here', async () => {
    const db = await base()
    const marca = `${db}.en-uso-4194303-contenedor`
    const espacio = 'pid:[1]'
    fs.writeFileSync(
      marca,
      JSON.stringify({ pid: 4194303, equipo: os.hostname(), desde: '', espacio })
    )
    expect(() => restaurar(db, respaldo)).toThrow(/está abierta en Secretaría MITP/)
    expect(fs.existsSync(marca)).toBe(true)
  })

  it("another computer's mark counts; the message names the file to delete after a crash", async () => {
    const db = await base()
    const marca = `${db}.en-uso-77-otro`
    fs.writeFileSync(marca, JSON.stringify({ pid: 77, equipo: 'otro-equipo', desde: '' }))
    expect(() => restaurar(db, respaldo)).toThrow(
      /en el equipo otro-equipo.*borre el archivo mitp\.db\.en-uso-77-otro .*No se modificó nada\./
    )
    expect(fs.existsSync(marca)).toBe(true)
  })
})
