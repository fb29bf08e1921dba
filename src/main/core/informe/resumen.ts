import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { InformeAnual } from '../../../shared/informe/contract'
import { conflict, notFound } from '../errors'
import { estadosPorEjeEInstancia, filaEstados } from '../tablero'

type Db = Kysely<Database>

/** The plan and the days the report counts: its year, up to today within the year itself. */
export interface Periodo {
  planId: string
  desde: string
  hasta: string
}

/** The plan asked for, or the current one (the latest period); the year must be in its period. */
export async function periodoDelInforme(
  db: Db,
  f: { planId?: string | undefined; anio: number },
  hoy: string
): Promise<{ plan: InformeAnual['plan']; periodo: Periodo }> {
  let q = db.selectFrom('planes').select(['id', 'nombre', 'periodo_desde', 'periodo_hasta'])
  q = f.planId
    ? q.where('id', '=', f.planId)
    : q.orderBy('periodo_desde', 'desc').orderBy('id', 'desc')
  const p = await q.executeTakeFirst()
  if (!p) throw notFound('El plan')
  const desde = `${f.anio}-01-01`
  const fin = `${f.anio}-12-31`
  if (desde > hoy)
    throw conflict(`El año ${f.anio} aún no comienza: no hay nada que informar.`, 'anio')
  if (fin < p.periodo_desde || desde > p.periodo_hasta) {
    // Another period may hold that year: name it, so the user knows which one to choose.
    const otros = await db
      .selectFrom('planes')
      .select(['id', 'nombre'])
      .where('periodo_desde', '<=', fin)
      .where('periodo_hasta', '>=', desde)
      .orderBy('periodo_desde')
      .execute()
    const cual = otros.map((o) => `«${o.nombre}» (${o.id})`).join(', ')
    throw conflict(
      `El año ${f.anio} está fuera del período del plan (${p.periodo_desde.slice(0, 4)}–${p.periodo_hasta.slice(0, 4)}).${cual ? ` Ese año está en el período ${cual}: elíjalo como período del informe (en la línea de comandos, --periodo con su id).` : ''}`,
      'anio'
    )
  }
  return {
    plan: {
      id: p.id,
      nombre: p.nombre,
      periodoDesde: p.periodo_desde,
      periodoHasta: p.periodo_hasta
    },
    periodo: { planId: p.id, desde, hasta: fin < hoy ? fin : hoy }
  }
}

/** The dashboard's own figures (by eje and by instancia), counted up to the report's date. */
export async function resumenAnual(
  db: Db,
  p: Periodo
): Promise<Pick<InformeAnual, 'porEje' | 'porInstancia'>> {
  const r = await estadosPorEjeEInstancia(db, { planId: p.planId, hasta: p.hasta })
  return { porEje: r.eje.map(filaEstados), porInstancia: r.instancia.map(filaEstados) }
}
