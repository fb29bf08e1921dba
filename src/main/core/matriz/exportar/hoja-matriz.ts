import type ExcelJS from 'exceljs'
import type { Accion, PlanArbol } from '../../../../shared/domain/plan'
import { AVANCE_ESTADO_LABEL, type AvanceEstado } from '../../../../shared/domain/sesiones'
import { AppError } from '../../errors'
import { ENCABEZADOS, ENCABEZADOS_SEGUIMIENTO, HOJA_MATRIZ, TITULO_MATRIZ } from '../disposicion'
import { FORMATO_TEXTO, pareceFormula, ponerTexto, textoExportable } from '../texto-celda'
import type { MatrizDatos, MatrizOpciones, SeguimientoAccion } from './datos'
import { A_TAMANO_REAL, encabezado, estilo, papel } from './formato'
import {
  altoLineas,
  disposicion,
  disposicionSeguimiento,
  escala,
  lineasEn,
  pie,
  type Disposicion
} from './medida'
import { disponer, type Grupo } from './paginas'
import { continuar, type Columnas } from './partir'
import { hojaGlosario } from './glosario'
import { rotuloIndicadores, rotuloMeta, SEPARADOR_CODIGO, VINETA } from '../rotulos'

export type Progreso = (fraccion: number, detalle: string) => void

const ESTADO_FILL: Record<AvanceEstado, string> = {
  no_iniciada: 'FFE7E6E6',
  en_curso: 'FFFFF2CC',
  cumplida: 'FFE2EFDA',
  atrasada: 'FFF8CBAD'
}

/**
 * "Meta:"/"Meta 1:" and "Indicadores:" in bold, bullets as in the source matrix: the labels the
 * plan keeps as written where it has them (see ../rotulos.ts).
 */
export function metasEIndicadores(a: Accion, size = 10): ExcelJS.RichText[] {
  const rich: ExcelJS.RichText[] = []
  const bold = (text: string) => rich.push({ text, font: { name: 'Arial', size, bold: true } })
  const plain = (text: string) => rich.push({ text, font: { name: 'Arial', size } })
  a.metas.forEach((m, i) => {
    if (i > 0) plain('\n')
    bold(m.rotulo ?? rotuloMeta(i, a.metas.length))
    plain(` ${textoExportable(m.texto, `Una meta de la acción ${a.codigo}`)}`)
  })
  if (a.indicadores.length) {
    if (rich.length) plain('\n')
    bold(a.rotuloIndicadores ?? rotuloIndicadores(a.indicadores.length))
    for (const ind of a.indicadores) {
      const vineta = ind.vineta ?? VINETA
      const texto = textoExportable(ind.texto, `Un indicador de la acción ${a.codigo}`)
      plain(`\n${vineta ? `${vineta} ` : ''}${texto}`)
    }
  }
  return rich
}

/** The sheet with its page setup, the title across every column and the header row. */
function crearHoja(
  wb: ExcelJS.Workbook,
  o: MatrizOpciones,
  columnas: string[],
  anchos: number[],
  disp: Disposicion
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(HOJA_MATRIZ, {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: {
      orientation: 'landscape',
      paperSize: papel(o.papel),
      // At 100 %, never fit to pages: Excel ignores manual row breaks on a sheet fit to pages,
      // and the writer's breaks are what keep each acción with its responsables on paper.
      // Columns laid out for the page: 100 %; were they wider, the scale that fits them.
      ...A_TAMANO_REAL,
      scale: Math.floor(escala(anchos, disp) * 100),
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
      printTitlesRow: '1:2'
    },
    headerFooter: { oddFooter: pie(disp.fuente) }
  })
  ws.columns = anchos.map((width) => ({ width }))
  ws.mergeCells(1, 1, 1, columnas.length)
  const titulo = ws.getCell(1, 1)
  titulo.value = TITULO_MATRIZ
  titulo.font = { name: 'Arial', size: 14, bold: true }
  titulo.alignment = { horizontal: 'center', vertical: 'middle' }
  ws.getRow(1).height = 26
  encabezado(ws, 2, columnas)
  ws.getRow(2).eachCell((c) => (c.font = { name: 'Arial', size: disp.fuente, bold: true }))
  const lineasTitulos = columnas.map((t, i) => lineasEn(t, anchos[i]!, disp.fuente))
  ws.getRow(2).height = altoLineas(Math.max(...lineasTitulos), disp.fuente)
  return ws
}

