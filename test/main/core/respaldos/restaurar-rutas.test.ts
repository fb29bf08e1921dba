import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MENSAJES_CAUSA, type Causa } from '../../../../src/main/core/causas'
import { respaldar, restaurar } from '../../../../src/main/core/respaldos'
import { cliEnProceso } from '../../../helpers/cli-en-proceso'
import { openTestApp, sha256, tempDir } from '../../../helpers/db'

/**
 * Paths that cannot be a database file, given to restore as the backup (--from) or as the
 * database (--db): each is refused with its cause in Spanish (never Node's English "EISDIR:
 * illegal operation on a directory"), and nothing is modified. Real paths, one per cause.
 */
const raiz = tempDir('mitp-rutas-')
let respaldo = ''
let db = ''
beforeAll(async () => {
  const t = await openTestApp()
  respaldo = path.join(raiz.dir, 'respaldo.db')
  await respaldar(t.app.handle, respaldo)
  await t.close()
  db = path.join(raiz.dir, 'mitp.db')
  fs.copyFileSync(respaldo, db)
  fs.mkdirSync(path.join(raiz.dir, 'carpeta'))
  fs.writeFileSync(path.join(raiz.dir, 'archivo'), 'x')
  fs.symlinkSync(path.join(raiz.dir, 'ciclo'), path.join(raiz.dir, 'ciclo'))
  fs.symlinkSync(path.join(raiz.dir, 'nada.db'), path.join(raiz.dir, 'colgante'))
})
afterAll(() => raiz.cleanup())

const RUTAS: [string, string, Causa][] = [
  ['a folder', 'carpeta', 'es_carpeta'],
  ['a path through a file', 'archivo/mitp.db', 'no_es_carpeta'],
  ['a symlink loop', 'ciclo', 'enlace_ciclico'],
  ['a name too long', `${'a'.repeat(300)}.db`, 'nombre_largo']
]

/** What is in the folder, with each file's content: to prove nothing changed. */
const foto = (): string[] =>
  fs
    .readdirSync(raiz.dir)
    .sort()
    .map((n) => {
      const f = path.join(raiz.dir, n)
      const st = fs.lstatSync(f)
      return st.isFile() ? `${n} ${sha256(f)}` : `${n} ${st.isDirectory() ? 'dir' : 'link'}`
    })

const sinIngles = /E[A-Z]{4,}|illegal|too long|symbolic links|not a directory|no such file/

describe.each(RUTAS)('restore given %s', (_que, nombre, causa) => {
  const ruta = (): string => path.join(raiz.dir, nombre)

  it('as the backup: says so in Spanish, and nothing changes', () => {
    const antes = foto()
    expect(() => restaurar(db, ruta())).toThrow(
      `No se puede restaurar desde ese archivo: No se pudo leer el archivo: ${MENSAJES_CAUSA[causa]}.`
    )
    expect(foto()).toEqual(antes)
  })

  it('as the database: says so in Spanish, and nothing changes', () => {
    const antes = foto()
    let mensaje = ''
    try {
      restaurar(ruta(), respaldo)
    } catch (e) {
      mensaje = (e as Error).message
    }
    expect(mensaje).toContain(`: ${MENSAJES_CAUSA[causa]}. No se modificó nada.`)
    expect(mensaje.replace(ruta(), '')).not.toMatch(sinIngles)
    expect(foto()).toEqual(antes)
  })
})

describe('restore onto a link to a missing file', () => {
  it('is refused (the link would be replaced), in Spanish', () => {
    const antes = foto()
    expect(() => restaurar(path.join(raiz.dir, 'colgante'), respaldo)).toThrow(
      `: ${MENSAJES_CAUSA.no_existe}. No se modificó nada.`
    )
    expect(fs.lstatSync(path.join(raiz.dir, 'colgante')).isSymbolicLink()).toBe(true)
    expect(foto()).toEqual(antes)
  })
})

describe('the CLI', () => {
  it.each([
    ['--from', 'carpeta', 'es_carpeta'],
    ['--db', 'ciclo', 'enlace_ciclico']
  ] as const)('prints the Spanish cause for %s %s', async (opcion, nombre, causa) => {
    const otro = path.join(raiz.dir, nombre)
    const args =
      opcion === '--from' ? ['--db', db, '--from', otro] : ['--db', otro, '--from', respaldo]
    const r = await cliEnProceso('restore', ...args)
    expect(r.code).toBe(1)
    expect(r.err).toContain(MENSAJES_CAUSA[causa])
    expect(r.err.replaceAll(otro, '')).not.toMatch(sinIngles)
  })
})
