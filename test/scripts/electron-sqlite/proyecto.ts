import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect } from 'vitest'
import {
  prepararElectron,
  type Frontera,
  type Opciones,
  type Resultado,
  type Sello
} from '../../../scripts/electron-sqlite/preparar'
import { ABI, addon, VERSION } from './frontera-falsa'

/** A project folder with a fake node_modules/better-sqlite3 (Node build), for one test. */
export interface Proyecto {
  raiz: string
  fuente: string
  avisos: string[]
  destino(f?: string): string
  sello(): Sello
  preparar(f: Frontera, extra?: Partial<Opciones>): Resultado
  /** Nothing half-written: no work folder or lock beside build-electron/. */
  sinRestos(): void
  limpiar(): void
}

export const ACTUAL: Sello = {
  electron: VERSION,
  abi: ABI,
  betterSqlite3: '12.4.1',
  plataforma: 'linux',
  arquitectura: 'x64'
}

export function proyectoFalso(dentroDe = os.tmpdir()): Proyecto {
  const raiz = fs.mkdtempSync(path.join(dentroDe, 'mitp-prep-raiz-'))
  const fuente = path.join(raiz, 'node_modules', 'better-sqlite3')
  fs.mkdirSync(path.join(fuente, 'build', 'Release'), { recursive: true })
  fs.writeFileSync(
    path.join(fuente, 'package.json'),
    '{"name":"better-sqlite3","version":"12.4.1","repository":{"type":"git","url":"git+https://github.com/WiseLibs/better-sqlite3.git"}}'
  )
  fs.writeFileSync(path.join(fuente, 'binding.gyp'), '{}')
  fs.writeFileSync(path.join(fuente, 'build', 'Release', 'better_sqlite3.node'), addon('115'))
  const avisos: string[] = []
  const destino = (f = ''): string => path.join(raiz, 'build-electron', f)
  return {
    raiz,
    fuente,
    avisos,
    destino,
    sello: () => JSON.parse(fs.readFileSync(destino('sello.json'), 'utf8')) as Sello,
    preparar: (frontera, extra = {}) =>
      prepararElectron({
        raiz,
        fuente,
        plataforma: 'linux',
        arquitectura: 'x64',
        conElectron: false,
        frontera,
        avisar: (l) => avisos.push(l),
        ...extra
      }),
    sinRestos: () =>
      expect(
        fs.readdirSync(raiz).filter((n) => n !== 'build-electron' && n !== 'node_modules')
      ).toEqual([]),
    limpiar: () => fs.rmSync(raiz, { recursive: true, force: true })
  }
}
