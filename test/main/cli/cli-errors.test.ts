import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runCliProcess } from '../../helpers/cli'
import { sha256, tempDir } from '../../helpers/db'

let cleanup: () => void = () => {}
afterEach(() => cleanup())

function dir(): string {
  const t = tempDir()
  cleanup = t.cleanup
  return t.dir
}

describe('CLI errors', () => {
  it('a folder that does not exist: clear message, exit 1, nothing created', () => {
    const d = dir()
    const r = runCliProcess(['plan', '--db', path.join(d, 'falta', 'x.db'), '--json'])
    expect(r.status).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/^Error: La carpeta .* no existe\./)
    expect(fs.readdirSync(d)).toEqual([])
  })

  it('a damaged file: clear message, exit 1, file untouched', () => {
    const file = path.join(dir(), 'roto.db')
    fs.writeFileSync(
      file,
      Buffer.concat([Buffer.from('SQLite format 3\u0000'), Buffer.alloc(5000, 0xee)])
    )
    const before = sha256(file)
    const r = runCliProcess(['plan', '--db', file])
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/está dañada/)
    expect(sha256(file)).toBe(before)
    expect(fs.readdirSync(path.dirname(file))).toEqual(['roto.db'])
  })

  it('a missing --db or unknown command: usage and exit 2', () => {
    expect(runCliProcess(['plan']).status).toBe(2)
    const r = runCliProcess(['exportar-todo', '--db', 'x.db'])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/Comando desconocido/)
  })

  it('an unknown option or a missing value: said in Spanish, exit 2', () => {
    const r = runCliProcess(['buscar', '--db', 'x.db', '-x'])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain("Opción desconocida: '-x'")
    expect(r.stderr).toContain('-- "-x"')
    expect(r.stderr).not.toMatch(/Unknown option/)
    const v = runCliProcess(['buscar', '--db'])
    expect(v.status).toBe(2)
    expect(v.stderr).toContain("Valor no válido para la opción '--db'")
  })

  it('prints a readable outline without --json', () => {
    const r = runCliProcess(['plan', '--db', path.join(dir(), 'p.db')])
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('3.2.a. Diseñar un Protocolo intersectorial')
    expect(r.stdout).toContain('Meta (plazo 2013-12-31): A contar del 31 de diciembre de 2013')
    expect(r.stdout).toContain('SERNAM: Servicio Nacional de la Mujer')
  })
})
