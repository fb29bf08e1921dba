import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { abrirPostgres } from '../../../../src/main/core/db/postgres/abrir'
import { createAppApi } from '../../../../src/main/core/api'
import { ARCHIVO_PERFIL } from '../../../../src/main/core/historial/perfil-local'
import { iniciarPostgres, type ServidorPostgres } from '../../../helpers/postgres-servidor'
import { crearBase, destinoDe } from '../../../helpers/postgres-pruebas'
import { tempDir } from '../../../helpers/db'

// Two notebooks on one shared server: each names its own user, and the history credits each
// change to whoever made it (not to the last profile saved on the server).

let servidor: ServidorPostgres
let url: string
const carpetas = tempDir('mitp-perfil-pg-')

async function consulta<T extends pg.QueryResultRow>(texto: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    return (await c.query<T>(texto)).rows
  } finally {
    await c.end()
  }
}

beforeAll(async () => {
  servidor = await iniciarPostgres()
  url = await crearBase(servidor.url, 'perfiles')
}, 60_000)
afterAll(async () => {
  await servidor?.detener()
  carpetas.cleanup()
})

async function notebook(nombre: string) {
  const app = await abrirPostgres(destinoDe(servidor.url, 'perfiles'), { maximo: 2 })
  const perfilArchivo = path.join(carpetas.dir, nombre, ARCHIVO_PERFIL)
  return { app, perfilArchivo, api: createAppApi(app, { version: 'test', perfilArchivo }) }
}

describe('the user of each notebook on a shared server', () => {
  it('credits each change to the notebook that made it, whoever saved a profile last', async () => {
    const a = await notebook('a')
    const b = await notebook('b')
    try {
      await a.api['perfil:guardar']({ nombre: 'Ana Pérez', institucion: 'SERNAM' })
      await b.api['perfil:guardar']({ nombre: 'Berta Soto', institucion: 'MININT' })
      const ia = await a.api['institucion:crear']({ sigla: 'AAA', nombre: 'Creada por Ana' })
      const ib = await b.api['institucion:crear']({ sigla: 'BBB', nombre: 'Creada por Berta' })

      const filas = await consulta<{ fila_id: string; actor: string; institucion: string }>(
        `select fila_id, actor, institucion from historial where tabla = 'instituciones' and fila_id in ('${ia.id}', '${ib.id}')`
      )
      expect(Object.fromEntries(filas.map((f) => [f.fila_id, [f.actor, f.institucion]]))).toEqual({
        [ia.id]: ['Ana Pérez', 'SERNAM'],
        [ib.id]: ['Berta Soto', 'MININT']
      })
      expect(await a.api['perfil:obtener'](undefined)).toEqual({
        nombre: 'Ana Pérez',
        institucion: 'SERNAM'
      })
      expect(await b.api['perfil:obtener'](undefined)).toEqual({
        nombre: 'Berta Soto',
        institucion: 'MININT'
      })
      // Kept on each notebook, not in the server's shared settings.
      expect(JSON.parse(fs.readFileSync(a.perfilArchivo, 'utf8'))).toEqual({
        nombre: 'Ana Pérez',
        institucion: 'SERNAM'
      })
      expect(await consulta(`select key from app_settings where key = 'perfil'`)).toEqual([])
    } finally {
      await a.app.close()
      await b.app.close()
    }
  })

  it('asks a notebook that has none for its user, even after another saved one', async () => {
    const c = await notebook('c')
    const d = await notebook('d')
    try {
      await c.api['perfil:guardar']({ nombre: 'Carla Ruiz', institucion: null })
      expect(await d.api['perfil:obtener'](undefined)).toBeNull()
      // A reopened notebook still knows its user (the file, not this process's memory).
      const otra = createAppApi(c.app, { version: 'test', perfilArchivo: c.perfilArchivo })
      expect(await otra['perfil:obtener'](undefined)).toEqual({
        nombre: 'Carla Ruiz',
        institucion: null
      })
    } finally {
      await c.app.close()
      await d.app.close()
    }
  })
})
