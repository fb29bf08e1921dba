import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { MENSAJE_SIN_BASE, nucleoSinBase } from '../../../../src/main/core/base-datos/sin-base'
import { tempDir } from '../../../helpers/db'

// «Editar la conexión» after the configured server failed: the window opens on this, not on
// any local file.
const dir = tempDir('mitp-sin-base-')
afterAll(() => dir.cleanup())

describe('the app with no database open', () => {
  it('answers Configuración → Base de datos compartida and refuses everything else', async () => {
    const archivo = path.join(dir.dir, 'base-datos.json')
    const servidor = 'postgres://mitp@db.ministerio.cl:5432/mitp'
    const n = nucleoSinBase(
      { archivo, cifrado: null, enUso: () => servidor, reiniciar: null, elegirArchivo: null },
      () => {},
      servidor
    )
    expect(await n.call('conexion:estado', {})).toMatchObject({
      ok: true,
      value: { configurada: { tipo: 'local' }, enUso: servidor }
    })
    expect(await n.call('instancia:listar', {})).toEqual({
      ok: false,
      error: { code: 'no_autorizado', message: MENSAJE_SIN_BASE }
    })
    expect(await n.call('conexion:local', {})).toEqual({ ok: true, value: { reinicia: false } })
    expect(JSON.parse(fs.readFileSync(archivo, 'utf8'))).toEqual({ tipo: 'local' })
    // Nothing but the configuration was written in the data folder.
    expect(fs.readdirSync(dir.dir)).toEqual(['base-datos.json'])
  })
})
