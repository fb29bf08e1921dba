import { describe, expect, it, vi } from 'vitest'
import type * as Citadas from '../../../../src/main/core/intercambio/citadas'
import { vistaPrevia } from '../../../../src/main/core/intercambio'
import { createKysely } from '../../../../src/main/core/db/sqlite'
import { createAppApi } from '../../../../src/main/core/api'
import { nombrarFirmantes } from '../../../../src/main/core/seed/firmantes'
import { llamador } from '../../../../src/main/core/cliente'
import { conLotes } from '../../../../scripts/bench/historia'
import { banco, type Equipo } from '../../../helpers/intercambio'
import { sesionDeAmbos } from '../../../helpers/intercambio-dos'
import { caller, cerrarYAprobar } from '../../../helpers/sesiones'
import { observando } from '../../../helpers/sentencias'
import { pasosDeSqlite } from '../../../helpers/pasos-sqlite'
import { filas } from '../../../helpers/demo-hoy'

// A package that deletes a row an approved acta cites costs what its deletions ask, not the
// history (#13): 50 approved actas or 500, the same work. citadas.ts used to read every row of
// every approved acta, and every row those point at, whenever a package held a deletion.
// Measured: the statements citadasAlla runs within a real preview (other steps of the preview
// still read every session or acuerdo; they are not this file's subject).

/** Whether citadasAlla is running: the statements seen meanwhile are its own. */
const dentro = vi.hoisted(() => ({ citadas: false }))
vi.mock('../../../../src/main/core/intercambio/citadas', async (original) => {
  const m = await original<typeof Citadas>()
  const citadasAlla: typeof m.citadasAlla = async (...args) => {
    dentro.citadas = true
    try {
      return await m.citadasAlla(...args)
    } finally {
      dentro.citadas = false
    }
  }
  return { ...m, citadasAlla }
})

const b2 = banco()
const CITADA = '1.1.a'
const LIBRE = '1.1.b'

const accion = (e: Equipo, codigo: string) =>
  filas<{ id: string }>(e.t, 'select id from acciones where codigo = ?', codigo)[0]!.id

/**
 * `n` more approved actas of the instancia, each with its members' attendance, the usual agenda
 * and the cited acción reported on: each approved in the next session.
 */
async function actas(a: Equipo, instanciaId: string, desde: number, n: number) {
  const { handle } = a.t.app
  const api = createAppApi({ ...a.t.app, db: createKysely(conLotes(handle)) }, { version: 't' })
  handle.exec('begin')
  let previa: string | null = null
  for (let k = desde; k <= desde + n; k++) {
    const fecha = new Date(Date.UTC(2016, 1, 1 + k)).toISOString().slice(0, 10)
    const s = await api['sesion:crear']({
      instanciaId,
      tipo: 'ordinaria',
      fecha,
      modalidad: 'presencial'
    })
    await api['avance:guardar']({
      sesionId: s.id,
      accionId: accion(a, CITADA),
      estado: 'en_curso',
      porcentaje: k % 100,
      reporte: 'Se avanzó en la mesa regional'
    })
    await nombrarFirmantes(llamador(api), s.id, { marcar: true })
    if (previa) {
      await api['sesion:cerrar']({ id: previa })
      await api['sesion:aprobar']({ id: previa, enSesionId: s.id, observaciones: '' })
    }
    previa = s.id
  }
  handle.exec('commit')
}

/** A previews B's package; SQLite's steps to run each query citadasAlla ran. */
async function medir(a: Equipo, paquete: string, citada: string) {
  const sentencias: { sql: string; params: unknown[] }[] = []
  const db = createKysely(
    observando(a.t.app.handle, ({ metodo, sql, params }) => {
      if (dentro.citadas && metodo === 'all') sentencias.push({ sql, params })
    })
  )
  const v = await vistaPrevia({ ...a.d, db }, paquete)
  // Still the outcome of citadas.ts: the cited acción kept and listed, the other one deleted.
  expect(v.rechazadas).toContainEqual(
    expect.objectContaining({ lado: 'alla', tabla: 'acciones', filaId: citada, citada: true })
  )
  expect(v.tablas.find((t) => t.tabla === 'acciones')?.borradas).toBe(1)
  expect(sentencias.length).toBeGreaterThan(0)
  return pasosDeSqlite(a.t.file, sentencias)
}

const suma = (xs: number[]) => xs.reduce((n, x) => n + x, 0)
const aprobadas = (a: Equipo) =>
  filas<{ n: number }>(a.t, "select count(*) n from sesiones where estado = 'aprobada'")[0]!.n

describe('a package deleting a row an approved acta cites (#16, #13)', () => {
  it('costs the same with 50 approved actas as with 500', { timeout: 120_000 }, async () => {
    const { a, b, s } = await sesionDeAmbos(b2)
    await caller(a.t).ok('avance:guardar', {
      sesionId: s.id,
      accionId: accion(a, CITADA),
      estado: 'en_curso',
      porcentaje: 10,
      reporte: 'Primer reporte'
    })
    await cerrarYAprobar(a.t, s.id)
    // B, unaware of A's actas, deletes the cited acción and one no acta cites.
    for (const codigo of [CITADA, LIBRE])
      await caller(b.t).ok('accion:eliminar', { id: accion(b, codigo) })
    const paquete = await b2.paqueteDe(b, a)
    const instancia = filas<{ id: string }>(
      a.t,
      'select instancia_id id from sesiones where id = ?',
      s.id
    )[0]!.id
    await actas(a, instancia, 0, 49)
    expect(aprobadas(a)).toBe(50)
    const corta = await medir(a, paquete, accion(a, CITADA))
    await actas(a, instancia, 100, 450)
    expect(aprobadas(a)).toBe(500)
    const larga = await medir(a, paquete, accion(a, CITADA))
    console.log('VM steps, 50 actas', suma(corta), '500 actas', suma(larga))
    expect(larga).toHaveLength(corta.length)
    expect(suma(larga)).toBeLessThanOrEqual(suma(corta) * 1.2 + 200)
  })
})
