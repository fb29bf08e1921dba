import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CERROJO, CerrojoOcupado } from '../../../scripts/electron-sqlite/cerrojo'
import {
  Interrumpida,
  reemplazar,
  renombrar,
  type Salida
} from '../../../scripts/electron-sqlite/preparar'
import { ABI, addon, fronteraFalsa, guiones, VERSION } from './frontera-falsa'
import { ACTUAL, proyectoFalso, type Proyecto } from './proyecto'

// The preparation's edges: interruptions, two runs at once, what older runs left, odd networks.
let p: Proyecto
let hijo: ChildProcess | undefined
beforeEach(() => {
  p = proyectoFalso()
})
afterEach(() => {
  hijo?.kill('SIGKILL')
  hijo = undefined
  p.limpiar()
})

const fallo = (texto: string) => (): Salida => ({ codigo: 1, texto })

describe('an interrupted tool (Ctrl+C reaches it too)', () => {
  it('stops the run instead of taking it as “no prebuilt”: no node-gyp, nothing left', () => {
    const f = fronteraFalsa({
      'prebuild-install': () => ({ codigo: 1, texto: '', senal: 'SIGINT' }),
      'node-gyp': guiones.gypOk()
    })
    expect(() => p.preparar(f)).toThrow(Interrumpida)
    expect(f.llamadas.map((l) => l.herramienta)).toEqual(['prebuild-install'])
    expect(fs.existsSync(p.destino())).toBe(false)
    p.sinRestos()
  })

  it('stops while Electron downloads, before better-sqlite3', () => {
    const f = fronteraFalsa(
      { 'install-electron': () => ({ codigo: 1, texto: '', senal: 'SIGTERM' }) },
      { instalado: false }
    )
    expect(() => p.preparar(f, { conElectron: true })).toThrow('interrumpida (SIGTERM)')
    p.sinRestos()
  })
})

