import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { exportarMatriz } from '../../../../src/main/core/matriz/exportar/exportar'
import type { MatrizOpciones } from '../../../../src/main/core/matriz/exportar/datos'
import { sembrarDemo } from '../../../../src/main/core/seed/demo'
import { openTestApp, tempDir, type TestApp } from '../../../helpers/db'
import { texto } from './fixture'

/** What the matrix tests on a real app share: the options, an export written to a file and read back, a sheet as text. */
export type Carpeta = ReturnType<typeof tempDir>

/** A test app (the demo seeded in it, if asked) and a folder for its files, for a whole test file. */
export async function abrirConCarpeta(demo = false): Promise<{ t: TestApp; dir: Carpeta }> {
  const t = await openTestApp()
  if (demo) await sembrarDemo(t.api)
  return { t, dir: tempDir() }
}

export async function cerrar(t: TestApp, dir: Carpeta): Promise<void> {
  await t.close()
  dir.cleanup()
}

export const opciones = (o: Partial<MatrizOpciones> = {}): MatrizOpciones => ({
  seguimiento: false,
  papel: 'carta',
  ...o
})

export async function exportar(
  app: TestApp,
  o: MatrizOpciones,
  dir: string,
  nombre: string
): Promise<{ file: string; wb: ExcelJS.Workbook }> {
  const r = await exportarMatriz(app.app.db, o)
  const file = path.join(dir, nombre)
  fs.writeFileSync(file, r.data)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(file)
  return { file, wb }
}

export function sheetText(ws: ExcelJS.Worksheet): string[][] {
  const out: string[][] = []
  ws.eachRow({ includeEmpty: true }, (row) =>
    out.push((row.values as unknown[]).slice(1).map((_, i) => texto(row.getCell(i + 1))))
  )
  return out
}
