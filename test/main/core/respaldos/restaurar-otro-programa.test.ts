import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import BetterSqlite3 from 'better-sqlite3'
import { restaurar } from '../../../../src/main/core/respaldos'
import { MENSAJE_OTRO_PROGRAMA } from '../../../../src/main/core/restaurar-destino'
import { carpetaDeRestauracion, respaldoDeLaApp } from './restaurar-comun'
import { filasSinIdentidad } from '../../../helpers/restaurada'

/**
 * Another program (the sqlite3 shell, a database browser: no in-use mark of the app) with the
 * database open: a restore must refuse, or the program's next confirmed write would land only in
 * the copy set aside. A real second process holds the file open through better-sqlite3.
 */
const raiz = carpetaDeRestauracion('mitp-otro-programa-', respaldoDeLaApp)
const { db, respaldo } = raiz

// Commands on stdin, one per line: "escribir" commits a row, "bloquear" opens a write
// transaction and keeps it, "cerrar" closes. Each answers one line on stdout.
const PROGRAMA = `
const D = require(${JSON.stringify(require.resolve('better-sqlite3'))})
const db = new D(process.argv[1])
db.pragma('journal_mode = WAL')
db.exec('create table if not exists zz_marca(x)')
db.prepare('select count(*) from zz_marca').get()
const rl = require('node:readline').createInterface({ input: process.stdin })
console.log('listo')
rl.on('line', (l) => {
  try {
    if (l === 'escribir') db.prepare("insert into zz_marca values ('confirmado')").run()
    if (l === 'bloquear') { db.exec('begin immediate'); db.prepare("insert into zz_marca values ('en curso')").run() }
    if (l === 'cerrar') { db.close(); console.log('ok'); process.exit(0) }
    console.log('ok')
  } catch (e) { console.log('error ' + e.code) }
})
`

interface Programa {
  enviar(cmd: string): Promise<string>
  hijo: ChildProcessWithoutNullStreams
}

function abrirOtroPrograma(file: string): Promise<Programa> {
  const hijo = spawn(process.execPath, ['-e', PROGRAMA, file])
  const lineas: string[] = []
  let espera: ((l: string) => void) | null = null
  let resto = ''
  hijo.stdout.on('data', (d: Buffer) => {
    resto += d.toString()
    const partes = resto.split('\n')
    resto = partes.pop()!
    for (const l of partes) {
      if (espera) {
        const e = espera
        espera = null
        e(l)
      } else lineas.push(l)
    }
  })
  const siguiente = (): Promise<string> =>
    lineas.length > 0 ? Promise.resolve(lineas.shift()!) : new Promise((r) => (espera = r))
  const p: Programa = {
    hijo,
    enviar: (cmd) => {
      hijo.stdin.write(`${cmd}\n`)
      return siguiente()
    }
  }
  return siguiente().then((l) => {
    expect(l).toBe('listo')
    return p
  })
}

const marcas = (file: string): number => {
  const h = new BetterSqlite3(file, { readonly: true })
  try {
    return (h.prepare('select count(*) as n from zz_marca').get() as { n: number }).n
  } finally {
    h.close()
  }
}

describe('restore while another program has the database open', () => {
  it.each([
    ['an idle connection', null],
    ['a connection holding a write lock', 'bloquear']
  ])(
    'with %s: refused, and the program keeps writing to the database',
    async (_q, cmd) => {
      fs.copyFileSync(respaldo, db)
      const otro = await abrirOtroPrograma(db)
      try {
        if (cmd) expect(await otro.enviar(cmd)).toBe('ok')
        const antes = fs.readdirSync(raiz.dir).sort()
        expect(() => restaurar(db, respaldo)).toThrow(MENSAJE_OTRO_PROGRAMA)
        expect(MENSAJE_OTRO_PROGRAMA).toContain('bloqueado por otro programa')
        expect(MENSAJE_OTRO_PROGRAMA).toContain('La base de datos quedó como estaba.')
        expect(fs.readdirSync(raiz.dir).sort()).toEqual(antes)
        expect(await otro.enviar('cerrar')).toBe('ok')
      } finally {
        otro.hijo.kill()
      }
      // once it has closed, the restore goes ahead
      expect(restaurar(db, respaldo).copiaAnterior).toMatch(/antes-de-restaurar/)
      expect(filasSinIdentidad(db)).toBe(filasSinIdentidad(respaldo))
    },
    30_000
  )

  it('a write confirmed after a refused restore is at the database path', async () => {
    fs.copyFileSync(respaldo, db)
    const otro = await abrirOtroPrograma(db)
    try {
      expect(() => restaurar(db, respaldo)).toThrow(MENSAJE_OTRO_PROGRAMA)
      expect(await otro.enviar('escribir')).toBe('ok')
      expect(await otro.enviar('cerrar')).toBe('ok')
    } finally {
      otro.hijo.kill()
    }
    expect(marcas(db)).toBe(1)
  }, 30_000)
})
