import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { abrirPostgres } from '../../../../src/main/core/db/postgres/abrir'
import { createAppApi } from '../../../../src/main/core/api'
import { CANDADO_SELLOS } from '../../../../src/main/core/db/postgres/esquema/sellos'
import { CANDADO_0022 } from '../../../../src/main/core/db/migrations/0022_bloqueo_en_turno'
import { iniciarPostgres, type ServidorPostgres } from '../../../helpers/postgres-servidor'
import { destinoDe } from '../../../helpers/postgres-pruebas'
import { entradaSesion } from '../../../helpers/sesiones'

// An approved acta cannot change on a server, even through a write that was already under way
// when the approval committed (migration 0022): two real connections, one approving (holding the
// writing turn, as aprobarSesion does before sealing), one writing a row of the same acta.

let servidor: ServidorPostgres
let n = 0

beforeAll(async () => {
  servidor = await iniciarPostgres()
}, 60_000)
afterAll(() => servidor?.detener())

async function cliente(base: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: servidor.url.replace(/\/postgres$/, `/${base}`) })
  await c.connect()
  return c
}

/** A new app database with one session; the id of the session and of one of its agenda items. */
async function conSesion(): Promise<{ base: string; sesion: string; punto: string }> {
  const base = `carrera_${++n}`
  const admin = await cliente('postgres')
  await admin.query(`create database ${base}`)
  await admin.end()
  const app = await abrirPostgres(destinoDe(servidor.url, base), { maximo: 1 })
  try {
    const api = createAppApi(app, { version: 'test' })
    const [instancia] = await api['instancia:listar'](undefined)
    const s = await api['sesion:crear'](entradaSesion(instancia!.id, '2014-03-12'))
    const c = await cliente(base)
    const { rows } = await c.query<{ id: string }>(
      'select id from puntos_tabla where sesion_id = $1 order by orden limit 1',
      [s.id]
    )
    await c.end()
    return { base, sesion: s.id, punto: rows[0]!.id }
  } finally {
    await app.close()
  }
}

describe('an approval and a write to the same acta at once, on a server', () => {
  it('takes the same turn the stamps take', () => {
    expect(CANDADO_0022).toBe(CANDADO_SELLOS)
  })

  it('refuses the write that waited for the approval, and the sealed acta stays as sealed', async () => {
    const { base, sesion, punto } = await conSesion()
    const aprueba = await cliente(base)
    const escribe = await cliente(base)
    try {
      await aprueba.query('begin')
      await aprueba.query(`select pg_advisory_xact_lock(${CANDADO_SELLOS})`)
      await aprueba.query(
        `update sesiones set estado = 'aprobada', hash = 'h', contenido_aprobado = 'sellado'
         where id = $1`,
        [sesion]
      )
      // Started while the approval is under way: it must wait, then meet the approved acta.
      const escritura = escribe
        .query(`update puntos_tabla set desarrollo = 'escrito después' where id = $1`, [punto])
        .then(
          () => 'escrita',
          (e: Error) => e.message
        )
      const pronto = await Promise.race([
        escritura,
        new Promise((r) => setTimeout(() => r('esperando'), 400))
      ])
      expect(pronto).toBe('esperando')
      await aprueba.query('commit')
      expect(await escritura).toBe('acta_aprobada')
      const { rows } = await escribe.query<{ desarrollo: string }>(
        'select desarrollo from puntos_tabla where id = $1',
        [punto]
      )
      expect(rows[0]!.desarrollo).not.toBe('escrito después')
    } finally {
      await aprueba.end()
      await escribe.end()
    }
  })
})
