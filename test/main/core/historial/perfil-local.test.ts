import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { perfilEnArchivo, perfilEnMemoria } from '../../../../src/main/core/historial/perfil-local'
import { guardarPerfil, obtenerPerfil } from '../../../../src/main/core/historial/perfil.service'
import { openTestApp, tempDir } from '../../../helpers/db'
import { valor } from '../../../helpers/consulta'

// A notebook's own profile on a shared server (perfil-local.ts): read back as saved, and a damaged
// file asks again (the start-up form) instead of crediting a half-read name.

const dir = tempDir('mitp-perfil-local-')
afterAll(() => dir.cleanup())

describe("a notebook's profile file", () => {
  it('is absent at first, then reads back what was saved, in a folder made for it', () => {
    const archivo = path.join(dir.dir, 'nueva', 'carpeta', 'perfil.json')
    const almacen = perfilEnArchivo(archivo)
    expect(almacen.leer()).toBeNull()
    almacen.guardar({ nombre: 'Ana Pérez', institucion: 'SERNAM' })
    expect(perfilEnArchivo(archivo).leer()).toEqual({ nombre: 'Ana Pérez', institucion: 'SERNAM' })
    expect(fs.readdirSync(path.dirname(archivo))).toEqual(['perfil.json'])
  })

  it('reads as no profile when damaged or not a profile', () => {
    const archivo = path.join(dir.dir, 'perfil.json')
    for (const malo of ['{', '{"nombre":""}', '{"nombre":5,"institucion":null}', '[]', 'null']) {
      fs.writeFileSync(archivo, malo)
      expect(perfilEnArchivo(archivo).leer(), malo).toBeNull()
    }
  })
})

describe('a profile the host keeps', () => {
  it('is refused when the file cannot be read for another reason than being absent', () => {
    const carpeta = path.join(dir.dir, 'es-carpeta')
    fs.mkdirSync(carpeta)
    expect(() => perfilEnArchivo(carpeta).leer()).toThrow(/EISDIR/)
  })

  it('is read and saved there, never in the database, which keeps its own', async () => {
    const t = await openTestApp()
    try {
      const local = perfilEnMemoria()
      expect(await obtenerPerfil(t.app.db, local)).toBeNull()
      await guardarPerfil(t.app.db, { nombre: 'Berta Soto', institucion: 'MININT' }, local)
      expect(await obtenerPerfil(t.app.db, local)).toEqual({
        nombre: 'Berta Soto',
        institucion: 'MININT'
      })
      expect(await obtenerPerfil(t.app.db)).toBeNull()
      const filas = await valor(t, `select count(*) as n from app_settings where key = 'perfil'`)
      expect(Number(filas)).toBe(0)
    } finally {
      await t.close()
    }
  })
})