/** The plan's acción, metas and responsables columns; returns the lines the tallest needs. */
function celdasPlan(row: ExcelJS.Row, a: Accion, disp: Disposicion): number {
  const separador = a.separadorCodigo ?? SEPARADOR_CODIGO
  row.getCell(3).value =
    `${a.codigo}${separador}${textoExportable(a.texto, `La acción ${a.codigo}`)}`
  const rich = metasEIndicadores(a, disp.fuente)
  row.getCell(4).value = { richText: rich }
  // Its first run is a label the user may have written (a meta's rótulo).
  if (pareceFormula(rich.map((r) => r.text).join('')))
    row.getCell(4).style = { ...row.getCell(4).style, numFmt: FORMATO_TEXTO }
  // Every acción row carries its responsables, as the source does: on paper no acción is left
  // without them, whatever the page breaks.
  ponerTexto(row.getCell(5), a.responsables, `Los responsables de la acción ${a.codigo}`)
  for (const c of [1, 2, 3, 5]) row.getCell(c).font = { name: 'Arial', size: disp.fuente }
  const textos = [row.getCell(3).value as string, rich.map((r) => r.text).join(''), a.responsables]
  return Math.max(...textos.map((t, i) => lineasEn(t, disp.anchos[i + 2]!, disp.fuente)))
}

/** The five progress columns of one acción, filled by state; returns the lines they need. */
function celdasSeguimiento(
  row: ExcelJS.Row,
  s: SeguimientoAccion,
  anchos: readonly number[],
  puntos: number
): number {
  const c = (i: number) => row.getCell(5 + i)
  c(1).value = s.estado ? AVANCE_ESTADO_LABEL[s.estado] : 'Sin reporte'
  c(2).value = s.porcentaje === null ? null : s.porcentaje / 100
  c(2).numFmt = '0%'
  c(3).value = s.fecha ? new Date(`${s.fecha}T00:00:00Z`) : null
  c(3).numFmt = 'dd-mm-yyyy'
  c(4).value = s.sesion
  c(5).value = s.acuerdosPendientes
  if (s.estado)
    for (let i = 1; i <= 5; i++)
      c(i).fill = {
        type: 'pattern',
        pattern: 'solid',
        fgColor: { argb: ESTADO_FILL[s.estado] }
      }
  for (let i = 1; i <= 5; i++) c(i).font = { name: 'Arial', size: puntos }
  const textos = [c(1).value as string, '100%', '00-00-0000', s.sesion ?? '', '0']
  return Math.max(...textos.map((t, i) => lineasEn(t, anchos[5 + i]!, puntos)))
}

/**
 * One row per acción from row 3. Returns the row after the last, the height each row's own
 * text needs and the merged groups: each eje and objetivo over its acciones, and the
 * responsables over a run of objetivos of one acción each that share them.
 */
function filasAcciones(
  ws: ExcelJS.Worksheet,
  d: MatrizDatos,
  c: Columnas,
  disp: Disposicion,
  progreso: Progreso,
  signal?: AbortSignal
): { fila: number; alturas: Map<number, number>; grupos: Grupo[] } {
  const anchos = c.anchos
  const partidas = new Map<string, number>()
  let hechas = 0
  const seg = d.seguimiento
  const alturas = new Map<number, number>()
  const grupos: Grupo[] = []
  const total = d.arbol.ejes.flatMap((e) => e.objetivos.flatMap((ob) => ob.acciones)).length
  let fila = 3
  for (const eje of d.arbol.ejes) {
    const ejeDesde = fila
    for (const ob of eje.objetivos) {
      const obDesde = fila
      for (const a of ob.acciones) {
        if (signal?.aborted) throw new AppError('cancelado', 'Exportación cancelada.')
        const row = ws.getRow(fila)
        for (let i = 1; i <= anchos.length; i++) estilo(row.getCell(i))
        let lineas = celdasPlan(row, a, disp)
        if (seg)
          lineas = Math.max(lineas, celdasSeguimiento(row, seg.get(a.id)!, anchos, disp.fuente))
        // Taller than a row can be: continued on the rows below, never cut.
        const hs =
          lineas <= c.maximo
            ? [altoLineas(lineas, disp.fuente)]
            : continuar(ws, fila, a, metasEIndicadores(a, disp.fuente), c)
        if (hs.length > 1) partidas.set(a.id, hs.length)
        // Its continuation rows repeat its estado: a filter on it keeps the whole acción.
        for (let k = 1; seg && k < hs.length; k++) {
          const estado = ws.getCell(fila + k, 6)
          estado.value = ws.getCell(fila, 6).value
          estado.font = { name: 'Arial', size: disp.fuente }
        }
        for (const h of hs) alturas.set(fila++, h)
        progreso(++hechas / total / (seg ? 2 : 1), `Acción ${a.codigo}`)
      }
      const texto = `${ob.codigo}. ${textoExportable(ob.texto, `El objetivo ${ob.codigo}`)}`
      grupos.push({ col: 2, desde: obDesde, hasta: fila - 1, texto })
    }
    const texto = `${eje.codigo}. ${textoExportable(eje.nombre, `El eje ${eje.codigo}`)}`
    grupos.push({ col: 1, desde: ejeDesde, hasta: fila - 1, texto })
  }
  grupos.push(...corridasResponsables(d.arbol, (a) => partidas.get(a.id) ?? 1))
  return { fila, alturas, grupos }
}

