import type { EstadoTablero } from '../../../shared/tablero/contract'
import type { InformeAnual } from '../../../shared/informe/contract'
import { AVANCE_ESTADO_LABEL } from '../../../shared/domain/sesiones'

// The report's charts as SVG, drawn from the same figures as its tables: printed as they are in
// the PDF, rasterized to PNG for the DOCX (png.ts).

/** Each estado's label and colour, in the dashboard's order and colours (Mantine's palette). */
export const ESTADOS_GRAFICO: { estado: EstadoTablero; label: string; color: string }[] = [
  { estado: 'cumplida', label: AVANCE_ESTADO_LABEL.cumplida, color: '#12b886' },
  { estado: 'en_curso', label: AVANCE_ESTADO_LABEL.en_curso, color: '#228be6' },
  { estado: 'atrasada', label: AVANCE_ESTADO_LABEL.atrasada, color: '#fd7e14' },
  { estado: 'no_iniciada', label: AVANCE_ESTADO_LABEL.no_iniciada, color: '#868e96' },
  { estado: 'sin_reporte', label: 'Sin reporte aprobado', color: '#dee2e6' }
]

export interface Grafico {
  titulo: string
  svg: string
  ancho: number
  alto: number
}

export const FUENTE_GRAFICOS = 'Liberation Sans'
const ANCHO = 640
const ETIQUETA = 220
const BARRA = ANCHO - ETIQUETA - 90

const esc = (s: string): string =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)

const corto = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s)

/** "45,5" as written in Chile. */
export const numero = (n: number): string => n.toLocaleString('es-CL', { maximumFractionDigits: 1 })

const texto = (x: number, y: number, s: string, extra = ''): string =>
  `<text x="${x}" y="${y}" font-size="11" ${extra}>${esc(s)}</text>`

const svg = (alto: number, cuerpo: string[]): string =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${ANCHO}" height="${alto}" viewBox="0 0 ${ANCHO} ${alto}" font-family="${FUENTE_GRAFICOS}, sans-serif"><rect width="100%" height="100%" fill="#ffffff"/>${cuerpo.join('')}</svg>`

/** The colours' key, in one line above the bars. */
function leyenda(y: number): string {
  let x = 10
  return ESTADOS_GRAFICO.map((e) => {
    const s = `<rect x="${x}" y="${y - 9}" width="10" height="10" fill="${e.color}" stroke="#868e96" stroke-width="0.5"/>${texto(x + 14, y, e.label)}`
    x += 24 + e.label.length * 6.6
    return s
  }).join('')
}

/** The acciones of each eje by estado: one stacked bar per eje, counts written inside. */
export function graficoEstados(informe: Pick<InformeAnual, 'porEje'>): Grafico {
  const filas = informe.porEje
  const alto = 40 + filas.length * 34
  const cuerpo = [leyenda(18)]
  filas.forEach((f, k) => {
    const y = 34 + k * 34
    cuerpo.push(texto(10, y + 15, corto(`${f.codigo}. ${f.nombre}`, 31)))
    let x = ETIQUETA
    for (const e of ESTADOS_GRAFICO) {
      const n = f.porEstado[e.estado]
      if (!n) continue
      const w = (n / Math.max(1, f.acciones)) * BARRA
      cuerpo.push(`<rect x="${x}" y="${y}" width="${w}" height="22" fill="${e.color}"/>`)
      if (w >= 16) cuerpo.push(texto(x + w / 2, y + 15, String(n), 'text-anchor="middle"'))
      x += w
    }
    cuerpo.push(texto(ETIQUETA + BARRA + 8, y + 15, `${f.acciones} acciones`))
  })
  return { titulo: 'Estado de las acciones por eje', svg: svg(alto, cuerpo), ancho: ANCHO, alto }
}

export interface FilaIndicador {
  etiqueta: string
  valor: number | null
  meta: number | null
  porcentaje: boolean
}

/** The indicadores with a value or a target, as the chart draws them. */
export function filasIndicadores(informe: Pick<InformeAnual, 'ejes'>): FilaIndicador[] {
  return informe.ejes.flatMap((e) =>
    e.objetivos.flatMap((o) =>
      o.acciones.flatMap((a) =>
        a.indicadores
          .filter((i) => i.valor !== null || i.meta !== null)
          .map((i) => ({
            etiqueta: `${a.codigo} ${i.texto}`,
            valor: i.valor,
            meta: i.meta,
            porcentaje: i.tipo === 'porcentaje'
          }))
      )
    )
  )
}

/** Each indicador's latest value as a bar, its target as a dark mark on its own scale. */
export function graficoIndicadores(informe: Pick<InformeAnual, 'ejes'>): Grafico {
  const filas = filasIndicadores(informe)
  const alto = 30 + Math.max(1, filas.length) * 24
  const cuerpo = [
    `<rect x="10" y="9" width="10" height="10" fill="#228be6"/>`,
    texto(24, 18, 'Último valor informado'),
    `<rect x="180" y="7" width="3" height="14" fill="#212529"/>`,
    texto(188, 18, 'Meta')
  ]
  if (!filas.length)
    cuerpo.push(texto(10, 44, 'Ningún indicador tiene valores ni metas en el año.'))
  filas.forEach((f, k) => {
    const y = 28 + k * 24
    const escala = f.porcentaje ? 100 : Math.max(f.valor ?? 0, f.meta ?? 0, 1)
    cuerpo.push(texto(10, y + 12, corto(f.etiqueta, 33)))
    cuerpo.push(`<rect x="${ETIQUETA}" y="${y}" width="${BARRA}" height="16" fill="#f1f3f5"/>`)
    if (f.valor !== null) {
      const w = (Math.min(f.valor, escala) / escala) * BARRA
      cuerpo.push(`<rect x="${ETIQUETA}" y="${y}" width="${w}" height="16" fill="#228be6"/>`)
    }
    if (f.meta !== null) {
      const x = ETIQUETA + (Math.min(f.meta, escala) / escala) * BARRA
      cuerpo.push(`<rect x="${x - 1.5}" y="${y - 3}" width="3" height="22" fill="#212529"/>`)
    }
    const valor = f.valor === null ? '—' : numero(f.valor)
    const meta = f.meta === null ? 's/m' : numero(f.meta)
    cuerpo.push(texto(ETIQUETA + BARRA + 8, y + 12, `${valor} / ${meta}`))
  })
  return {
    titulo: 'Indicadores: último valor frente a su meta',
    svg: svg(alto, cuerpo),
    ancho: ANCHO,
    alto
  }
}

/** Both charts, in the order the report shows them. */
export const graficosInforme = (informe: InformeAnual): Grafico[] => [
  graficoEstados(informe),
  graficoIndicadores(informe)
]
