import type { AccionInforme, InformeAnual } from '../../../shared/informe/contract'
import type { FilaEstados } from '../../../shared/tablero/contract'
import {
  ACUERDO_SITUACION_LABEL,
  AVANCE_ESTADO_LABEL,
  SESION_ESTADO_LABEL
} from '../../../shared/domain/sesiones'
import { formatFecha } from '../../../shared/domain/fechas'
import { ESTADOS_GRAFICO, graficosInforme, numero, type Grafico } from './graficos'

// The report as a list of blocks, written alike by the DOCX and the HTML (PDF) writers: both
// say the same words and numbers in the same order.

export type Bloque =
  | { tipo: 'titulo' | 'subtitulo' | 'h1' | 'h2' | 'h3' | 'p' | 'accion' | 'nota'; texto: string }
  | { tipo: 'tabla'; columnas: string[]; filas: string[][] }
  | { tipo: 'grafico'; grafico: Grafico }

export interface InformeDocumento {
  titulo: string
  pie: string
  bloques: Bloque[]
}

/** "45,5 %"; a dash when there is no figure. */
export const pct = (n: number | null): string => (n === null ? '—' : `${numero(n)} %`)
const valor = (n: number | null): string => (n === null ? '—' : numero(n))

const COLUMNAS_RESUMEN = ['Acciones', ...ESTADOS_GRAFICO.map((e) => e.label), 'Avance promedio']

/** A row of the summary: an eje is named with its code, an instancia by its name alone. */
const filaResumen = (g: FilaEstados, conCodigo: boolean): string[] => [
  conCodigo ? `${g.codigo}. ${g.nombre}` : g.nombre,
  String(g.acciones),
  ...ESTADOS_GRAFICO.map((e) => String(g.porEstado[e.estado])),
  pct(g.promedio)
]

function resumen(i: InformeAnual, graficos: Grafico[]): Bloque[] {
  return [
    { tipo: 'h1', texto: '1. Resumen del año' },
    { tipo: 'h2', texto: 'Acciones por eje' },
    {
      tipo: 'tabla',
      columnas: ['Eje', ...COLUMNAS_RESUMEN],
      filas: i.porEje.map((g) => filaResumen(g, true))
    },
    { tipo: 'grafico', grafico: graficos[0]! },
    { tipo: 'h2', texto: 'Acciones por instancia' },
    {
      tipo: 'tabla',
      columnas: ['Instancia', ...COLUMNAS_RESUMEN],
      filas: i.porInstancia.map((g) => filaResumen(g, false))
    },
    {
      tipo: 'nota',
      texto:
        'Estado y % de avance: el último informado en un acta aprobada hasta la fecha del informe. El promedio es de las acciones con % informado.'
    }
  ]
}

function sesiones(i: InformeAnual): Bloque[] {
  const aprobadas = i.sesiones.filter((s) => s.estado === 'aprobada').length
  return [
    { tipo: 'h1', texto: '2. Sesiones y asistencia' },
    {
      tipo: 'p',
      texto: `Sesiones realizadas en ${i.anio}: ${i.sesiones.length} (${aprobadas} con acta aprobada).`
    },
    {
      tipo: 'tabla',
      columnas: ['Sesión', 'Instancia', 'Fecha', 'Acta', 'Instituciones presentes'],
      filas: i.sesiones.map((s) => [
        s.titulo,
        s.instancia,
        formatFecha(s.fecha),
        SESION_ESTADO_LABEL[s.estado],
        String(s.instituciones)
      ])
    },
    { tipo: 'h2', texto: 'Asistencia por institución' },
    {
      tipo: 'tabla',
      columnas: ['Institución', 'Sesiones convocada', 'Sesiones con asistencia', 'Asistencia'],
      filas: i.asistencia.map((a) => [
        a.institucion,
        String(a.convocada),
        String(a.presente),
        pct(a.convocada ? Math.round((a.presente / a.convocada) * 1000) / 10 : null)
      ])
    }
  ]
}

function accion(a: AccionInforme): Bloque[] {
  const b: Bloque[] = [
    { tipo: 'accion', texto: `Acción ${a.codigo}. ${a.texto}` },
    {
      tipo: 'tabla',
      columnas: ['Instancia', 'Estado', 'Avance', 'Informado el'],
      filas: [
        [
          a.instancia,
          a.estado ? AVANCE_ESTADO_LABEL[a.estado] : 'Sin reporte aprobado',
          pct(a.porcentaje),
          a.fechaReporte ? formatFecha(a.fechaReporte) : '—'
        ]
      ]
    }
  ]
  if (a.indicadores.length)
    b.push({
      tipo: 'tabla',
      columnas: ['Indicador', 'Último valor', 'Meta', 'Medido el'],
      filas: a.indicadores.map((x) => [
        x.texto,
        valor(x.valor),
        valor(x.meta),
        x.fecha ? formatFecha(x.fecha) : '—'
      ])
    })
  b.push({
    tipo: 'p',
    texto: a.sesiones.length
      ? `Tratada en: ${a.sesiones.join('; ')}.`
      : 'No se trató en sesiones del año.'
  })
  if (a.acuerdos.length)
    b.push({
      tipo: 'tabla',
      columnas: ['Sesión', 'N°', 'Acuerdo', 'Plazo', 'Situación'],
      filas: a.acuerdos.map((x) => [
        x.sesion,
        String(x.numero),
        x.texto,
        x.plazo ? formatFecha(x.plazo) : '—',
        ACUERDO_SITUACION_LABEL[x.situacion]
      ])
    })
  return b
}

function detalle(i: InformeAnual): Bloque[] {
  const b: Bloque[] = [{ tipo: 'h1', texto: '4. Avance por eje y objetivo' }]
  for (const e of i.ejes) {
    b.push({ tipo: 'h2', texto: `Eje ${e.codigo}. ${e.nombre}` })
    for (const o of e.objetivos) {
      b.push({ tipo: 'h3', texto: `Objetivo ${o.codigo}. ${o.texto}` })
      for (const a of o.acciones) b.push(...accion(a))
    }
  }
  return b
}

/** The whole report, charts included, from its data. */
export function informeDocumento(i: InformeAnual): InformeDocumento {
  const graficos = graficosInforme(i)
  const titulo = `Informe anual ${i.anio}`
  return {
    titulo,
    pie: `${titulo} · ${i.plan.nombre} · información al ${formatFecha(i.corte)}`,
    bloques: [
      { tipo: 'titulo', texto: titulo },
      {
        tipo: 'subtitulo',
        texto: `${i.plan.nombre} (${i.plan.periodoDesde.slice(0, 4)}–${i.plan.periodoHasta.slice(0, 4)}). Información al ${formatFecha(i.corte)}.`
      },
      ...resumen(i, graficos),
      ...sesiones(i),
      { tipo: 'h1', texto: '3. Indicadores frente a su meta' },
      { tipo: 'grafico', grafico: graficos[1]! },
      {
        tipo: 'nota',
        texto:
          'Cada barra es el último valor medido en un acta aprobada; la marca oscura, la meta del indicador (s/m: sin meta). Los porcentajes, sobre 100; los demás, sobre el mayor entre valor y meta.'
      },
      ...detalle(i)
    ]
  }
}
