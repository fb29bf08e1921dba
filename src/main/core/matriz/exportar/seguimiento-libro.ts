import ExcelJS from 'exceljs'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { HOJA_GLOSARIO, HOJA_MATRIZ, TITULO_MATRIZ } from '../disposicion'
import { matrizDatos, type MatrizDatos, type MatrizOpciones } from './datos'
import { hitoLabel } from '../../../../shared/domain/indicadores'
import { situacionAcuerdo } from '../../../../shared/domain/sesiones'
import { hoyChile } from '../../../../shared/domain/fechas'
import { hojaMatriz, type Progreso } from './hoja-matriz'
import {
  filasAcuerdos,
  filasAsistencia,
  filasMediciones,
  filasSesiones,
  seguimientoPorAccion
} from './seguimiento-datos'
import {
  COLORES,
  etiquetas,
  fecha,
  Hoja,
  ORIGEN,
  origenDe,
  revisarCancelado
} from './seguimiento-hojas'
import { metasVencidas, seguimientoEnBorrador } from './seguimiento-libro-partes'
import { libroEnStreaming } from './escritor-streaming'

type Db = Kysely<Database>

async function hojaSesiones(wb: ExcelJS.Workbook, db: Db, o: MatrizOpciones, signal?: AbortSignal) {
  const h = new Hoja(
    wb,
    'Sesiones',
    'Sesiones',
    [
      ...ORIGEN,
      { titulo: 'Tipo', ancho: 13 },
      { titulo: 'N°', ancho: 5, tipo: 'numero' },
      { titulo: 'Presentes', ancho: 10, tipo: 'numero' },
      { titulo: 'Excusados', ancho: 10, tipo: 'numero' },
      { titulo: 'Acuerdos', ancho: 10, tipo: 'numero' }
    ],
    o
  )
  for await (const r of filasSesiones(db, o)) {
    h.agregar([
      ...origenDe(r),
      etiquetas.tipoSesion[r.tipo],
      r.numero,
      r.presentes ?? 0,
      r.excusados ?? 0,
      r.acuerdos ?? 0
    ])
    await h.respiro(signal)
  }
  // A draft's rows are marked: the acta is not the mesa's word yet.
  h.colorSi('$D3="Borrador"', COLORES.amarillo, 'D3:D')
  h.cerrar()
}

async function hojaAsistencia(
  wb: ExcelJS.Workbook,
  db: Db,
  o: MatrizOpciones,
  signal?: AbortSignal
) {
  const h = new Hoja(
    wb,
    'Asistencia',
    'Asistencia por sesión',
    [
      ...ORIGEN,
      // "CARABINEROS" on one line: carta printed "CARABINER|OS" when it shrank to 11.
      { titulo: 'Institución', ancho: 15, entera: true },
      { titulo: 'Nombre', ancho: 26 },
      { titulo: 'Calidad', ancho: 10 },
      { titulo: 'Asistencia', ancho: 11 },
      { titulo: 'Motivo', ancho: 24 }
    ],
    o
  )
  for await (const r of filasAsistencia(db, o)) {
    h.agregar([
      ...origenDe(r),
      r.institucion,
      r.nombre,
      etiquetas.calidad[r.calidad as 'titular'] ?? r.calidad,
      etiquetas.asistencia[r.estado as 'presente'] ?? r.estado,
      r.motivo
    ])
    await h.respiro(signal)
  }
  h.colorSi('$D3="Borrador"', COLORES.amarillo, 'D3:D')
  h.cerrar()
}

