import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openAppDatabase } from '../../../../src/main/core/db/open'
import { migrar, pasosDe } from '../../../../src/main/core/db/migrar'
import { tablasDe, type Tabla } from '../../../../src/main/core/db/migrar/esquema'
import { PAGINA } from '../../../../src/main/core/db/migrar/leer'
import { VALORES_POR_INSERT } from '../../../../src/main/core/db/migrar/copiar'
import { tempDir } from '../../../helpers/db'
import { foto, sumas } from './migrar-apoyo'

// `migrar` copies the source as of one instant: someone writing to it while the copy runs changes
// neither the copy nor the check after it (both read one snapshot), so the check can say «equal».
// Also, in this process (file to file), what the CLI and server tests prove across processes: a
// whole copy verified table by table, a target with data or another schema refused untouched.

const carpeta = tempDir('mitp-migrar-foto-')
afterAll(() => carpeta.cleanup())

describe('migrar reads its source as of one instant', () => {
  it('a write to the source during the copy is in neither the copy nor the check', async () => {
    const origen = await openAppDatabase(path.join(carpeta.dir, 'origen.db'))
    // Another user of the source file, with the app's own connection (its triggers' functions).
    const otro = await openAppDatabase(origen.path, { seed: false })
    const destino = await openAppDatabase(path.join(carpeta.dir, 'destino.db'), { seed: false })
    const antes = await sumas(origen)
    let escrito = false
    try {
      const r = await migrar(origen, destino, (tabla, copiadas, total) => {
        // Once the institutions are copied, someone renames them all (committed at once).
        if (tabla !== 'instituciones' || copiadas < total || escrito) return
        otro.handle.prepare(`update instituciones set nombre = nombre || ' (cambiada)'`).run()
        escrito = true
      })
      expect(escrito).toBe(true)
      expect(r.tablas.filter((t) => !t.igual).map((t) => t.tabla)).toEqual([])
      expect(r.ok).toBe(true)
      expect(await sumas(destino)).toEqual(antes)
      // The source did change: the copy is of the instant it started.
      const despues = await sumas(origen)
      expect(despues.instituciones).not.toBe(antes.instituciones)
    } finally {
      await otro.close()
      await destino.close()
      await origen.close()
    }
  })
})

describe('migrar from file to file, in this process', () => {
  it('copies every table, each verified equal, into an empty file', async () => {
    const origen = await openAppDatabase(path.join(carpeta.dir, 'entera.db'))
    const destino = await openAppDatabase(path.join(carpeta.dir, 'entera-copia.db'), {
      seed: false
    })
    try {
      const vistas: [string, number, number][] = []
      const r = await migrar(origen, destino, (...v) => vistas.push(v))
      expect(r.ok).toBe(true)
      const sumasOrigen = await sumas(origen)
      expect(r.tablas.map((t) => t.tabla)).toEqual(Object.keys(sumasOrigen).sort())
      expect(r.tablas.every((t) => t.igual && t.origen.suma === t.destino.suma)).toBe(true)
      const acciones = r.tablas.find((t) => t.tabla === 'acciones')!.destino.filas
      expect(acciones).toBeGreaterThan(10)
      expect(await sumas(destino)).toEqual(sumasOrigen)
      // The progress counts each table up to its rows, out of its rows.
      expect(vistas.filter(([t]) => t === 'acciones').at(-1)).toEqual([
        'acciones',
        acciones,
        acciones
      ])
      // The triggers, dropped for the copy, are all there again.
      const disparadores = async (app: typeof origen) => (await foto(app))['(triggers activos)']
      expect(Number(await disparadores(destino))).toBeGreaterThan(0)
      expect(await disparadores(destino)).toBe(await disparadores(origen))
    } finally {
      await destino.close()
      await origen.close()
    }
  })

  it('refuses a target with data, naming the rows, and leaves it as it was', async () => {
    const origen = await openAppDatabase(path.join(carpeta.dir, 'o2.db'))
    const destino = await openAppDatabase(path.join(carpeta.dir, 'con-plan.db'))
    try {
      const antes = await sumas(destino)
      const e = await migrar(origen, destino).catch((x: unknown) => x as Error)
      expect(e).toBeInstanceOf(Error)
      expect((e as Error).message).toMatch(
        /^El destino .*con-plan\.db ya tiene datos \(filas: .*\d+ en acciones.*\)\. No se escribió nada/
      )
      expect(await sumas(destino)).toEqual(antes)
    } finally {
      await destino.close()
      await origen.close()
    }
  })
})

describe('the tables to copy', () => {
  it("each fit a page of rows in one INSERT, within SQLite's limit of values", async () => {
    const app = await openAppDatabase(path.join(carpeta.dir, 'anchos.db'), { seed: false })
    try {
      const anchos = [...(await tablasDe(app)).values()].map((t) => t.columnas.length)
      expect(anchos.length).toBeGreaterThan(20)
      expect(PAGINA * Math.max(...anchos)).toBeLessThanOrEqual(VALORES_POR_INSERT)
    } finally {
      await app.close()
    }
  })

  const tabla = (nombre: string, columnas: string[], clave = ['id']): Tabla => ({
    nombre,
    columnas,
    clave,
    fisica: {},
    nulas: new Set(),
    texto: new Set()
  })
  const mapa = (...ts: Tabla[]) => new Map(ts.map((t) => [t.nombre, t]))

  it('are those both sides have, with the same columns in any order', () => {
    const pasos = pasosDe(
      mapa(tabla('b', ['id', 'x']), tabla('a', ['x', 'id']), tabla('schema_migrations', ['v'])),
      mapa(tabla('a', ['id', 'x']), tabla('b', ['x', 'id']), tabla('schema_migrations', ['w']))
    )
    expect(pasos.map((p) => [p.destino.nombre, p.columnas])).toEqual([
      ['a', ['id', 'x']],
      ['b', ['id', 'x']]
    ])
  })

  it('are refused, naming each difference, when the schemas differ at all', () => {
    expect(() =>
      pasosDe(
        mapa(tabla('a', ['id', 'x']), tabla('c', ['id']), tabla('d', ['id'], ['id'])),
        mapa(tabla('a', ['id', 'y']), tabla('e', ['id']), tabla('d', ['id'], ['otra']))
      )
    ).toThrow(
      'El origen y el destino no tienen el mismo esquema (solo en el origen: c; solo en el destino: e; a tiene otras columnas o clave; d tiene otras columnas o clave). No se escribió nada.'
    )
  })
})
