import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

// Reading a PDF page by page as a reader sees it: the words with their boxes (poppler's
// pdftotext -bbox) and the sizes the text is drawn at (the page's content stream).

export interface Palabra {
  texto: string
  xMin: number
  yMin: number
  xMax: number
  yMax: number
}

const ENTIDADES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/** Every page's words, in reading order, with their boxes in points from the top left. */
export function palabrasPorPagina(pdf: string): Palabra[][] {
  const xml = execFileSync('pdftotext', ['-bbox', pdf, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024
  })
  return xml
    .split('<page ')
    .slice(1)
    .map((pagina) =>
      [
        ...pagina.matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g
        )
      ].map((m) => ({
        texto: m[5]!.replace(/&(\w+);/g, (e, n: string) => ENTIDADES[n] ?? e),
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4])
      }))
    )
}

/** The text of one page as pdftotext -layout lays it out. */
export function textoPagina(pdf: string, pagina: number): string {
  return execFileSync(
    'pdftotext',
    ['-layout', '-f', String(pagina), '-l', String(pagina), pdf, '-'],
    { encoding: 'utf8' }
  )
}

/** The content streams of a PDF (one page's, once pdfseparate has split it), inflated. */
function contenidos(pdf: string): string[] {
  const bytes = fs.readFileSync(pdf)
  const out: string[] = []
  for (const m of bytes.toString('latin1').matchAll(/stream\r?\n/g)) {
    const desde = m.index + m[0].length
    const hasta = bytes.indexOf('endstream', desde)
    let s: string
    try {
      s = zlib.inflateSync(bytes.subarray(desde, hasta)).toString('latin1')
    } catch {
      continue
    }
    if (/\bBT\b/.test(s) && /\bTf\b/.test(s)) out.push(s)
  }
  return out
}

/**
 * The font sizes (in points) each page's text is drawn at. LibreOffice shrinks a sheet for
 * fit-to-width by drawing its text smaller, not by scaling the page: each run is placed with Td
 * under an unscaled matrix and sized by Tf, so Tf is the size on paper. The function refuses a
 * page whose text matrix (Tm) or transformation (cm) scales, where that would not hold.
 */
export function tamanosPorPagina(pdf: string, dir: string): number[][] {
  const n = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1])
  const tamanos: number[][] = []
  for (let p = 1; p <= n; p++) {
    const una = path.join(dir, `pagina-${p}.pdf`)
    execFileSync('pdfseparate', ['-f', String(p), '-l', String(p), pdf, una])
    const flujos = contenidos(una)
    for (const s of flujos) {
      if (/\bTm\b/.test(s)) throw new Error(`La página ${p} usa Tm: Tf no es el tamaño impreso`)
      for (const cm of s.matchAll(/([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) [-\d.]+ [-\d.]+ cm/g))
        if (Number(cm[1]) !== 1 || Number(cm[4]) !== 1)
          throw new Error(`La página ${p} escala con cm: Tf no es el tamaño impreso`)
    }
    tamanos.push(flujos.flatMap((s) => [...s.matchAll(/ ([\d.]+) Tf\b/g)].map((m) => Number(m[1]))))
  }
  return tamanos
}
