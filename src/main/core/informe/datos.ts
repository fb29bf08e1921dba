import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type {
  AccionInforme,
  AcuerdoInforme,
  IndicadorInforme,
  InformeAnual
} from '../../../shared/informe/contract'
import type { IndicadorTipo } from '../../../shared/domain/plan'
import type { AcuerdoEstado, SesionEstado, SesionTipo } from '../../../shared/domain/sesiones'
import { porcentajeDe, situacionAcuerdo, tituloSesion } from '../../../shared/domain/sesiones'
import { revisarCancelacion } from '../tareas'
import { accionesConAvance, type FilaAccionEstado } from '../tablero'
import { periodoDelInforme, resumenAnual, type Periodo } from './resumen'

// What the annual report says, read from SQLite. Estado, % and indicator values come from
// approved actas of sessions held up to the report's date (as the dashboard counts them);
// sessions, attendance and acuerdos are those of sessions held within the year.

type Db = Kysely<Database>
interface ConSesion {
  tipo: SesionTipo
  numero: number
  anio: number
}

/** The plan's acciones in order, each with its latest approved report up to the date. */
async function acciones(db: Db, p: Periodo) {
  const { rows } = await sql<
    FilaAccionEstado & {
      instancia: string | null
      o_codigo: string
      o_texto: string
      e_codigo: string
      e_nombre: string
    }
  >`
    select x.id, x.codigo, x.texto, x.ap_estado, x.ap_pct, x.ap_fecha, i.nombre as instancia,
      o.codigo as o_codigo, o.texto as o_texto, e.codigo as e_codigo, e.nombre as e_nombre
    from ${accionesConAvance({ planId: p.planId, hasta: p.hasta })} x
    join acciones a on a.id = x.id join objetivos o on o.id = a.objetivo_id
    join ejes e on e.id = o.eje_id left join instancias i on i.id = x.instancia_id
    order by x.e_orden, x.o_orden, x.orden, x.id`.execute(db)
  return rows
}

/** Each indicador of the plan with its latest value measured in an approved acta. */
async function indicadores(db: Db, p: Periodo): Promise<Map<string, IndicadorInforme[]>> {
  const { rows } = await sql<{
    accion_id: string
    texto: string
    tipo: IndicadorTipo
    meta_valor: number | null
    medida: string | null
    valor: number | null
    numerador: number | null
    denominador: number | null
    fecha: string | null
  }>`
    select i.accion_id, i.texto, i.tipo, i.meta_valor, m.tipo as medida, m.valor, m.numerador,
      m.denominador, s.fecha
    from indicadores i join acciones a on a.id = i.accion_id
    left join mediciones m on m.id = (
      select m2.id from mediciones m2 join sesiones s2 on s2.id = m2.sesion_id
      where m2.indicador_id = i.id and s2.estado = 'aprobada' and s2.fecha <= ${p.hasta}
      order by s2.fecha desc, s2.created_at desc limit 1)
    left join sesiones s on s.id = m.sesion_id
    where a.plan_id = ${p.planId} order by i.orden, i.id`.execute(db)
  const porAccion = new Map<string, IndicadorInforme[]>()
  for (const r of rows) {
    const lista = porAccion.get(r.accion_id) ?? []
    lista.push({
      texto: r.texto,
      tipo: r.tipo,
      valor: r.medida === 'porcentaje' ? porcentajeDe(r.numerador, r.denominador) : r.valor,
      fecha: r.fecha,
      meta: r.meta_valor
    })
    porAccion.set(r.accion_id, lista)
  }
  return porAccion
}

/** The year's sessions that reported on, measured or took acuerdos about each acción. */
async function sesionesPorAccion(db: Db, p: Periodo): Promise<Map<string, string[]>> {
  const { rows } = await sql<ConSesion & { accion_id: string; instancia: string }>`
    select t.accion_id, s.tipo, s.numero, s.anio, i.nombre as instancia
    from (
      select sesion_id, accion_id from avances
      union select m.sesion_id, x.accion_id from mediciones m
        join indicadores x on x.id = m.indicador_id
      union select sesion_id, accion_id from acuerdos
    ) t join acciones a on a.id = t.accion_id
    join sesiones s on s.id = t.sesion_id join instancias i on i.id = s.instancia_id
    where a.plan_id = ${p.planId} and s.fecha between ${p.desde} and ${p.hasta}
    order by s.fecha, s.created_at`.execute(db)
  const porAccion = new Map<string, string[]>()
  for (const r of rows)
    porAccion.set(r.accion_id, [
      ...(porAccion.get(r.accion_id) ?? []),
      `${tituloSesion(r)} (${r.instancia})`
    ])
  return porAccion
}