/**
 * Where the ministry's matrix merges the responsables: over consecutive objetivos of one eje
 * that hold one acción each and share the same responsables (3.2.a to 3.4.a, "Mesa RAV").
 * Where an objetivo has several acciones, each row repeats them, as the source does.
 */
export function corridasResponsables(
  arbol: PlanArbol,
  filasDe: (a: Accion) => number = () => 1
): Grupo[] {
  const grupos: Grupo[] = []
  let fila = 3
  for (const eje of arbol.ejes) {
    let corrida: Accion[] = []
    const cerrar = () => {
      if (corrida.length > 1)
        grupos.push({
          col: 5,
          desde: fila - corrida.length,
          hasta: fila - 1,
          texto: corrida[0]!.responsables
        })
      corrida = []
    }
    for (const ob of eje.objetivos) {
      // An acción continued on rows below repeats its responsables itself: never in a merge.
      const sola =
        ob.acciones.length === 1 && filasDe(ob.acciones[0]!) === 1 ? ob.acciones[0]! : null
      if (!sola || corrida[0]?.responsables !== sola.responsables) cerrar()
      fila += ob.acciones.reduce((n, a) => n + filasDe(a), 0)
      if (sola) corrida.push(sola)
    }
    cerrar()
  }
  return grupos
}

/**
 * The matrix sheet: the plan as the ministry lays it out, with seguimiento its progress. Returns
 * the last row written (acciones continued below take more than one).
 */
export function hojaMatriz(
  wb: ExcelJS.Workbook,
  d: MatrizDatos,
  o: MatrizOpciones,
  progreso: Progreso,
  signal?: AbortSignal
): number {
  const seg = d.seguimiento !== null
  // With its progress the matrix has ten columns: a layout of its own, one page across at 8 pt.
  const dispSeg = disposicionSeguimiento(o.papel)
  const disp = seg ? dispSeg : disposicion(o.papel)
  const columnas: string[] = seg ? [...ENCABEZADOS, ...ENCABEZADOS_SEGUIMIENTO] : [...ENCABEZADOS]
  const anchos = [...disp.anchos, ...(seg ? dispSeg.seguimiento : [])]
  const ws = crearHoja(wb, o, columnas, anchos, disp)
  // Were the columns wider than the page, the sheet's scale would print them smaller and a page
  // would hold more rows.
  const capacidad =
    disp.altoPagina / escala(anchos, disp) - ws.getRow(1).height - ws.getRow(2).height
  // No row taller than Excel allows (409 pt) nor than a page: an acción that is continues below.
  const maximo = Math.floor((Math.min(409, capacidad) - 5) / (disp.fuente * 1.2))
  const c = { anchos, fuente: disp.fuente, maximo }
  const { fila, alturas, grupos } = filasAcciones(ws, d, c, disp, progreso, signal)
  const necesita = (g: Grupo) =>
    altoLineas(lineasEn(g.texto, disp.anchos[g.col - 1]!, disp.fuente), disp.fuente)
  const { paginas, piezas } = disponer(alturas, 3, fila - 1, capacidad, grupos, necesita)
  for (const p of piezas) {
    // Responsables are on every row already; an eje or objetivo shows on its piece's first.
    if (p.col !== 5) ws.getCell(p.desde, p.col).value = p.texto
    if (p.hasta > p.desde) ws.mergeCells(p.desde, p.col, p.hasta, p.col)
  }
  for (const [r, h] of alturas) ws.getRow(r).height = h
  for (const p of paginas.slice(0, -1)) ws.getRow(p.hasta).addPageBreak()
  hojaGlosario(wb, o, d.glosario, disposicion(o.papel))
  return fila - 1
}
