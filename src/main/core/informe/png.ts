import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { AppError } from '../errors'
import { FUENTE_GRAFICOS } from './graficos'

// SVG to PNG with resvg compiled to WebAssembly: no native module to build for Electron. It
// sees no system fonts, so the chart font ships with the app (resources/fonts, SIL OFL).

const ARCHIVO_FUENTE = 'LiberationSans-Regular.ttf'
type Resvg = typeof import('@resvg/resvg-wasm')

let motor: Promise<{ resvg: Resvg; fuente: Uint8Array }> | undefined

/**
 * In the packaged app both files are also unpacked beside the archive (electron-builder's
 * asarUnpack): read from there, so no thread depends on Electron reading inside app.asar.
 */
const fuera = (ruta: string): string => {
  const desempacada = ruta.replace(/\.asar([\\/])/, '.asar.unpacked$1')
  return desempacada !== ruta && fs.existsSync(desempacada) ? desempacada : ruta
}

/**
 * resources/fonts/ beside the code: four folders up from the sources (tests, CLI), two up from
 * the built out/main (the app, where electron-builder packs the folder too).
 */
export function rutaFuente(desde: string = __dirname): string {
  for (let dir = desde, k = 0; k < 6; k++, dir = path.dirname(dir)) {
    const f = fuera(path.join(dir, 'resources', 'fonts', ARCHIVO_FUENTE))
    if (fs.existsSync(f)) return f
  }
  throw new AppError(
    'interno',
    `No se encontró la fuente de los gráficos (${ARCHIVO_FUENTE}); reinstale la aplicación.`
  )
}

async function iniciar(): Promise<{ resvg: Resvg; fuente: Uint8Array }> {
  const requerir = createRequire(__filename)
  const resvg = requerir('@resvg/resvg-wasm') as Resvg
  await resvg.initWasm(fs.readFileSync(fuera(requerir.resolve('@resvg/resvg-wasm/index_bg.wasm'))))
  return { resvg, fuente: fs.readFileSync(rutaFuente()) }
}

/** The SVG drawn at `escala` times its size (sharp when printed), as PNG bytes. */
export async function svgAPng(svg: string, ancho: number, escala = 2): Promise<Uint8Array> {
  motor ??= iniciar().catch((e: unknown) => {
    motor = undefined
    throw e
  })
  const { resvg, fuente } = await motor
  const r = new resvg.Resvg(svg, {
    fitTo: { mode: 'width', value: ancho * escala },
    font: {
      fontBuffers: [fuente],
      defaultFontFamily: FUENTE_GRAFICOS,
      sansSerifFamily: FUENTE_GRAFICOS
    }
  })
  try {
    const imagen = r.render()
    const png = imagen.asPng()
    imagen.free()
    return png
  } finally {
    r.free()
  }
}
