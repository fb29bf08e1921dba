import ExcelJS from 'exceljs'
import type { ComparacionPeriodos, Fragmento } from '../../../shared/domain/periodos'
import type { DocumentoGenerado } from '../../../shared/domain/tareas'
import { formatFecha } from '../../../shared/domain/fechas'
import {
  alto,
  encabezado,
  estilo,
  FORMATO_TEXTO,
  lineas,
  pareceFormula,
  ponerTexto,
  textoExportable
} from '../matriz'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const TITULOS = [
  'Código',
  'Cambio',
  'Texto anterior',
  'Texto nuevo',
  'Diferencia (palabras)',
  'Metas con plazo movido',
  'Otros cambios'
] as const
const ANCHOS = [10, 12, 48, 48, 48, 40, 20]
const CAMBIO = { agregada: 'Agregada', eliminada: 'Eliminada', modificada: 'Modificada' }
const ROJO = 'FFC00000'
const VERDE = 'FF00703C'

/**
 * The word diff as rich text: removed words struck through in red, added ones in green. Checked
 * and, when it begins like a formula, in a Text-format cell, as ponerTexto does for plain text.
 */
function diferencia(cell: ExcelJS.Cell, texto: Fragmento[], donde: string): void {
  const todo = texto.map((f) => f.texto).join(' ')
  textoExportable(todo, donde)
  cell.value = {
    richText: texto.map((f, i) => ({
      text: (i ? ' ' : '') + f.texto,
      font: {
        name: 'Arial',
        size: 10,
        ...(f.tipo === 'quitado' ? { strike: true, color: { argb: ROJO } } : {}),
        ...(f.tipo === 'agregado' ? { bold: true, color: { argb: VERDE } } : {})
      }
    }))
  }
  if (pareceFormula(todo)) cell.numFmt = FORMATO_TEXTO
}

const plazo = (p: string | null): string => (p ? formatFecha(p) : 'sin plazo')

/** "Comparar períodos" as a workbook: one row per acción that changed, in Spanish. */
export async function libroComparacion(
  c: ComparacionPeriodos
): Promise<DocumentoGenerado & { data: Buffer }> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Secretaría MITP'
  const ws = wb.addWorksheet('Comparación', {
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 }
  })
  ANCHOS.forEach((w, i) => (ws.getColumn(i + 1).width = w))
  const titulo = ws.getCell('A1')
  // Plan names are user text: never a formula (ponerTexto).
  ponerTexto(titulo, `${c.anterior.nombre} → ${c.posterior.nombre}`, 'El nombre del período')
  titulo.font = { name: 'Arial', size: 12, bold: true }
  ws.getCell('A2').value = `${c.cambios.length} acciones con cambios; ${c.sinCambios} sin cambios.`
  ws.getCell('A2').font = { name: 'Arial', size: 10 }
  encabezado(ws, 4, TITULOS)
  ws.views = [{ state: 'frozen', ySplit: 4 }]
  c.cambios.forEach((cambio, i) => {
    const valores = [
      cambio.codigo,
      CAMBIO[cambio.tipo],
      cambio.antes ?? '',
      cambio.despues ?? '',
      '',
      cambio.plazos.map((p) => `${p.meta}: ${plazo(p.antes)} → ${plazo(p.despues)}`).join('\n'),
      cambio.otros.join(', ')
    ]
    const row = ws.getRow(5 + i)
    const donde = `El texto de la acción ${cambio.codigo}`
    valores.forEach((v, j) => ponerTexto(row.getCell(j + 1), v, donde))
    diferencia(row.getCell(5), cambio.texto, donde)
    for (let j = 1; j <= TITULOS.length; j++) estilo(row.getCell(j))
    const texto = (j: number) => (j === 4 ? cambio.texto.map((f) => f.texto).join(' ') : valores[j])
    row.height = alto(Math.max(...ANCHOS.map((w, j) => lineas(String(texto(j) ?? ''), w))))
  })
  const data = Buffer.from(await wb.xlsx.writeBuffer())
  const anio = (p: { periodoDesde: string }) => p.periodoDesde.slice(0, 4)
  return {
    nombre: `comparacion-periodos-${anio(c.anterior)}-${anio(c.posterior)}.xlsx`,
    mime: XLSX,
    base64: '',
    data
  }
}
