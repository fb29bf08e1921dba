import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../../src/main/cli/index'
import { openAppDatabase } from '../../../src/main/core/db/open'
import { guardarConfig, obtenerConfig } from '../../../src/main/core/actas/config.service'
import { tempDir } from '../../helpers/db'
import { libreOfficeConvertAll } from '../../helpers/office'
import { tamanoPagina } from '../../helpers/pdf-paginas'

// `export` prints on the paper chosen in Configuración, as the screens do; --papel overrides it.
// Read back as printed: LibreOffice converts each workbook, pdfinfo gives the page size.

const dir = tempDir()
afterAll(() => dir.cleanup())
const db = path.join(dir.dir, 'papel.db')
const configurado = path.join(dir.dir, 'configurado.xlsx')
const forzado = path.join(dir.dir, 'forzado.xlsx')
let pdfs: string[]

async function cli(...args: string[]): Promise<{ code: number; err: string }> {
  const err: string[] = []
  const code = await runCli(
    args,
    () => {},
    (s) => err.push(s)
  )
  return { code, err: err.join('\n') }
}

beforeAll(async () => {
  expect(await cli('plan', '--db', db)).toMatchObject({ code: 0 })
  const app = await openAppDatabase(db)
  try {
    const config = await obtenerConfig(app.db)
    await guardarConfig(app.db, { ...config, papel: 'oficio' })
  } finally {
    await app.close()
  }
  expect(await cli('export', '--db', db, '--out', configurado)).toEqual({ code: 0, err: '' })
  expect(
    await cli('export', '--db', db, '--out', forzado, '--papel', 'carta', '--seguimiento')
  ).toEqual({ code: 0, err: '' })
  pdfs = libreOfficeConvertAll([configurado, forzado], 'pdf', dir.dir)
}, 300_000)

describe('export and the paper setting', () => {
  it('prints on the paper set in Configuración (oficio, landscape) without --papel', () => {
    // Oficio is 8.5 × 13 in: 936 × 612 pt in landscape.
    expect(tamanoPagina(pdfs[0]!)).toEqual({ ancho: 936, alto: 612 })
  })

  it('prints on the paper --papel asks for, whatever Configuración says', () => {
    expect(tamanoPagina(pdfs[1]!)).toEqual({ ancho: 792, alto: 612 })
  })
})
