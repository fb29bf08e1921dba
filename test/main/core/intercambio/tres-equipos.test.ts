import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  exportar,
  importar,
  vistaPrevia,
  type IntercambioDeps
} from '../../../../src/main/core/intercambio'
import { AppError } from '../../../../src/main/core/errors'
import type { TestApp } from '../../../helpers/db'
import { canonicos, contenido } from '../../../helpers/intercambio'
import { abrirTres, editar, op, type Op, type Tres } from '../../../helpers/intercambio-tres'

// Three laptops (#16), as real SQLite files: random edits (create, update, delete, approve)
// interleaved with random exchanges, some packages lost and some imported again. After a final
// exchange of every one with every other, all three hold the same rows, table by table, and every
// value ever written is there, or was replaced by someone who had it, or was shown in a conflict.

// Fixed; another can be tried with SEMILLA_TRES=n.
const SEED = Number(process.env['SEMILLA_TRES'] ?? 16_2026)
const RUNS = 3

// The backup before each import is proven elsewhere (dos-equipos, cli-paquete): not repeated here.
const puertos = (t: TestApp): IntercambioDeps => ({
  db: t.app.db,
  handle: t.app.handle,
  respaldar: async () => undefined
})

let n = 0

/** Imports a package at i, choosing the same side in every conflict; false if nothing was new. */
async function recibir(w: Tres, i: number, p: string, mio: boolean): Promise<boolean> {
  const d = puertos(w.t[i]!)
  try {
    const v = await vistaPrevia(d, p)
    for (const c of v.conflictos) {
      w.r.conflictos++
      if (c.campo === '_borrado') w.r.filasEnConflicto.add(`${c.tabla}:${c.filaId}`)
      else for (const x of [c.mio.valor, c.suyo.valor]) w.r.enConflicto.add(String(x))
    }
    const elecciones = Object.fromEntries(
      v.conflictos.map((c) => [c.clave, mio ? ('mio' as const) : ('suyo' as const)])
    )
    await importar(d, p, elecciones)
    return true
  } catch (e) {
    // A package already imported (or one older than those imported) brings nothing: refused.
    if (e instanceof AppError && /ya se importó/.test(e.message)) return false
    throw e
  }
}

async function enviar(w: Tres, o: Extract<Op, { k: 'enviar' }>): Promise<boolean> {
  const para = (o.de + 1 + o.a) % 3
  const p = path.join(w.carpeta, `p${++n}.mitp`)
  await exportar(puertos(w.t[o.de]!), w.nombres[para]!, p)
  const previos = w.r.paquetes.get(`${o.de}>${para}`) ?? []
  w.r.paquetes.set(`${o.de}>${para}`, [...previos, p])
  const nuevo = o.perder ? false : await recibir(w, para, p, o.mio)
  const todos = w.r.paquetes.get(`${o.de}>${para}`)!
  if (o.repetir !== null) await recibir(w, para, todos[o.repetir % todos.length]!, o.mio)
  return nuevo
}

/** Rounds of every one sending to every other until a round brings nothing new. */
async function todosConTodos(w: Tres): Promise<void> {
  for (let ronda = 0; ronda < 6; ronda++) {
    let algo = false
    for (let de = 0; de < 3; de++)
      for (const a of [0, 1]) {
        const o = { k: 'enviar', de, a, perder: false, repetir: null, mio: true } as const
        if (await enviar(w, o)) algo = true
      }
    if (!algo) return
  }
  throw new Error('six rounds of exchanges did not settle')
}

async function comprobar(w: Tres): Promise<void> {
  const [a, ...otras] = w.t
  const esperado = await contenido(a!, await canonicos(a!))
  for (const x of otras) expect(await contenido(x, await canonicos(x))).toEqual(esperado)
  const db = a!.app.db
  const hay = async (fila: string) => {
    const [tabla, id] = fila.split(':') as ['sesiones' | 'acuerdos', string]
    return (
      (await db.selectFrom(tabla).select('id').where('id', '=', id).executeTakeFirst()) !==
      undefined
    )
  }
  const finales = new Set([
    ...(await db.selectFrom('acciones').select('texto').execute()).map((f) => f.texto),
    ...(await db.selectFrom('sesiones').select('lugar').execute()).map((f) => f.lugar)
  ])
  const { r } = w
  const sabida = (fila: string) => r.borradas.has(fila) || r.filasEnConflicto.has(fila)
  for (const [v, fila] of r.escritos) {
    const ok =
      finales.has(v) ||
      r.reemplazados.has(v) ||
      r.enConflicto.has(v) ||
      (fila.startsWith('sesiones:') && !(await hay(fila)) && sabida(fila))
    expect(ok, `${v} (${fila}) se perdió`).toBe(true)
  }
  for (const fila of r.creadas) {
    if (await hay(fila)) continue
    const sesion = fila.startsWith('acuerdos:') ? undefined : fila
    expect(sabida(fila) || (sesion !== undefined && sabida(sesion)), `${fila} se perdió`).toBe(true)
  }
}

describe('three installations exchanging packages', () => {
  it(`end with the same rows, and every edit is there or was shown as a conflict (seed ${SEED})`, async () => {
    const totales = { conflictos: 0, aprobadas: 0, creadas: 0 }
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 10, maxLength: 30 }), async (ops) => {
        const w = await abrirTres()
        try {
          for (const o of ops) {
            if (o.k === 'enviar') await enviar(w, o)
            else await editar(w, o)
          }
          await todosConTodos(w)
          await comprobar(w)
          totales.conflictos += w.r.conflictos
          totales.aprobadas += w.r.aprobadas
          totales.creadas += w.r.creadas.size
        } finally {
          await w.cerrar()
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true }
    )
    // The runs did meet what the property is about.
    console.info(`tres equipos (seed ${SEED}):`, totales)
    expect(totales.conflictos).toBeGreaterThan(0)
    expect(totales.creadas).toBeGreaterThan(0)
    expect(totales.aprobadas).toBeGreaterThan(0)
  })
})
