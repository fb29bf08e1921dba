import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  ConfigIlegible,
  escribirConfig,
  leerConfig,
  type ConfigBase
} from '../../../../src/main/core/base-datos/config'
import {
  servirBaseDatos,
  type EntornoBaseDatos
} from '../../../../src/main/core/base-datos/handlers'
import { servidorConfigurado } from '../../../../src/main/core/base-datos/inicio'
import {
  MENSAJE_SIN_ALMACEN_SEGURO,
  type PuertoCifrado
} from '../../../../src/main/core/base-datos/cifrado'
import { tempDir } from '../../../helpers/db'

const dir = tempDir('mitp-config-bd-')
afterAll(() => dir.cleanup())
let n = 0
const archivoNuevo = (): string => path.join(dir.dir, `caso-${++n}`, 'base-datos.json')

const SERVIDOR: ConfigBase = {
  tipo: 'servidor',
  host: 'db.ministerio.cl',
  puerto: 5433,
  base: 'mitp',
  usuario: 'secretaria',
  tls: 'verificar',
  ca: '/etc/ssl/ca.pem',
  claveCifrada: null
}

const conexion = { host: 'db.ministerio.cl', puerto: 5433, base: 'mitp', usuario: 'secretaria' }
const entrada = (clave: string) => ({ ...conexion, tls: 'requerido', ca: null, clave })

/**
 * A stand-in for the OS keychain, which cannot exist in this container (no Electron, no secret
 * service): the one fake here. It reverses and marks the text so a test can tell it was applied;
 * everything else (the file, the handlers, dispatch) is the real code.
 */
function llaveroFalso(impedimento: string | null = null): PuertoCifrado {
  return {
    impedimento: async () => impedimento,
    cifrar: async (t) => Buffer.from(`cifrado:${[...t].reverse().join('')}`),
    descifrar: async (b) => [...b.toString().replace(/^cifrado:/, '')].reverse().join('')
  }
}

function entorno(archivo: string, cifrado: PuertoCifrado | null): EntornoBaseDatos {
  return { archivo, cifrado, enUso: () => 'archivo.db', reiniciar: null, elegirArchivo: null }
}

const llamar = (env: EntornoBaseDatos, canal: string, input: unknown) =>
  servirBaseDatos(env, () => {})(canal, input)!

describe('the configuration file', () => {
  it('is the local file when absent, and reads back what was written', () => {
    const archivo = archivoNuevo()
    expect(leerConfig(archivo)).toEqual({ tipo: 'local' })
    escribirConfig(archivo, SERVIDOR)
    expect(leerConfig(archivo)).toEqual(SERVIDOR)
    escribirConfig(archivo, { tipo: 'local' })
    expect(leerConfig(archivo)).toEqual({ tipo: 'local' })
    // Written through a temporary file renamed over it: none is left beside it.
    expect(fs.readdirSync(path.dirname(archivo))).toEqual(['base-datos.json'])
  })

  it('replaces the file by a rename: a reader of the old one keeps it whole', () => {
    const archivo = archivoNuevo()
    escribirConfig(archivo, SERVIDOR)
    const antes = fs.readFileSync(archivo, 'utf8')
    const lector = fs.openSync(archivo, 'r')
    try {
      const inodo = fs.fstatSync(lector).ino
      escribirConfig(archivo, { tipo: 'local' })
      // A new file took the name (written in place, the inode would stay and the reader would
      // see the new text, or half of it).
      expect(fs.statSync(archivo).ino).not.toBe(inodo)
      expect(fs.readFileSync(lector, 'utf8')).toBe(antes)
      expect(leerConfig(archivo)).toEqual({ tipo: 'local' })
    } finally {
      fs.closeSync(lector)
    }
  })

  it('keeps the previous configuration whole when a write fails', () => {
    const archivo = archivoNuevo()
    escribirConfig(archivo, SERVIDOR)
    const antes = fs.readFileSync(archivo, 'utf8')
    const mala = { ...SERVIDOR, puerto: 70000 } as ConfigBase
    expect(() => escribirConfig(archivo, mala)).toThrow()
    expect(fs.readFileSync(archivo, 'utf8')).toBe(antes)
    // The temporary file of the failed write is not left behind either.
    expect(fs.readdirSync(path.dirname(archivo))).toEqual(['base-datos.json'])
  })

  it('refuses an unreadable file in Spanish instead of falling back to the local file', async () => {
    const archivo = archivoNuevo()
    fs.mkdirSync(path.dirname(archivo), { recursive: true })
    fs.writeFileSync(archivo, '{"tipo": "servidor", "host": ')
    expect(() => leerConfig(archivo)).toThrow(ConfigIlegible)
    await expect(servidorConfigurado(archivo, null)).rejects.toThrow(/no es JSON válido/)
  })
})

