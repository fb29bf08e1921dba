import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../helpers/cli'

/**
 * The house rule that keeps modules small: no source file over 300 lines, no function (React
 * components included) over 80. Released migrations are frozen in time and cannot be split.
 */
const MAX_ARCHIVO = 300
const MAX_FUNCION = 80
const CONGELADAS = /src\/main\/core\/db\/migrations\/000[12]_/

function fuentes(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) return fuentes(p)
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : []
  })
}

const relativa = (p: string): string => path.relative(ROOT, p).split(path.sep).join('/')
const archivos = fuentes(path.join(ROOT, 'src')).filter((f) => !CONGELADAS.test(relativa(f)))

function funcionesLargas(file: string): string[] {
  const texto = fs.readFileSync(file, 'utf8')
  const src = ts.createSourceFile(file, texto, ts.ScriptTarget.Latest, true)
  const largas: string[] = []
  const visitar = (n: ts.Node): void => {
    if (ts.isFunctionLike(n) && 'body' in n && n.body) {
      const desde = src.getLineAndCharacterOfPosition(n.getStart()).line
      const hasta = src.getLineAndCharacterOfPosition(n.getEnd()).line
      if (hasta - desde + 1 > MAX_FUNCION) {
        const nombre =
          n.name?.getText() ??
          (ts.isVariableDeclaration(n.parent) ? n.parent.name.getText() : '(anónima)')
        largas.push(`${relativa(file)}:${desde + 1} ${nombre} (${hasta - desde + 1} líneas)`)
      }
    }
    ts.forEachChild(n, visitar)
  }
  visitar(src)
  return largas
}

describe('module size', () => {
  it('reads the sources (the checks below are not vacuous)', () => {
    expect(archivos.length).toBeGreaterThan(100)
  })

  it(`no source file is over ${MAX_ARCHIVO} lines`, () => {
    const grandes = archivos
      .map((f) => ({ f: relativa(f), n: fs.readFileSync(f, 'utf8').split('\n').length - 1 }))
      .filter((x) => x.n > MAX_ARCHIVO)
      .map((x) => `${x.f} (${x.n})`)
    expect(grandes).toEqual([])
  })

  it(`no function is over ${MAX_FUNCION} lines`, () => {
    expect(archivos.flatMap(funcionesLargas)).toEqual([])
  })
})
