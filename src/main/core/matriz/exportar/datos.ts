import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { PlanArbol } from '../../../../shared/domain/plan'
import type { AvanceEstado } from '../../../../shared/domain/sesiones'
import { planArbol } from '../../plan'
import { listarInstituciones } from '../../instituciones'

export interface MatrizOpciones {
  planId?: string
  seguimiento: boolean
  papel: 'carta' | 'oficio' | 'a4'
  instanciaId?: string
  desde?: string
  hasta?: string
  /** Today, by the environment's clock: what "vencido" is measured against. */
  hoy?: string
}

export interface SeguimientoAccion {
  estado: AvanceEstado | null
  porcentaje: number | null
  fecha: string | null
  sesion: string | null
  acuerdosPendientes: number
}

/** The plan a matrix workbook shows, read in one go before any file is written. */
export interface MatrizDatos {
  arbol: PlanArbol
  glosario: { sigla: string; nombre: string }[]
  seguimiento: Map<string, SeguimientoAccion> | null
}

/** The plan's tree, only with the acciones of one instancia when one is chosen. */
async function arbolDe(db: Kysely<Database>, o: MatrizOpciones): Promise<PlanArbol> {
  const arbol = await planArbol(db, o.planId)
  if (o.instanciaId) {
    arbol.ejes = arbol.ejes
      .map((e) => ({
        ...e,
        objetivos: e.objetivos
          .map((ob) => ({
            ...ob,
            acciones: ob.acciones.filter((a) => a.instanciaId === o.instanciaId)
          }))
          .filter((ob) => ob.acciones.length)
      }))
      .filter((e) => e.objetivos.length)
  }
  return arbol
}

/**
 * The plan (only one instancia's acciones when one is chosen) and the glossary: what every
 * matrix shows. The tracking workbook adds each acción's progress (datosSeguimiento) and streams
 * its detail sheets from SQLite.
 */
export async function matrizDatos(db: Kysely<Database>, o: MatrizOpciones): Promise<MatrizDatos> {
  const arbol = await arbolDe(db, o)
  const glosario = (await listarInstituciones(db)).map((i) => ({
    sigla: i.sigla,
    nombre: i.nombre
  }))
  return { arbol, glosario, seguimiento: null }
}