describe('the server password', () => {
  it('is refused over the bridge (no secure storage), with the Spanish message; nothing written', async () => {
    const archivo = archivoNuevo()
    const r = await llamar(entorno(archivo, null), 'conexion:guardar', entrada('secreta'))
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'no_autorizado',
        message: MENSAJE_SIN_ALMACEN_SEGURO,
        fields: { clave: 'No se puede guardar aquí.' }
      }
    })
    expect(fs.existsSync(archivo)).toBe(false)
  })

  it('is refused where the system would keep it as plain text (Linux basic_text)', async () => {
    const archivo = archivoNuevo()
    const env = entorno(archivo, llaveroFalso(MENSAJE_SIN_ALMACEN_SEGURO))
    const r = await llamar(env, 'conexion:guardar', entrada('secreta'))
    expect(r.ok).toBe(false)
    expect(fs.existsSync(archivo)).toBe(false)
    // A server that needs no password can still be saved there.
    expect(await llamar(env, 'conexion:guardar', entrada(''))).toEqual({
      ok: true,
      value: { reinicia: false }
    })
    expect(leerConfig(archivo)).toMatchObject({ tipo: 'servidor', claveCifrada: null })
  })

  it('is stored only encrypted, kept when left empty, and given to the core decrypted', async () => {
    const archivo = archivoNuevo()
    const llavero = llaveroFalso()
    const env = entorno(archivo, llavero)
    expect((await llamar(env, 'conexion:guardar', entrada('s3creta-Ñ'))).ok).toBe(true)
    const texto = fs.readFileSync(archivo, 'utf8')
    expect(texto).not.toContain('s3creta')
    expect((await llamar(env, 'conexion:guardar', entrada(''))).ok).toBe(true)
    expect(await servidorConfigurado(archivo, llavero)).toMatchObject({
      tipo: 'postgres',
      ...conexion,
      clave: 's3creta-Ñ'
    })
    const estado = await llamar(env, 'conexion:estado', {})
    expect(estado).toMatchObject({ ok: true, value: { configurada: { claveGuardada: true } } })
    expect(JSON.stringify(estado)).not.toContain('s3creta')
    // Another user on the same server: the saved password is not carried over.
    const otro = { ...entrada(''), usuario: 'otra' }
    expect((await llamar(env, 'conexion:guardar', otro)).ok).toBe(true)
    expect(leerConfig(archivo)).toMatchObject({ usuario: 'otra', claveCifrada: null })
  })

  it('is not carried over to a weaker TLS mode or another CA without being typed again', async () => {
    const llavero = llaveroFalso()
    const otraCa = path.join(dir.dir, 'otra-ca.pem')
    for (const cambio of [{ tls: 'desactivado' }, { tls: 'verificar' }, { ca: otraCa }]) {
      const archivo = archivoNuevo()
      const env = entorno(archivo, llavero)
      expect((await llamar(env, 'conexion:guardar', entrada('s3creta'))).ok).toBe(true)
      expect(leerConfig(archivo)).toMatchObject({ claveCifrada: expect.any(String) })
      if (cambio.ca) fs.writeFileSync(cambio.ca, 'no es un certificado')
      const r = await llamar(env, 'conexion:guardar', { ...entrada(''), ...cambio })
      expect(r.ok).toBe(true)
      expect(leerConfig(archivo)).toMatchObject({ ...cambio, claveCifrada: null })
    }
  })

  it('says in Spanish what is wrong with the form', async () => {
    const env = entorno(archivoNuevo(), null)
    const r = await llamar(env, 'conexion:probar', { ...entrada(''), puerto: 0, host: ' ' })
    expect(r).toMatchObject({
      ok: false,
      error: {
        fields: {
          host: 'El servidor no puede estar vacío.',
          puerto: 'El puerto debe estar entre 1 y 65535.'
        }
      }
    })
  })
})
