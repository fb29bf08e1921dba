import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  abrirPaquete,
  ErrorPaquete,
  escribirPaquete,
  type CampoPaquete,
  type Manifiesto
} from '../../../../src/main/core/intercambio/paquete'
import { tempDir } from '../../../helpers/db'

// A package is refused whole when it is not one, is damaged, is of another format or was changed
// after it was written; a good one reads back exactly what was written.

const datos: Omit<Manifiesto, 'app' | 'formato'> = {
  id: '0192a000-0000-7000-8000-000000000001',
  creado: '2014-06-11T14:00:00.000Z',
  de: { id: 'inst-a', nombre: 'Notebook SERNAM – Javiera' },
  para: { id: 'inst-b', nombre: 'Notebook MININT – Coordinación' },
  vector: { 'inst-a': '1402495200000-0003-inst-a' },
  base: {}
}
const campos: CampoPaquete[] = Array.from({ length: 300 }, (_, n) => ({
  tabla: n % 2 ? 'acuerdos' : 'sesiones',
  filaId: `fila-${String(n).padStart(4, '0')}`,
  campo: n % 3 ? 'texto' : 'plazo',
  valor: JSON.stringify(`Oficiar a Carabineros n.º ${n} — «víctimas»`),
  sello: `1402495200000-${n.toString(36).padStart(4, '0')}-inst-a`
}))

let dir: string
let cleanup: () => void
let ruta: string
beforeEach(() => {
  ;({ dir, cleanup } = tempDir())
  ruta = path.join(dir, 'para-mininit.mitp')
})
afterEach(() => cleanup())

const leido = (r: string) => {
  const p = abrirPaquete(r)
  try {
    return { manifiesto: p.manifiesto, campos: [...p.campos()] }
  } finally {
    p.cerrar()
  }
}

const editar = (r: string, sql: string) => {
  const db = new BetterSqlite3(r)
  db.exec(sql)
  db.close()
}

describe('the .mitp package', () => {
  it('reads back the manifest and every field, in order, and leaves no temporary file', () => {
    const r = escribirPaquete(ruta, datos, campos)
    expect(r.campos).toBe(300)
    const p = leido(ruta)
    expect(p.manifiesto).toEqual({ app: 'secretaria-mitp', formato: 1, ...datos })
    expect(p.campos).toEqual(
      [...campos].sort((a, b) => (a.tabla + a.filaId < b.tabla + b.filaId ? -1 : 1))
    )
    expect(fs.readdirSync(dir)).toEqual(['para-mininit.mitp'])
  })

  it('refuses a field changed by hand, and a changed addressee, naming the sum', () => {
    escribirPaquete(ruta, datos, campos)
    const otro = path.join(dir, 'otro.mitp')
    fs.copyFileSync(ruta, otro)
    editar(ruta, `UPDATE campos SET valor = '"Plazo cambiado"' WHERE fila_id = 'fila-0007'`)
    expect(() => abrirPaquete(ruta)).toThrow(/fue modificado después de exportarse/)
    const m = JSON.stringify({ app: 'secretaria-mitp', formato: 1, ...datos, para: datos.de })
    editar(otro, `UPDATE manifiesto SET valor = '${m}' WHERE clave = 'manifiesto'`)
    expect(() => abrirPaquete(otro)).toThrow(/suma SHA-256 no coincide/)
  })

  it('refuses another format version, saying which', () => {
    escribirPaquete(ruta, datos, campos)
    const m = JSON.stringify({ app: 'secretaria-mitp', formato: 2, ...datos })
    editar(ruta, `UPDATE manifiesto SET valor = '${m}' WHERE clave = 'manifiesto'`)
    expect(() => abrirPaquete(ruta)).toThrow(
      'tiene el formato 2 y esta versión de la aplicación lee el formato 1'
    )
  })

  it('refuses what is not a package: a missing file, an empty one, text, another database', () => {
    expect(() => abrirPaquete(path.join(dir, 'nada.mitp'))).toThrow('No se encontró el paquete')
    fs.writeFileSync(path.join(dir, 'vacio.mitp'), '')
    expect(() => abrirPaquete(path.join(dir, 'vacio.mitp'))).toThrow('no es un paquete')
    fs.writeFileSync(path.join(dir, 'acta.mitp'), 'ACTA SESIÓN ORDINARIA N° 2/2014')
    expect(() => abrirPaquete(path.join(dir, 'acta.mitp'))).toThrow('no es un paquete')
    editar(path.join(dir, 'base.mitp'), 'CREATE TABLE sesiones (id TEXT)')
    expect(() => abrirPaquete(path.join(dir, 'base.mitp'))).toThrow(ErrorPaquete)
  })

  it('cut or with bytes changed anywhere, it is refused or reads back the very same fields', () => {
    escribirPaquete(ruta, datos, campos)
    const bueno = fs.readFileSync(ruta)
    const esperado = leido(ruta)
    fc.assert(
      fc.property(
        fc.oneof(
          fc.record({ corte: fc.integer({ min: 0, max: bueno.length - 1 }) }),
          fc.record({
            en: fc.integer({ min: 0, max: bueno.length - 1 }),
            byte: fc.integer({ min: 0, max: 255 })
          })
        ),
        (d) => {
          const copia = path.join(dir, 'copia.mitp')
          const b = Buffer.from(bueno)
          if ('en' in d) b[d.en] = d.byte
          fs.writeFileSync(copia, 'corte' in d ? b.subarray(0, d.corte) : b)
          try {
            expect(leido(copia)).toEqual(esperado)
          } catch (e) {
            expect(e).toBeInstanceOf(ErrorPaquete)
          }
        }
      ),
      { seed: 20140611, numRuns: 400 }
    )
  })
})
