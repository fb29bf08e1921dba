import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { MENSAJES_CAUSA } from '../../../../src/main/core/causas'
import { respaldar, restaurar } from '../../../../src/main/core/respaldos'
import { ROOT } from '../../../helpers/cli'
import { openTestApp, sha256, tempDir } from '../../../helpers/db'

/**
 * No permission, on a real system: a read-only file system (EROFS stops root too) and a backup
 * the user may not read (the CLI run as nobody). Apart from restaurar-rutas.test.ts because they
 * need child processes (mount, setpriv), which the mutation suite leaves out.
 */
const raiz = tempDir('mitp-rutas-sistema-')
let respaldo = ''
beforeAll(async () => {
  const t = await openTestApp()
  respaldo = path.join(raiz.dir, 'respaldo.db')
  await respaldar(t.app.handle, respaldo)
  await t.close()
})
afterAll(() => raiz.cleanup())

const sinIngles = /E[A-Z]{4,}|illegal|too long|symbolic links|not a directory|no such file/

describe('restore onto a read-only file system (EROFS, which stops root too)', () => {
  let punto = ''
  afterEach(() => {
    if (punto) execFileSync('umount', [punto])
    punto = ''
  })

  it('says there is no permission, and the database there is unchanged', (ctx) => {
    const dir = path.join(raiz.dir, 'ro')
    fs.mkdirSync(dir)
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', dir], { stdio: 'ignore' })
    } catch {
      return ctx.skip()
    }
    punto = dir
    const destino = path.join(dir, 'mitp.db')
    fs.copyFileSync(respaldo, destino)
    execFileSync('mount', ['-o', 'remount,ro', dir])
    const antes = sha256(destino)
    expect(() => restaurar(destino, respaldo)).toThrow(
      `No se pudo restaurar el respaldo: ${MENSAJES_CAUSA.sin_permiso}.`
    )
    expect(sha256(destino)).toBe(antes)
    expect(fs.readdirSync(dir)).toEqual(['mitp.db'])
  })
})

const setpriv = fs.existsSync('/usr/bin/setpriv') && process.getuid?.() === 0

describe('a backup the user may not read (EACCES)', () => {
  it.skipIf(!setpriv)(
    'the CLI run as nobody names the missing permission, in Spanish',
    () => {
      const privada = path.join(raiz.dir, 'privada')
      fs.mkdirSync(privada)
      fs.copyFileSync(respaldo, path.join(privada, 'r.db'))
      fs.chmodSync(privada, 0o700)
      const abierta = path.join(raiz.dir, 'abierta')
      fs.mkdirSync(abierta)
      fs.chmodSync(abierta, 0o777)
      fs.chmodSync(raiz.dir, 0o755)
      const r = spawnSync(
        '/usr/bin/setpriv',
        ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '--import', 'tsx']
          .concat([path.join(ROOT, 'src/main/cli/main.ts'), 'restore'])
          .concat(['--db', path.join(abierta, 'm.db'), '--from', path.join(privada, 'r.db')]),
        { cwd: ROOT, encoding: 'utf8', env: { ...process.env, MITP_DB: '', HOME: '/tmp' } }
      )
      expect(r.status, r.stderr).toBe(1)
      expect(r.stderr).toContain(`No se pudo leer el archivo: ${MENSAJES_CAUSA.sin_permiso}.`)
      expect(r.stderr).not.toMatch(sinIngles)
      expect(fs.readdirSync(abierta)).toEqual([])
    },
    60_000
  )
})
