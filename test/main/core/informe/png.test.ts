import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { rutaFuente, svgAPng } from '../../../../src/main/core/informe/png'
import { tempDir } from '../../../helpers/db'

// Charts become PNG with resvg and the font shipped in resources/fonts, found from the sources,
// from the built out/main, and unpacked beside a packaged app's archive.

const dir = tempDir()
afterAll(() => dir.cleanup())
const RAIZ = path.resolve(__dirname, '../../../..')
const FUENTE = path.join(RAIZ, 'resources', 'fonts', 'LiberationSans-Regular.ttf')

describe('charts as PNG', () => {
  it('draws an SVG at twice its width, text included, as a valid PNG', async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="40"><text x="2" y="20" font-size="12">Año 2014</text></svg>`
    const png = Buffer.from(await svgAPng(svg, 100))
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG')
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([200, 80])
    // The text was drawn: a blank picture of that size compresses to far less.
    const vacio = Buffer.from(
      await svgAPng('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="40"/>', 100)
    )
    expect(png.length).toBeGreaterThan(vacio.length + 200)
  })

  it('finds the font from the sources and from the built out/main', () => {
    expect(rutaFuente()).toBe(FUENTE)
    expect(rutaFuente(path.join(RAIZ, 'out', 'main'))).toBe(FUENTE)
  })

  it('reads it unpacked beside a packaged app.asar', () => {
    const fuera = path.join(dir.dir, 'resources', 'app.asar.unpacked', 'resources', 'fonts')
    fs.mkdirSync(fuera, { recursive: true })
    fs.copyFileSync(FUENTE, path.join(fuera, 'LiberationSans-Regular.ttf'))
    const dentro = path.join(dir.dir, 'resources', 'app.asar', 'out', 'main')
    expect(rutaFuente(dentro)).toBe(path.join(fuera, 'LiberationSans-Regular.ttf'))
  })

  it('says in Spanish when the font is missing', () => {
    expect(() => rutaFuente(path.join(dir.dir, 'x', 'y'))).toThrow(
      'No se encontró la fuente de los gráficos (LiberationSans-Regular.ttf); reinstale la aplicación.'
    )
  })
})
