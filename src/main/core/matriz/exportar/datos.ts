import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { Accion, PlanArbol } from '../../../../shared/domain/plan'
import {
  tituloSesion,
  situacionAcuerdo,
  type AvanceEstado
} from '../../../../shared/domain/sesiones'
import { planArbol } from '../../plan'
import { listarInstituciones } from '../../instituciones'
import { hoyChile } from '../../../../shared/domain/fechas'
import { acuerdosDto } from '../../acuerdos'

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

/** Everything a matrix workbook shows, read in one go before any file is written. */
export interface MatrizDatos {
  arbol: PlanArbol
  glosario: { sigla: string; nombre: string }[]
  seguimiento: Map<string, SeguimientoAccion> | null
  sesiones: {
    id: string
    instancia: string
    titulo: string
    tipo: string
    numero: number
    fecha: string
    estado: string
    presentes: number
    excusados: number
    acuerdos: number
  }[]
  asistencia: {
    sesion: string
    fecha: string
    institucion: string
    nombre: string
    calidad: string
    estado: string
    motivo: string
  }[]
  acuerdos: {
    sesion: string
    fecha: string
    numero: number
    texto: string
    responsable: string
    plazo: string | null
    accion: string | null
    situacion: string
  }[]
  mediciones: {
    sesion: string
    fechaCorte: string
    accion: string
    indicador: string
    tipo: string
    valor: number | null
    numerador: number | null
    denominador: number | null
  }[]
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

/** The sessions in the chosen instancia and dates, in date order, and their rows. */
async function leerSesiones(db: Kysely<Database>, o: MatrizOpciones) {
  let q = db
    .selectFrom('sesiones as s')
    .innerJoin('instancias as i', 'i.id', 's.instancia_id')
    .selectAll('s')
    .select('i.nombre as instancia')
  if (o.instanciaId) q = q.where('s.instancia_id', '=', o.instanciaId)
  if (o.desde) q = q.where('s.fecha', '>=', o.desde)
  if (o.hasta) q = q.where('s.fecha', '<=', o.hasta)
  const sesiones = await q.orderBy('s.fecha').orderBy('s.created_at').execute()
  const ids = sesiones.map((s) => s.id)
  const [asis, avances, acuerdoRows, mediciones] =
    ids.length === 0
      ? [[], [], [], []]
      : await Promise.all([
          db
            .selectFrom('asistencias')
            .selectAll()
            .where('sesion_id', 'in', ids)
            .orderBy('orden')
            .execute(),
          db.selectFrom('avances').selectAll().where('sesion_id', 'in', ids).execute(),
          db
            .selectFrom('acuerdos')
            .selectAll()
            .where('sesion_id', 'in', ids)
            .orderBy('numero')
            .execute(),
          db.selectFrom('mediciones').selectAll().where('sesion_id', 'in', ids).execute()
        ])
  return { sesiones, ids, asis, avances, acuerdoRows, mediciones }
}

type Sesiones = Awaited<ReturnType<typeof leerSesiones>>
type AcuerdoDto = Awaited<ReturnType<typeof acuerdosDto>>[number]

/** Where each session stands in date order, its title and its date, by id. */
interface PorSesion {
  orden: Map<string, number>
  titulo: Map<string, string>
  fecha: Map<string, string>
}

/** Each acción's latest report (in session order) and its acuerdos not yet fulfilled. */
function seguimientoDe(
  arbol: PlanArbol,
  avances: Sesiones['avances'],
  acuerdos: AcuerdoDto[],
  { orden, titulo, fecha }: PorSesion
): Map<string, SeguimientoAccion> {
  const seguimiento = new Map<string, SeguimientoAccion>()
  const acciones: Accion[] = arbol.ejes.flatMap((e) => e.objetivos.flatMap((ob) => ob.acciones))
  for (const a of acciones) {
    const ultimo = avances
      .filter((v) => v.accion_id === a.id)
      .sort((x, y) => orden.get(y.sesion_id)! - orden.get(x.sesion_id)!)[0]
    seguimiento.set(a.id, {
      estado: ultimo?.estado ?? null,
      porcentaje: ultimo?.porcentaje ?? null,
      fecha: ultimo ? fecha.get(ultimo.sesion_id)! : null,
      sesion: ultimo ? titulo.get(ultimo.sesion_id)! : null,
      acuerdosPendientes: acuerdos.filter((x) => x.accionId === a.id && x.estado !== 'cumplido')
        .length
    })
  }
  return seguimiento
}

/** The rows of the progress sheets: sessions, attendance, acuerdos and indicator values. */
function tablas(
  l: Sesiones,
  acuerdos: AcuerdoDto[],
  hoy: string,
  { titulo, fecha }: PorSesion,
  porSesion: <T extends { sesion_id: string }>(rows: T[]) => T[]
): Pick<MatrizDatos, 'sesiones' | 'asistencia' | 'acuerdos' | 'mediciones'> {
  return {
    sesiones: l.sesiones.map((s) => {
      const propios = l.asis.filter((x) => x.sesion_id === s.id)
      return {
        id: s.id,
        instancia: s.instancia,
        titulo: tituloSesion(s),
        tipo: s.tipo,
        numero: s.numero,
        fecha: s.fecha,
        estado: s.estado,
        presentes: propios.filter((x) => x.estado === 'presente').length,
        excusados: propios.filter((x) => x.estado === 'excusado').length,
        acuerdos: l.acuerdoRows.filter((x) => x.sesion_id === s.id).length
      }
    }),
    asistencia: porSesion(l.asis).map((x) => ({
      sesion: titulo.get(x.sesion_id)!,
      fecha: fecha.get(x.sesion_id)!,
      institucion: x.institucion,
      nombre: x.nombre,
      calidad: x.calidad,
      estado: x.estado,
      motivo: x.motivo
    })),
    acuerdos: acuerdos.map((x) => ({
      sesion: x.sesionTitulo,
      fecha: x.sesionFecha,
      numero: x.numero,
      texto: x.texto,
      responsable: x.responsable,
      plazo: x.plazo,
      accion: x.accionCodigo,
      situacion: situacionAcuerdo(x.estado, x.plazo, hoy)
    })),
    mediciones: porSesion(l.mediciones).map((m) => ({
      sesion: titulo.get(m.sesion_id)!,
      fechaCorte: m.fecha_corte,
      accion: m.accion_codigo,
      indicador: m.indicador_texto,
      tipo: m.tipo,
      valor: m.valor,
      numerador: m.numerador,
      denominador: m.denominador
    }))
  }
}

export async function matrizDatos(db: Kysely<Database>, o: MatrizOpciones): Promise<MatrizDatos> {
  const arbol = await arbolDe(db, o)
  const glosario = (await listarInstituciones(db)).map((i) => ({
    sigla: i.sigla,
    nombre: i.nombre
  }))
  if (!o.seguimiento)
    return {
      arbol,
      glosario,
      seguimiento: null,
      sesiones: [],
      asistencia: [],
      acuerdos: [],
      mediciones: []
    }
  const l = await leerSesiones(db, o)
  const por: PorSesion = {
    orden: new Map(l.ids.map((id, i) => [id, i])),
    titulo: new Map(l.sesiones.map((s) => [s.id, tituloSesion(s)])),
    fecha: new Map(l.sesiones.map((s) => [s.id, s.fecha]))
  }
  // Rows of several sessions come grouped by session, in date order (stable: each keeps the
  // order the query gave it within its session).
  const porSesion = <T extends { sesion_id: string }>(rows: T[]): T[] =>
    [...rows].sort((x, y) => por.orden.get(x.sesion_id)! - por.orden.get(y.sesion_id)!)
  const hoy = o.hoy ?? hoyChile()
  const acuerdos = await acuerdosDto(db, porSesion(l.acuerdoRows), hoy)
  return {
    arbol,
    glosario,
    seguimiento: seguimientoDe(arbol, l.avances, acuerdos, por),
    ...tablas(l, acuerdos, hoy, por, porSesion)
  }
}