/** The acuerdos about each acción taken in the year, with their situación at the date. */
async function acuerdosPorAccion(db: Db, p: Periodo): Promise<Map<string, AcuerdoInforme[]>> {
  const { rows } = await sql<
    ConSesion & {
      accion_id: string
      numero_acuerdo: number
      texto: string
      plazo: string | null
      estado: AcuerdoEstado | null
    }
  >`
    select ac.accion_id, s.tipo, s.numero, s.anio, ac.numero as numero_acuerdo, ac.texto,
      ac.plazo, (select sg.estado from seguimientos sg join sesiones s2 on s2.id = sg.sesion_id
        where sg.acuerdo_id = ac.id and s2.fecha <= ${p.hasta}
        order by s2.fecha desc, sg.created_at desc limit 1) as estado
    from acuerdos ac join acciones a on a.id = ac.accion_id
    join sesiones s on s.id = ac.sesion_id
    where a.plan_id = ${p.planId} and s.fecha between ${p.desde} and ${p.hasta}
    order by s.fecha, s.created_at, ac.numero`.execute(db)
  const porAccion = new Map<string, AcuerdoInforme[]>()
  for (const r of rows)
    porAccion.set(r.accion_id, [
      ...(porAccion.get(r.accion_id) ?? []),
      {
        sesion: tituloSesion(r),
        numero: r.numero_acuerdo,
        texto: r.texto,
        plazo: r.plazo,
        situacion: situacionAcuerdo(r.estado ?? 'pendiente', r.plazo, p.hasta)
      }
    ])
  return porAccion
}

/** The sessions held in the year, with how many member institutions were present. */
async function sesionesDelAnio(db: Db, p: Periodo): Promise<InformeAnual['sesiones']> {
  const { rows } = await sql<
    ConSesion & { instancia: string; fecha: string; estado: SesionEstado; n: number }
  >`
    select s.tipo, s.numero, s.anio, s.fecha, s.estado, i.nombre as instancia,
      (select count(distinct x.institucion) from asistencias x where x.sesion_id = s.id
        and x.calidad <> 'invitado' and x.estado = 'presente') as n
    from sesiones s join instancias i on i.id = s.instancia_id
    where s.fecha between ${p.desde} and ${p.hasta}
    order by s.fecha, i.orden, s.created_at`.execute(db)
  return rows.map((r) => ({
    titulo: tituloSesion(r),
    instancia: r.instancia,
    fecha: r.fecha,
    estado: r.estado,
    instituciones: Number(r.n)
  }))
}

/** Per member institución: sessions of the year that list it, and those it was present at. */
async function asistencia(db: Db, p: Periodo): Promise<InformeAnual['asistencia']> {
  const { rows } = await sql<{ institucion: string; convocada: number; presente: number }>`
    select x.institucion, count(distinct x.sesion_id) as convocada,
      count(distinct case when x.estado = 'presente' then x.sesion_id end) as presente
    from asistencias x join sesiones s on s.id = x.sesion_id
    where x.calidad <> 'invitado' and s.fecha between ${p.desde} and ${p.hasta}
    group by x.institucion order by presente desc, convocada desc, x.institucion`.execute(db)
  return rows.map((r) => ({
    institucion: r.institucion || 'Sin institución',
    convocada: Number(r.convocada),
    presente: Number(r.presente)
  }))
}

/** Everything the report says about a plan's year; cancellable between its queries. */
export async function datosInforme(
  db: Db,
  f: { planId?: string | undefined; anio: number },
  hoy: string,
  signal?: AbortSignal
): Promise<InformeAnual> {
  const { plan, periodo } = await periodoDelInforme(db, f, hoy)
  const [filas, inds, ses, acs] = await Promise.all([
    acciones(db, periodo),
    indicadores(db, periodo),
    sesionesPorAccion(db, periodo),
    acuerdosPorAccion(db, periodo)
  ])
  revisarCancelacion(signal)
  const ejes: InformeAnual['ejes'] = []
  for (const r of filas) {
    if (ejes.at(-1)?.codigo !== r.e_codigo)
      ejes.push({ codigo: r.e_codigo, nombre: r.e_nombre, objetivos: [] })
    const objetivos = ejes.at(-1)!.objetivos
    if (objetivos.at(-1)?.codigo !== r.o_codigo)
      objetivos.push({ codigo: r.o_codigo, texto: r.o_texto, acciones: [] })
    const accion: AccionInforme = {
      codigo: r.codigo,
      texto: r.texto,
      instancia: r.instancia ?? 'Sin instancia',
      estado: r.ap_estado,
      porcentaje: r.ap_pct,
      fechaReporte: r.ap_fecha,
      indicadores: inds.get(r.id) ?? [],
      sesiones: [...new Set(ses.get(r.id) ?? [])],
      acuerdos: acs.get(r.id) ?? []
    }
    objetivos.at(-1)!.acciones.push(accion)
  }
  const [resumen, sesiones, asis] = await Promise.all([
    resumenAnual(db, periodo),
    sesionesDelAnio(db, periodo),
    asistencia(db, periodo)
  ])
  revisarCancelacion(signal)
  return { plan, anio: f.anio, corte: periodo.hasta, ejes, ...resumen, sesiones, asistencia: asis }
}
