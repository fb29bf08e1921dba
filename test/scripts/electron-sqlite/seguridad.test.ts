import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { esBibliotecaPara, esParaAbi } from '../../../scripts/electron-sqlite/binario'
import { fronteraReal } from '../../../scripts/electron-sqlite/sistema'
import { ROOT } from '../../helpers/cli'
import { tempDir } from '../../helpers/db'
import { addon, cabeceraElf } from './frontera-falsa'
import { proyectoFalso } from './proyecto'

const tmp = tempDir('mitp-prep-seguridad-')
afterAll(() => tmp.cleanup())

describe('a .prebuild-installrc in a folder above (any local user can write /tmp/)', () => {
  it('cannot hand the real prebuild-install a fake binding through local-prebuilds', () => {
    // The fake: well-formed enough for every check on the file itself.
    const real = fronteraReal(ROOT, path.join(ROOT, 'node_modules', 'better-sqlite3'), {
      ...process.env,
      npm_config_cache: path.join(tmp.dir, 'cache-npm'),
      // Where the download would go: a closed port, so this test never leaves the machine.
      npm_config_better_sqlite3_binary_host: 'http://127.0.0.1:9'
    })
    const { version, abi } = real.electron()
    const falsos = path.join(tmp.dir, 'falsos')
    fs.mkdirSync(path.join(falsos, 'build', 'Release'), { recursive: true })
    fs.writeFileSync(path.join(falsos, 'build', 'Release', 'better_sqlite3.node'), addon(abi))
    const tarball = `better-sqlite3-v12.4.1-electron-v${abi}-linux-x64.tar.gz`
    spawnSync('tar', ['-czf', tarball, 'build'], { cwd: falsos })
    fs.writeFileSync(
      path.join(tmp.dir, '.prebuild-installrc'),
      `local-prebuilds=${falsos}\nnolocal=false\n`
    )
    const p = proyectoFalso(tmp.dir)
    const frontera = { ...real, electron: () => ({ version, abi }) }
    const r = p.preparar(frontera)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.mensaje).toContain('no tiene salida a internet (connect ECONNREFUSED 127.0.0.1:9)')
    expect(fs.existsSync(p.destino())).toBe(false)
    p.sinRestos()
    p.limpiar()
  })
})

describe('esParaAbi', () => {
  const archivo = path.join(tmp.dir, 'a.node')
  const linux = { abi: '150', plataforma: 'linux', arquitectura: 'x64' }

  it('reads the ABI the addon registers, whole', () => {
    fs.writeFileSync(archivo, addon('150'))
    expect(esParaAbi(archivo, linux)).toBe(true)
    expect(esParaAbi(archivo, { ...linux, abi: '15' })).toBe(false)
    expect(esParaAbi(archivo, { ...linux, abi: '115' })).toBe(false)
    expect(esParaAbi(path.join(tmp.dir, 'no.node'), linux)).toBe(false)
  })

  it('wants a shared library of this system and architecture, not just the symbol', () => {
    const sin = Buffer.from('node_register_module_v150\0')
    fs.writeFileSync(archivo, Buffer.concat([Buffer.from('#!/bin/sh\n'), sin]))
    expect(esParaAbi(archivo, linux)).toBe(false)
    for (const cabecera of [cabeceraElf(2), cabeceraElf(3, 183), cabeceraElf(3, 62, 1)]) {
      fs.writeFileSync(archivo, addon('150', '', cabecera))
      expect(esParaAbi(archivo, linux)).toBe(false)
    }
    fs.writeFileSync(archivo, addon('150'))
    expect(esParaAbi(archivo, { ...linux, arquitectura: 'arm64' })).toBe(false)
    expect(esParaAbi(archivo, { ...linux, plataforma: 'win32' })).toBe(false)
  })

  it('recognises the real Node build of better-sqlite3 on this machine', () => {
    const nodeBuild = path.join(
      ROOT,
      'node_modules/better-sqlite3/build/Release/better_sqlite3.node'
    )
    const aqui = { plataforma: process.platform, arquitectura: process.arch }
    expect(esParaAbi(nodeBuild, { ...aqui, abi: process.versions.modules })).toBe(true)
    expect(esParaAbi(nodeBuild, { ...aqui, abi: '150' })).toBe(false)
  })

  it('reads PE (Windows) and Mach-O (macOS) headers', () => {
    const pe = Buffer.alloc(0x100)
    pe.write('MZ', 0, 'latin1')
    pe.writeUInt32LE(0x80, 0x3c)
    pe.writeUInt32BE(0x50450000, 0x80)
    pe.writeUInt16LE(0x8664, 0x84)
    pe.writeUInt16LE(0x2022, 0x80 + 22)
    expect(esBibliotecaPara(pe, 'win32', 'x64')).toBe(true)
    expect(esBibliotecaPara(pe, 'win32', 'arm64')).toBe(false)
    pe.writeUInt16LE(0x0022, 0x80 + 22)
    expect(esBibliotecaPara(pe, 'win32', 'x64')).toBe(false)
    const macho = Buffer.alloc(32)
    macho.writeUInt32LE(0xfeedfacf, 0)
    macho.writeUInt32LE(0x0100000c, 4)
    macho.writeUInt32LE(8, 12)
    expect(esBibliotecaPara(macho, 'darwin', 'arm64')).toBe(true)
    expect(esBibliotecaPara(macho, 'darwin', 'x64')).toBe(false)
    expect(esBibliotecaPara(macho, 'linux', 'arm64')).toBe(false)
  })
})
