import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { PlanJson } from '../../../src/main/cli/plan-json'
import { ROOT, runCliProcess } from '../../helpers/cli'
import { tempDir } from '../../helpers/db'

/**
 * The CLI's JSON against the ministry's original document, read independently of our
 * transcription: HTML tags and bullets stripped, white space folded.
 */
const SOURCE = fs.readFileSync(
  path.join(ROOT, 'resources/seed/plan-de-accion-trata-de-personas.txt'),
  'utf8'
)
const fold = (s: string): string => s.replace(/\s+/g, ' ').trim()
const text = fold(SOURCE.replace(/<[^>]+>/g, ' ').replace(/•/g, ' '))
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The source sometimes splits one cell's text over two table rows; allow exactly one split. */
function containsAllowingOneSplit(hay: string, needle: string): boolean {
  if (hay.includes(needle)) return true
  const words = needle.split(' ')
  for (let k = 1; k < words.length; k++) {
    const head = words.slice(0, k).join(' ')
    const tail = words.slice(k).join(' ')
    const at = hay.indexOf(head)
    if (at >= 0 && hay.indexOf(tail, at + head.length) > at) return true
  }
  return false
}

const SOURCE_CODES = [...text.matchAll(/(?:^| )(\d\.\d\.[a-z])\.? /g)].map((m) => m[1]!)
const GLOSARIO_SOURCE = SOURCE.slice(SOURCE.indexOf('Glosario de términos:'))
  .split('\n')
  .slice(1)
  .filter((l) => l.includes(':'))
  .map((l) => {
    const i = l.indexOf(':')
    return { sigla: l.slice(0, i).trim(), nombre: l.slice(i + 1).trim() }
  })

let plan: PlanJson
beforeAll(() => {
  const { dir, cleanup } = tempDir()
  const r = runCliProcess(['plan', '--db', path.join(dir, 'nuevo.db'), '--json'])
  cleanup()
  expect(r.stderr).toBe('')
  expect(r.status).toBe(0)
  plan = JSON.parse(r.stdout) as PlanJson
})

const acciones = () => plan.ejes.flatMap((e) => e.objetivos.flatMap((o) => o.acciones))

describe('npm run cli -- plan --json on a new database', () => {
  it('holds 4 ejes, 9 objetivos and the 25 acciones of the source, in its order', () => {
    expect(plan.ejes).toHaveLength(4)
    expect(plan.ejes.flatMap((e) => e.objetivos)).toHaveLength(9)
    expect(SOURCE_CODES).toHaveLength(25)
    expect(acciones().map((a) => a.codigo)).toEqual(SOURCE_CODES)
  })

  it('gives every eje and objetivo with its source text', () => {
    for (const e of plan.ejes) {
      expect(text).toContain(`${e.codigo}. ${e.nombre}`)
      for (const o of e.objetivos) expect(text).toContain(`${o.codigo}. ${fold(o.texto)}`)
    }
  })

  it('gives every acción, meta, indicador and responsable text for text', () => {
    const list = acciones()
    let previous = ''
    for (const [i, a] of list.entries()) {
      expect(text).toMatch(new RegExp(`${escape(a.codigo)}\\.? ${escape(fold(a.texto))}`))
      const start = text.search(new RegExp(`(?:^| )${escape(a.codigo)}\\.? `))
      const next = list[i + 1]
      const end = next
        ? text.search(new RegExp(`(?:^| )${escape(next.codigo)}\\.? `))
        : text.indexOf('Glosario de términos')
      const segment = text.slice(start, end)
      expect(a.metas.length, a.codigo).toBeGreaterThan(0)
      for (const m of a.metas)
        expect(
          containsAllowingOneSplit(segment, fold(m.texto)),
          `${a.codigo} meta: ${m.texto}`
        ).toBe(true)
      expect(a.indicadores.length, a.codigo).toBeGreaterThan(0)
      for (const ind of a.indicadores) {
        expect(
          containsAllowingOneSplit(segment, fold(ind.texto)),
          `${a.codigo} indicador: ${ind.texto}`
        ).toBe(true)
      }
      const resp = fold(a.responsables)
      // An empty responsible cell in the source continues the one above, as a merged cell does.
      if (!segment.includes(resp)) expect(resp, `${a.codigo} responsables`).toBe(previous)
      previous = resp
    }
  })

  it('finds acción 3.2.a under Mesa RAV with its deadline, and 3.3.a and 3.4.a continuing it', () => {
    const byCode = new Map(acciones().map((a) => [a.codigo, a]))
    expect(byCode.get('3.2.a')).toMatchObject({ responsables: 'Mesa RAV', instancia: 'Mesa RAV' })
    expect(byCode.get('3.2.a')?.metas[0]?.plazo).toBe('2013-12-31')
    expect(byCode.get('3.3.a')?.responsables).toBe('Mesa RAV')
    expect(byCode.get('3.4.a')?.responsables).toBe('Mesa RAV')
    expect(byCode.get('4.2.b')?.metas).toHaveLength(2)
  })

  it('classifies formula indicators as porcentaje with numerator and denominator', () => {
    const byCode = new Map(acciones().map((a) => [a.codigo, a]))
    expect(byCode.get('3.4.a')?.indicadores[0]).toMatchObject({
      tipo: 'porcentaje',
      numerador: 'N° de personas capacitadas',
      denominador: 'N° personas totales que trabajan en organismos priorizados'
    })
    expect(byCode.get('2.1.d')?.indicadores[0]).toMatchObject({ tipo: 'porcentaje' })
    for (const ind of acciones().flatMap((a) => a.indicadores)) {
      if (ind.tipo === 'porcentaje') {
        expect(ind.texto).toContain(ind.numerador!)
        expect(ind.texto).toContain(ind.denominador!)
      }
    }
  })

  it('gives the 18 glossary entries of the source', () => {
    expect(GLOSARIO_SOURCE).toHaveLength(18)
    expect(plan.glosario).toEqual(GLOSARIO_SOURCE)
  })
})