/** The Acuerdos sheet: every acuerdo in session order unless given its rows. */
export async function hojaAcuerdos(
  wb: ExcelJS.Workbook,
  db: Db,
  o: MatrizOpciones,
  signal?: AbortSignal,
  filas: ReturnType<typeof filasAcuerdos> = filasAcuerdos(db, o),
  situacion = false
) {
  const h = new Hoja(
    wb,
    'Acuerdos',
    'Acuerdos y su estado',
    [
      ...ORIGEN,
      { titulo: 'N°', ancho: 5, tipo: 'numero' },
      { titulo: 'Acuerdo', ancho: 44 },
      { titulo: 'Responsable', ancho: 20 },
      { titulo: 'Plazo', ancho: 11, tipo: 'fecha' },
      { titulo: 'Acción', ancho: 8 },
      { titulo: 'Estado', ancho: 11 },
      { titulo: 'Seguimiento en borrador', ancho: 22 }
    ],
    o
  )
  // For the list's export (`situacion`), Estado is the situation the list shows: past its plazo
  // and not met, Vencido. The tracking workbook keeps the recorded state (red marks the overdue).
  const hoy = o.hoy ?? hoyChile()
  for await (const r of filas) {
    h.agregar([
      ...origenDe(r),
      r.n,
      r.texto,
      r.responsable,
      fecha(r.plazo),
      r.accion,
      etiquetas.acuerdo[
        situacion ? situacionAcuerdo(r.estadoAcuerdo, r.plazo, hoy) : r.estadoAcuerdo
      ],
      seguimientoEnBorrador(r.enBorrador)
    ])
    await h.respiro(signal)
  }
  // Overdue follows the calendar and later edits: a deadline passed and the acuerdo not met. It
  // goes first: over a draft's yellow, the red of a deadline missed is what must be seen.
  h.colorSi('AND($H3<>"",$H3<TODAY(),$J3<>"Cumplido")', COLORES.rojo)
  h.colorSi('$J3="Cumplido"', COLORES.verde, 'J3:J')
  h.colorSi('$D3="Borrador"', COLORES.amarillo, 'D3:D')
  h.colorSi('$K3<>""', COLORES.amarillo, 'K3:K')
  h.cerrar()
}

async function hojaIndicadores(
  wb: ExcelJS.Workbook,
  db: Db,
  o: MatrizOpciones,
  signal?: AbortSignal
) {
  const h = new Hoja(
    wb,
    'Indicadores',
    'Valores de los indicadores',
    [
      ...ORIGEN.map((c) => (c.titulo === 'Fecha' ? { ...c, titulo: 'Fecha de la sesión' } : c)),
      { titulo: 'Fecha de corte', ancho: 11, tipo: 'fecha' },
      { titulo: 'Acción', ancho: 8 },
      { titulo: 'Indicador', ancho: 38 },
      { titulo: 'Tipo', ancho: 11 },
      { titulo: 'Valor', ancho: 10 },
      { titulo: 'Numerador', ancho: 10, tipo: 'numero' },
      { titulo: 'Denominador', ancho: 11, tipo: 'numero' },
      { titulo: 'Porcentaje', ancho: 10, tipo: 'porcentaje' }
    ],
    o
  )
  for await (const m of filasMediciones(db, o)) {
    const fila = h.fila + 1
    const valor =
      m.tipoIndicador === 'hito'
        ? hitoLabel(m.valor)
        : m.tipoIndicador === 'porcentaje'
          ? null
          : m.valor
    h.agregar([
      ...origenDe(m),
      fecha(m.fecha_corte),
      m.accion_codigo,
      m.indicador_texto,
      etiquetas.indicador[m.tipoIndicador],
      valor,
      m.numerador,
      m.denominador,
      // A porcentaje is a live formula over its numerator and denominator, with its value cached
      // for readers that do not calculate; with no denominator there is no porcentaje (a blank
      // cell, not a formula giving "").
      m.tipoIndicador === 'porcentaje' && m.denominador
        ? { formula: `J${fila}/K${fila}`, result: (m.numerador ?? 0) / m.denominador }
        : null
    ])
    await h.respiro(signal)
  }
  h.colorSi('$I3="Logrado"', COLORES.verde, 'I3:I')
  h.colorSi('$I3="No logrado"', COLORES.rojo, 'I3:I')
  h.colorSi('$D3="Borrador"', COLORES.amarillo, 'D3:D')
  h.cerrar()
}

