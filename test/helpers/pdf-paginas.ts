import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * A PDF read page by page with poppler, as a reader would see it printed: the text of each
 * page, where each word sits, the size of each font, the paper, and the page as pixels.
 */

export interface Palabra {
  texto: string
  x0: number
  y0: number
  x1: number
  y1: number
}

export interface Pagina {
  numero: number
  ancho: number
  alto: number
  /** pdftotext -layout: the page's lines. */
  lineas: string[]
  palabras: Palabra[]
  /** The font size (pt) of each text run on the page, from pdftohtml -xml at zoom 1. */
  textos: { texto: string; puntos: number }[]
}

const run = (cmd: string, args: string[]): string =>
  execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })

const desescapar = (s: string): string =>
  s
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')

function palabrasPorPagina(pdf: string): { ancho: number; alto: number; palabras: Palabra[] }[] {
  const html = run('pdftotext', ['-bbox', pdf, '-'])
  return [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map(
    (m) => ({
      ancho: Number(m[1]),
      alto: Number(m[2]),
      palabras: [
        ...m[3]!.matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g
        )
      ].map((w) => ({
        texto: desescapar(w[5]!),
        x0: Number(w[1]),
        y0: Number(w[2]),
        x1: Number(w[3]),
        y1: Number(w[4])
      }))
    })
  )
}

function textosPorPagina(pdf: string): { texto: string; puntos: number }[][] {
  // At zoom 1 pdftohtml gives font sizes in points.
  const xml = run('pdftohtml', ['-xml', '-i', '-zoom', '1', '-stdout', '-q', pdf])
  const fuentes = new Map<string, number>()
  return [...xml.matchAll(/<page number="\d+"[^>]*>([\s\S]*?)<\/page>/g)].map((pg) => {
    const out: { texto: string; puntos: number }[] = []
    // Font specs are declared on the page where they are first used, and valid after it.
    for (const f of pg[1]!.matchAll(/<fontspec id="(\d+)" size="(-?[\d.]+)"/g))
      fuentes.set(f[1]!, Number(f[2]))
    for (const t of pg[1]!.matchAll(/<text [^>]*font="(\d+)"[^>]*>([\s\S]*?)<\/text>/g)) {
      const texto = desescapar(t[2]!).trim()
      if (texto) out.push({ texto, puntos: fuentes.get(t[1]!) ?? 0 })
    }
    return out
  })
}

export function leerPdf(pdf: string): Pagina[] {
  const lineas = run('pdftotext', ['-layout', pdf, '-'])
    .split('\f')
    .map((p) => p.split('\n'))
  const palabras = palabrasPorPagina(pdf)
  const textos = textosPorPagina(pdf)
  return palabras.map((p, i) => ({
    numero: i + 1,
    ancho: p.ancho,
    alto: p.alto,
    lineas: lineas[i] ?? [],
    palabras: p.palabras,
    textos: textos[i] ?? []
  }))
}

/** pdfinfo's page size, in points: "612 x 792". */
export function tamanoPagina(pdf: string): { ancho: number; alto: number } {
  const m = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(run('pdfinfo', [pdf]))!
  return { ancho: Number(m[1]), alto: Number(m[2]) }
}

/** A page as 8-bit grey pixels (pdftoppm -gray), at `dpi`. */
export function pixeles(
  pdf: string,
  pagina: number,
  dpi: number
): { ancho: number; alto: number; gris: (x: number, y: number) => number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mitp-ppm-'))
  try {
    const base = path.join(dir, 'p')
    execFileSync('pdftoppm', [
      '-gray',
      '-r',
      String(dpi),
      '-f',
      String(pagina),
      '-l',
      String(pagina),
      '-singlefile',
      pdf,
      base
    ])
    const data = fs.readFileSync(`${base}.pgm`)
    // P5 header: magic, width, height, maxval, each followed by whitespace.
    const campos: string[] = []
    let i = 0
    while (campos.length < 4) {
      while (/\s/.test(String.fromCharCode(data[i]!))) i++
      let tok = ''
      while (!/\s/.test(String.fromCharCode(data[i]!))) tok += String.fromCharCode(data[i++]!)
      campos.push(tok)
    }
    const [ancho, alto] = [Number(campos[1]), Number(campos[2])]
    const inicio = i + 1
    return { ancho, alto, gris: (x, y) => data[inicio + y * ancho + x]! }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * The cell around a point (in PDF points) of a page: scans left, right, up and down from it
 * to the first dark pixels (the cell's borders) and returns its size in centimetres.
 */
export function celdaEn(
  pdf: string,
  pagina: number,
  x: number,
  y: number
): { anchoCm: number; altoCm: number } {
  const dpi = 100
  const img = pixeles(pdf, pagina, dpi)
  const px = Math.round((x * dpi) / 72)
  const py = Math.round((y * dpi) / 72)
  const oscuro = (a: number, b: number) => img.gris(a, b) < 180
  let [l, r, t, b] = [px, px, py, py]
  while (l > 0 && !oscuro(l, py)) l--
  while (r < img.ancho - 1 && !oscuro(r, py)) r++
  while (t > 0 && !oscuro(px, t)) t--
  while (b < img.alto - 1 && !oscuro(px, b)) b++
  const cm = (n: number) => (n / dpi) * 2.54
  return { anchoCm: cm(r - l), altoCm: cm(b - t) }
}
