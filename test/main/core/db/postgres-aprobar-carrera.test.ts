import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { abrirPostgres } from '../../../../src/main/core/db/postgres/abrir'
import { createAppApi } from '../../../../src/main/core/api'
import { CANDADO_SELLOS } from '../../../../src/main/core/db/postgres/esquema/sellos'
import { CANDADO_0022 } from '../../../../src/main/core/db/migrations/0022_bloqueo_en_turno'
import { iniciarPostgres, type ServidorPostgres } from '../../../helpers/postgres-servidor'
import { crearBase, destinoDe } from '../../../helpers/postgres-pruebas'
import { conFirmantes, entradaSesion, prevencionConMiembros } from '../../../helpers/sesiones'
import type { TestApp } from '../../../helpers/db'

// An approved acta cannot change on a server, even through a write that was already under way
// when the approval committed (migration 0022): two real connections, one approving (holding the
// writing turn, as aprobarSesion does before sealing), one writing a row of the same acta. And
// the approval through the API seals a write that was under way when it began (it waits for it).

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

async function nuevaBase(): Promise<string> {
  const base = `carrera_${++n}`
  await crearBase(servidor.url, base)
  return base
}

async function primerPunto(c: pg.Client, sesion: string): Promise<string> {
  const { rows } = await c.query<{ id: string }>(
    'select id from puntos_tabla where sesion_id = $1 order by orden limit 1',
    [sesion]
  )
  return rows[0]!.id
}

/** A new app database with one session; the id of the session and of one of its agenda items. */
async function conSesion(): Promise<{ base: string; sesion: string; punto: string }> {
  const base = await nuevaBase()
  const app = await abrirPostgres(destinoDe(servidor.url, base), { maximo: 1 })
  try {
    const api = createAppApi(app, { version: 'test' })
    const [instancia] = await api['instancia:listar'](undefined)
    const s = await api['sesion:crear'](entradaSesion(instancia!.id, '2014-03-12'))
    const c = await cliente(base)
    const punto = await primerPunto(c, s.id)
    await c.end()
    return { base, sesion: s.id, punto }
  } finally {
    await app.close()
  }
}

describe('an approval through the API while a write to its acta is under way', () => {
  it('waits for that write and seals it', async () => {
    const base = await nuevaBase()
    const app = await abrirPostgres(destinoDe(servidor.url, base), { maximo: 2 })
    const escribe = await cliente(base)
    try {
      const api = createAppApi(app, { version: 'test' })
      // The test helpers take the file's TestApp; they only call its API.
      const t = { app, api, file: '', close: async () => {} } as unknown as TestApp
      const { prevencion } = await prevencionConMiembros(t)
      const s = await api['sesion:crear'](entradaSesion(prevencion.id, '2014-03-12'))
      await conFirmantes(t, s.id)
      await api['sesion:cerrar']({ id: s.id })
      const en = await api['sesion:crear']({
        instanciaId: prevencion.id,
        tipo: 'extraordinaria',
        fecha: '2015-01-15',
        modalidad: 'remota'
      })
      const punto = await primerPunto(escribe, s.id)
      await escribe.query('begin')
      await escribe.query(
        `update puntos_tabla set desarrollo = 'Escrito antes de aprobar' where id = $1`,
        [punto]
      )
      const aprobacion = api['sesion:aprobar']({ id: s.id, enSesionId: en.id, observaciones: '' })
      const pronto = await Promise.race([
        aprobacion.then(() => 'aprobada'),
        new Promise((r) => setTimeout(() => r('esperando'), 400))
      ])
      expect(pronto).toBe('esperando')
      await escribe.query('commit')
      await aprobacion
      const { rows } = await escribe.query<{ contenido_aprobado: string }>(
        'select contenido_aprobado from sesiones where id = $1',
        [s.id]
      )
      expect(rows[0]!.contenido_aprobado).toContain('Escrito antes de aprobar')
    } finally {
      await escribe.end()
      await app.close()
    }
  })
})

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
