import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { perfilEnArchivo } from '../../../../src/main/core/historial/perfil-local'
import { tempDir } from '../../../helpers/db'

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