describe('two runs on one project', () => {
  it('waits for a live run instead of removing its work folder, and gives up with its pid', () => {
    hijo = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' })
    fs.writeFileSync(path.join(p.raiz, CERROJO), JSON.stringify({ pid: hijo.pid }))
    const suya = path.join(p.raiz, '.build-electron-suya')
    fs.mkdirSync(suya)
    let viva = false
    const f = fronteraFalsa({ 'prebuild-install': guiones.prebuiltOk() })
    const error = (() => {
      try {
        p.preparar(f, { espera: 600, avisar: () => (viva = fs.existsSync(suya)) })
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(CerrojoOcupado)
    expect((error as CerrojoOcupado).pid).toBe(hijo.pid)
    expect(viva).toBe(true)
    expect(fs.existsSync(suya)).toBe(true)
    expect(f.llamadas).toEqual([])
  })

  it('takes over the lock of a run that died, clears its leftovers and releases the lock', () => {
    const muerto = Number(spawnSync(process.execPath, ['-p', 'process.pid']).stdout.toString())
    fs.writeFileSync(path.join(p.raiz, CERROJO), JSON.stringify({ pid: muerto }))
    fs.mkdirSync(path.join(p.raiz, '.build-electron-muerta'))
    const f = fronteraFalsa({ 'prebuild-install': guiones.prebuiltOk() })
    expect(p.preparar(f).ok).toBe(true)
    p.sinRestos()
  })
})

describe('what an older run or the developer left', () => {
  it('keeps and stamps a valid build-electron/ binding without sello.json (the older script)', () => {
    fs.mkdirSync(p.destino())
    fs.writeFileSync(p.destino('better_sqlite3.node'), addon(ABI, 'anterior'))
    const f = fronteraFalsa({})
    expect(p.preparar(f)).toEqual({
      ok: true,
      hecho: [`build-electron/better_sqlite3.node listo para Electron ${VERSION} (anterior).`]
    })
    expect(p.sello()).toEqual({ ...ACTUAL, origen: 'anterior' })
    expect(fs.readFileSync(p.destino('better_sqlite3.node'), 'latin1')).toContain('anterior')
  })

  it('refetches an unstamped binding for another ABI', () => {
    fs.mkdirSync(p.destino())
    fs.writeFileSync(p.destino('better_sqlite3.node'), addon('140'))
    const f = fronteraFalsa({ 'prebuild-install': guiones.prebuiltOk() })
    expect(p.preparar(f).ok).toBe(true)
    expect(p.sello().origen).toBe('prebuilt')
  })

  it('in dev, uses MITP_SQLITE_BINDING when it is better-sqlite3 for Electron, and says so when not', () => {
    const propio = path.join(p.raiz, 'mio.node')
    fs.writeFileSync(propio, addon(ABI))
    const f = fronteraFalsa({})
    expect(p.preparar(f, { bindingPropio: propio })).toEqual({
      ok: true,
      hecho: ['Se usa MITP_SQLITE_BINDING.']
    })
    expect(fs.existsSync(p.destino())).toBe(false)
    fs.writeFileSync(propio, addon('115'))
    const r = p.preparar(f, { bindingPropio: propio })
    if (r.ok) throw new Error('preparó')
    expect(r.mensaje).toContain(
      `MITP_SQLITE_BINDING apunta a ${propio}, que no es better-sqlite3 para Electron ${VERSION}`
    )
    expect(f.llamadas).toEqual([])
  })
})

describe('build-electron/ itself', () => {
  it.skipIf(process.platform === 'win32')(
    'is readable by everyone (0755), whatever the umask',
    () => {
      const antes = process.umask(0o077)
      try {
        expect(p.preparar(fronteraFalsa({ 'prebuild-install': guiones.prebuiltOk() })).ok).toBe(
          true
        )
      } finally {
        process.umask(antes)
      }
      expect(fs.statSync(p.destino()).mode & 0o777).toBe(0o755)
    }
  )
})

describe('networks that are not “no internet”', () => {
  it('a proxy that inspects HTTPS: the certificate, not the connection, and no node-gyp', () => {
    const f = fronteraFalsa({
      'prebuild-install': fallo(
        'prebuild-install warn install self-signed certificate in certificate chain'
      )
    })
    const r = p.preparar(f)
    if (r.ok) throw new Error('preparó')
    expect(r.mensaje).toContain('rechazada por un certificado que este equipo no reconoce')
    expect(r.mensaje).toContain('NODE_EXTRA_CA_CERTS')
    expect(r.mensaje).not.toContain('salida a internet')
    expect(f.llamadas).toHaveLength(1)
  })

  it('a proxy asking for a password (407): no compiler advice', () => {
    const f = fronteraFalsa({
      'prebuild-install': fallo(
        'prebuild-install warn install tunneling socket could not be established, statusCode=407'
      )
    })
    const r = p.preparar(f)
    if (r.ok) throw new Error('preparó')
    expect(r.mensaje).toContain('el proxy rechazó la conexión (tunneling socket')
    expect(r.mensaje).not.toContain('compilador')
  })

  it('node-gyp refused the headers (403): a download error, not a missing compiler', () => {
    const f = fronteraFalsa({
      'prebuild-install': guiones.sinPrebuilt(),
      'node-gyp': fallo(
        'gyp ERR! stack Error: 403 response downloading https://electronjs.org/headers/v45.5.0/node-v45.5.0-headers.tar.gz'
      )
    })
    const r = p.preparar(f)
    if (r.ok) throw new Error('preparó')
    expect(r.mensaje).toContain(
      'el servidor respondió con un error (Error: 403 response downloading'
    )
    expect(r.mensaje).not.toContain('compilador')
  })
})

describe('renombrar (Windows: a file briefly held by an antivirus)', () => {
  const ocupado = (code: string): Error => Object.assign(new Error(code), { code })

  it('retries EPERM a few times, then gives up; other errors at once', () => {
    let veces = 0
    renombrar('a', 'b', () => {
      if (++veces < 3) throw ocupado('EPERM')
    })
    expect(veces).toBe(3)
    veces = 0
    expect(() => renombrar('a', 'b', () => (veces++, raise(ocupado('EPERM'))))).toThrow('EPERM')
    expect(veces).toBe(6)
    veces = 0
    expect(() => renombrar('a', 'b', () => (veces++, raise(ocupado('ENOENT'))))).toThrow()
    expect(veces).toBe(1)
  })

  it('puts the old build-electron/ back when the new one cannot take its place', () => {
    fs.mkdirSync(p.destino())
    fs.writeFileSync(p.destino('viejo'), '')
    const nueva = path.join(p.raiz, 'nueva')
    fs.mkdirSync(nueva)
    expect(() =>
      reemplazar(nueva, p.destino(), (a, b) => {
        if (a === nueva) throw ocupado('ENOSPC')
        fs.renameSync(a, b)
      })
    ).toThrow('ENOSPC')
    expect(fs.readdirSync(p.destino())).toEqual(['viejo'])
  })
})

function raise(e: Error): never {
  throw e
}
