import type { Kysely } from 'kysely'
import type { Database, SesionRow } from '../db/schema'
import type { AvanceAccion, Medicion, SesionDetalle } from '../../../shared/domain/sesiones'
import { calcularQuorum, porcentajeDe, tituloSesion } from '../../../shared/domain/sesiones'
import { notFound } from '../errors'
import { acuerdosDto } from '../acuerdos'
import { toAsistencia } from '../asistencia'
import { obtenerSesion } from './lectura'
import { planDeFecha } from '../plan'
import { actaAnterior } from './acta-anterior'
import { toPunto } from '../tabla'
import {
  avancesPrevios,
  seguimientoDeSesion,
  seguimientoPosterior,
  sesionesPosteriores
} from './historia'
import { formatFecha } from '../../../shared/domain/fechas'

/**
 * Everything the secretary's screen shows for one session: its own rows, the latest earlier
 * report of each acción, the acuerdos still open and the next later sessions. Bounded by what
 * the screen shows, whatever the years of history behind it.
 */
export async function detalleSesion(db: Kysely<Database>, id: string): Promise<SesionDetalle> {
  const row = await db.selectFrom('sesiones').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound('La sesión')
  const [sesion, instancia, asistencia, puntos, posteriores, erratas] = await Promise.all([
    obtenerSesion(db, id),
    db
      .selectFrom('instancias')
      .selectAll()
      .where('id', '=', row.instancia_id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('asistencias')
      .selectAll()
      .where('sesion_id', '=', id)
      .orderBy('orden')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('puntos_tabla')
      .selectAll()
      .where('sesion_id', '=', id)
      .orderBy('orden')
      .orderBy('id')
      .execute(),
    sesionesPosteriores(db, row),
    db
      .selectFrom('fe_erratas')
      .selectAll()
      .where('sesion_id', '=', id)
      .orderBy('created_at')
      .execute()
  ])
  const asistenciaDto = asistencia.map(toAsistencia)
  return {
    sesion,
    instancia: {
      id: instancia.id,
      nombre: instancia.nombre,
      coordinador: instancia.coordinador,
      secretariaActas: instancia.secretaria_actas
    },
    editable: row.estado === 'borrador',
    asistencia: asistenciaDto,
    quorum: calcularQuorum(asistenciaDto),
    puntos: puntos.map(toPunto),
    avances: await avancesDeSesion(db, row),
    acuerdos: await acuerdosDto(
      db,
      await db
        .selectFrom('acuerdos')
        .selectAll()
        .where('sesion_id', '=', id)
        .orderBy('numero')
        .execute(),
      // Inside a session, "vencido" is judged at the session's date, not today.
      row.fecha
    ),
    seguimiento: await seguimientoDeSesion(db, row, row.fecha),
    erratas: erratas.map((e) => ({ id: e.id, texto: e.texto, fecha: e.fecha })),
    actaAnterior: await actaAnterior(db, row),
    sesionesPosteriores: posteriores.map((s) => ({
      id: s.id,
      titulo: `${tituloSesion(s)} (${formatFecha(s.fecha)})`
    })),
    seguimientoPosterior: await seguimientoPosterior(db, id)
  }
}

async function avancesDeSesion(db: Kysely<Database>, sesion: SesionRow): Promise<AvanceAccion[]> {
  // The instancia's acciones in the session's period (a later period copies them), and any
  // acción this session already reported on, whichever period it belongs to.
  const planId = await planDeFecha(db, sesion.fecha)
  const acciones = await db
    .selectFrom('acciones')
    .select(['id', 'codigo', 'texto'])
    .where((eb) =>
      eb.or([
        eb.and([eb('instancia_id', '=', sesion.instancia_id), eb('plan_id', '=', planId ?? '')]),
        eb(
          'id',
          'in',
          eb.selectFrom('avances').select('accion_id').where('sesion_id', '=', sesion.id)
        )
      ])
    )
    .orderBy('codigo')
    .execute()
  if (acciones.length === 0) return []
  const ids = acciones.map((a) => a.id)
  const [avances, previos, indicadores, mediciones] = await Promise.all([
    db.selectFrom('avances').selectAll().where('sesion_id', '=', sesion.id).execute(),
    avancesPrevios(db, sesion, ids),
    db
      .selectFrom('indicadores')
      .selectAll()
      .where('accion_id', 'in', ids)
      .orderBy('orden')
      .orderBy('id')
      .execute(),
    db.selectFrom('mediciones').selectAll().where('sesion_id', '=', sesion.id).execute()
  ])
  return acciones.map((a) => {
    const propio = avances.find((v) => v.accion_id === a.id)
    const previo = previos.get(a.id)
    return {
      accionId: a.id,
      codigo: a.codigo,
      texto: a.texto,
      estado: propio?.estado ?? null,
      porcentaje: propio?.porcentaje ?? null,
      reporte: propio?.reporte ?? '',
      anterior: previo
        ? {
            sesionTitulo: tituloSesion(previo.s),
            fecha: previo.s.fecha,
            estado: previo.v.estado,
            porcentaje: previo.v.porcentaje
          }
        : null,
      indicadores: indicadores
        .filter((i) => i.accion_id === a.id)
        .map((i): Medicion => {
          const m = mediciones.find((x) => x.indicador_id === i.id)
          return {
            indicadorId: i.id,
            indicadorTexto: i.texto,
            tipo: i.tipo,
            numeradorTexto: i.numerador,
            denominadorTexto: i.denominador,
            valor: m?.valor ?? null,
            numerador: m?.numerador ?? null,
            denominador: m?.denominador ?? null,
            porcentaje:
              i.tipo === 'porcentaje'
                ? porcentajeDe(m?.numerador ?? null, m?.denominador ?? null)
                : null,
            fechaCorte: m?.fecha_corte ?? null,
            nota: m?.nota ?? ''
          }
        })
    }
  })
}