/** The matrix sheet's progress columns: colour by state, filter on the header row. */
function matrizConColores(ws: ExcelJS.Worksheet, d: MatrizDatos, hasta: number): void {
  // The colours are the rules': a fixed fill would stay when the estado is edited.
  for (let r = 3; r <= hasta; r++)
    for (let c = 6; c <= 10; c++) {
      const celda = ws.getCell(r, c)
      if (!celda.style.fill) continue
      const { fill: _fill, ...resto } = celda.style
      celda.style = resto
    }
  // Overdue metas first: their red wins over the estado's colour.
  let prioridad = metasVencidas(ws, d.arbol, hasta, COLORES.rojo)
  const regla = (texto: string, argb: string) =>
    ws.addConditionalFormatting({
      ref: `F3:J${hasta}`,
      rules: [
        {
          type: 'expression',
          priority: ++prioridad,
          formulae: [`$F3="${texto}"`],
          style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb } } }
        }
      ]
    })
  regla('Cumplida', COLORES.verde)
  regla('En curso', COLORES.amarillo)
  regla('Atrasada', COLORES.rojo)
  regla('No iniciada', COLORES.gris)
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: hasta, column: 10 } }
}

/**
 * The workbook with seguimiento, streamed: the matrix sheet (the plan's layout, small), then the
 * four detail sheets written row by row from SQLite cursors.
 */
export async function escribirSeguimiento(
  db: Db,
  d: MatrizDatos,
  o: MatrizOpciones,
  progreso: Progreso = () => {},
  signal?: AbortSignal
): Promise<Buffer> {
  const { wb: libro, terminar } = libroEnStreaming(
    `${d.arbol.plan.nombre} — con seguimiento`,
    TITULO_MATRIZ
  )
  // The matrix sheet is the short part: its acciones report up to a quarter (it says half).
  const ultima = hojaMatriz(libro, d, o, (f, paso) => progreso(f / 2, paso), signal)
  matrizConColores(libro.getWorksheet(HOJA_MATRIZ)!, d, ultima)
  // The matrix and glossary leave memory before the long sheets start (the zip takes its
  // entries in order: an open first sheet would hold every later one in memory).
  for (const ws of [HOJA_MATRIZ, HOJA_GLOSARIO].map((n) => libro.getWorksheet(n)))
    (ws as unknown as { commit?: () => void } | undefined)?.commit?.()
  // A cancel is heard between sheets too, not only every few hundred rows.
  const paso = (f: number, nombre: string) => (progreso(f, nombre), revisarCancelado(signal))
  paso(0.3, 'Sesiones')
  await hojaSesiones(libro, db, o, signal)
  paso(0.45, 'Asistencia')
  await hojaAsistencia(libro, db, o, signal)
  paso(0.65, 'Acuerdos')
  await hojaAcuerdos(libro, db, o, signal)
  paso(0.8, 'Indicadores')
  await hojaIndicadores(libro, db, o, signal)
  paso(0.95, 'Escribiendo el archivo')
  return terminar()
}

/** The plan and glossary as the matrix shows them, and each acción's progress (by SQL). */
export async function datosSeguimiento(db: Db, o: MatrizOpciones): Promise<MatrizDatos> {
  const d = await matrizDatos(db, o)
  const porAccion = await seguimientoPorAccion(db, o)
  const seguimiento = new Map(
    d.arbol.ejes.flatMap((e) =>
      e.objetivos.flatMap((ob) =>
        ob.acciones.map((a) => [
          a.id,
          porAccion.get(a.id) ?? {
            estado: null,
            porcentaje: null,
            fecha: null,
            sesion: null,
            acuerdosPendientes: 0
          }
        ])
      )
    )
  )
  return { ...d, seguimiento }
}
