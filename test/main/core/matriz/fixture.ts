import ExcelJS from 'exceljs'
import type { Accion, PlanArbol } from '../../../../src/shared/domain/plan'
import type { MatrizDatos } from '../../../../src/main/core/matriz/exportar/datos'

/** A small hand-made plan for the matrix writer: every shape the source matrix has. */
export function accion(
  codigo: string,
  texto: string,
  responsables: string,
  metas: string[],
  indicadores: string[]
): Accion {
  return {
    id: `a-${codigo}`,
    objetivoId: 'o',
    codigo,
    texto,
    instanciaId: null,
    responsables,
    orden: 0,
    rotuloIndicadores: null,
    separadorCodigo: null,
    metas: metas.map((t, i) => ({
      id: `m${i}`,
      accionId: 'a',
      texto: t,
      plazo: null,
      orden: i,
      rotulo: null
    })),
    indicadores: indicadores.map((t, i) => ({
      id: `i${i}`,
      accionId: 'a',
      texto: t,
      tipo: 'hito',
      numerador: null,
      denominador: null,
      orden: i,
      vineta: null,
      metaValor: null
    }))
  }
}

export const LARGO = 'palabra '.repeat(40).trim()

export function arbol(): PlanArbol {
  const plan = {
    id: 'p',
    nombre: 'Plan X',
    periodoDesde: '2013-01-01',
    periodoHasta: '2014-12-31',
    cerradoAt: null
  }
  return {
    plan,
    instancias: [],
    ejes: [
      {
        id: 'e1',
        planId: 'p',
        codigo: '1',
        nombre: 'PREVENCIÓN',
        orden: 0,
        objetivos: [
          {
            id: 'o11',
            ejeId: 'e1',
            codigo: '1.1',
            texto: 'Objetivo uno',
            orden: 0,
            acciones: [
              accion('1.1.a', 'Capacitar', 'SERNAM\nPDI', ['Al 2014.'], ['Doc.', 'N° de cursos']),
              accion('1.1.b', 'Difundir', 'SERNAM\nPDI', ['M1', 'M2'], ['Uno'])
            ]
          },
          {
            id: 'o12',
            ejeId: 'e1',
            codigo: '1.2',
            texto: LARGO,
            orden: 1,
            acciones: [accion('1.2.a', 'Sola', 'MININT', [], ['Solo indicador'])]
          }
        ]
      },
      {
        id: 'e2',
        planId: 'p',
        codigo: '2',
        nombre: 'CONTROL',
        orden: 1,
        objetivos: [
          {
            id: 'o21',
            ejeId: 'e2',
            codigo: '2.1',
            texto: 'Objetivo dos',
            orden: 0,
            acciones: [accion('2.1.a', 'Sin metas', 'MININT', [], [])]
          }
        ]
      }
    ]
  }
}

export function datos(seguimiento: boolean): MatrizDatos {
  return {
    arbol: arbol(),
    glosario: [
      { sigla: 'PDI', nombre: 'Policía de Investigaciones' },
      { sigla: 'SERNAM', nombre: 'Servicio Nacional de la Mujer' }
    ],
    seguimiento: seguimiento
      ? new Map([
          [
            'a-1.1.a',
            {
              estado: 'atrasada',
              porcentaje: 40,
              fecha: '2014-03-12',
              sesion: 'Sesión Ordinaria N° 1/2014',
              acuerdosPendientes: 2
            }
          ],
          [
            'a-1.1.b',
            {
              estado: 'cumplida',
              porcentaje: 100,
              fecha: null,
              sesion: null,
              acuerdosPendientes: 0
            }
          ],
          [
            'a-1.2.a',
            {
              estado: 'en_curso',
              porcentaje: null,
              fecha: null,
              sesion: null,
              acuerdosPendientes: 0
            }
          ],
          [
            'a-2.1.a',
            { estado: null, porcentaje: null, fecha: null, sesion: null, acuerdosPendientes: 1 }
          ]
        ])
      : null
  }
}

export async function leer(data: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(data as unknown as ArrayBuffer)
  return wb
}

export const texto = (c: ExcelJS.Cell): string => {
  const v = c.value
  if (v && typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('')
  return v === null || v === undefined ? '' : String(v)
}

export const fill = (c: ExcelJS.Cell): string | undefined =>
  (c.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb
