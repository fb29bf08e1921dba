import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { iniciarNucleo } from '../../../../src/main/core/host/nucleo'
import { workerDeDesarrollo } from '../../../../src/main/bridge/worker-dev'
import { DatabaseOpenError } from '../../../../src/main/core/db/open'
import type { DestinoPostgres } from '../../../../src/main/core/db/destino'
import { iniciarPostgres, type ServidorPostgres } from '../../../helpers/postgres-servidor'
import { crearBase } from '../../../helpers/postgres-pruebas'
import { tempDir } from '../../../helpers/db'

// The core's threads over a configured server (the shell's start), through the real worker.

let servidor: ServidorPostgres
let urlNucleo: string
const dir = tempDir('mitp-nucleo-pg-')
const archivo = path.join(dir.dir, 'secretaria-mitp.db')

beforeAll(async () => {
  servidor = await iniciarPostgres()
  urlNucleo = await crearBase(servidor.url, 'nucleo')
}, 60_000)
afterAll(async () => {
  await servidor?.detener()
  dir.cleanup()
})

const destino = (cambios: Partial<DestinoPostgres> = {}): DestinoPostgres => ({
  tipo: 'postgres',
  host: '127.0.0.1',
  puerto: servidor.puerto,
  base: 'nucleo',
  usuario: 'mitp',
  tls: 'desactivado',
  ...cambios
})

const abrir = (s: DestinoPostgres) =>
  iniciarNucleo({
    dbPath: archivo,
    servidor: s,
    version: 'test',
    workerFile: workerDeDesarrollo(),
    respaldosDir: path.join(dir.dir, 'respaldos'),
    printPdf: null,
    log: () => {}
  })

describe('the core over a configured server', () => {
  it('opens the server, not the local file, and takes no backup of it', async () => {
    const nucleo = await abrir(destino())
    try {
      expect(nucleo.dbPath).toBe(`postgres://mitp@127.0.0.1:${servidor.puerto}/nucleo`)
      expect(await nucleo.call('app:info', {})).toMatchObject({
        ok: true,
        value: { dbPath: nucleo.dbPath }
      })
      expect(await nucleo.call('instancia:listar', {})).toMatchObject({ ok: true })
    } finally {
      await nucleo.cerrar()
    }
    expect(fs.existsSync(archivo)).toBe(false)
    expect(fs.existsSync(path.join(dir.dir, 'respaldos'))).toBe(false)
  })

  it('fails in Spanish on an unreachable server, never opening the local file instead', async () => {
    const error = await abrir(destino({ puerto: 1 })).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DatabaseOpenError)
    expect(error).toMatchObject({ reason: 'servidor_inalcanzable' })
    expect((error as Error).message).toMatch(
      /^El servidor 127\.0\.0\.1:1 rechazó la conexión.*La aplicación no usó ningún archivo local en su lugar\.$/
    )
    expect(fs.existsSync(archivo)).toBe(false)
  })

  it("keeps this notebook's user in its own folder, and credits its writes to them", async () => {
    const perfilArchivo = path.join(dir.dir, 'notebook', 'perfil.json')
    const nucleo = await iniciarNucleo({
      dbPath: archivo,
      servidor: destino(),
      perfilArchivo,
      version: 'test',
      workerFile: workerDeDesarrollo(),
      printPdf: null,
      log: () => {}
    })
    try {
      const perfil = { nombre: 'Ana Pérez', institucion: 'SERNAM' }
      expect(await nucleo.call('perfil:guardar', perfil)).toMatchObject({ ok: true })
      expect(JSON.parse(fs.readFileSync(perfilArchivo, 'utf8'))).toEqual(perfil)
      const creada = await nucleo.call('institucion:crear', {
        sigla: 'NBK',
        nombre: 'Del notebook'
      })
      if (!creada.ok) throw new Error(creada.error.message)
      const c = new pg.Client({ connectionString: urlNucleo })
      await c.connect()
      try {
        const { rows } = await c.query(
          `select actor, institucion from historial where tabla = 'instituciones' and fila_id = $1`,
          [(creada.value as { id: string }).id]
        )
        expect(rows).toEqual([{ actor: 'Ana Pérez', institucion: 'SERNAM' }])
        const ajustes = await c.query(`select key from app_settings where key = 'perfil'`)
        expect(ajustes.rows).toEqual([])
      } finally {
        await c.end()
      }
    } finally {
      await nucleo.cerrar()
    }
  })
})
