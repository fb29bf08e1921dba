import type { Kysely } from 'kysely'
import type { Database, SesionRow } from '../db/schema'
import type {
  AcuerdoEnSeguimiento,
  AvanceAccion,
  Medicion,
  SesionDetalle
} from '../../../shared/domain/sesiones'
import {
  calcularQuorum,
  porcentajeDe,
  situacionAcuerdo,
  tituloSesion
} from '../../../shared/domain/sesiones'
import { notFound } from '../errors'
import { hoyChile } from '../../../shared/domain/fechas'
import { acuerdosConHistorial, acuerdosDto } from '../acuerdos'
import { toAsistencia } from '../asistencia'
import { obtenerSesion } from './lectura'
import { toPunto } from '../tabla'

/** Whether session a was held before session b (same date: the one created first). */
const antes = (
  a: Pick<SesionRow, 'fecha' | 'created_at'>,
  b: Pick<SesionRow, 'fecha' | 'created_at'>
): boolean => a.fecha < b.fecha || (a.fecha === b.fecha && a.created_at < b.created_at)

/** Everything the secretary's screen shows for one session. */
export async function detalleSesion(
  db: Kysely<Database>,
  id: string,
  hoy: string = hoyChile()
): Promise<SesionDetalle> {
  const row = await db.selectFrom('sesiones').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound('La sesión')
  const [sesion, instancia, asistencia, puntos, mismas, erratas] = await Promise.all([
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
    db.selectFrom('sesiones').selectAll().where('instancia_id', '=', row.instancia_id).execute(),
    db
      .selectFrom('fe_erratas')
      .selectAll()
      .where('sesion_id', '=', id)
      .orderBy('created_at')
      .execute()
  ])
  const anteriores = mismas.filter((s) => antes(s, row))
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
    avances: await avancesDeSesion(db, row, anteriores),
    acuerdos: await acuerdosDto(
      db,
      await db
        .selectFrom('acuerdos')
        .selectAll()
        .where('sesion_id', '=', id)
        .orderBy('numero')
        .execute(),
      hoy
    ),
    seguimiento: await seguimientoDeSesion(db, row, anteriores, hoy),
    erratas: erratas.map((e) => ({ id: e.id, texto: e.texto, fecha: e.fecha })),
    sesionesPosteriores: mismas
      .filter((s) => s.id !== row.id && antes(row, s))
      .sort((a, b) => a.fecha.localeCompare(b.fecha))
      .map((s) => ({ id: s.id, titulo: `${tituloSesion(s)} (${s.fecha})` }))
  }
}

async function avancesDeSesion(
  db: Kysely<Database>,
  sesion: SesionRow,
  anteriores: SesionRow[]
): Promise<AvanceAccion[]> {
  const acciones = await db
    .selectFrom('acciones')
    .select(['id', 'codigo', 'texto'])
    .where('instancia_id', '=', sesion.instancia_id)
    .orderBy('codigo')
    .execute()
  if (acciones.length === 0) return []
  const ids = acciones.map((a) => a.id)
  const previas = new Map(anteriores.map((s) => [s.id, s]))
  const [avances, indicadores, mediciones] = await Promise.all([
    db.selectFrom('avances').selectAll().where('accion_id', 'in', ids).execute(),
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
    const propio = avances.find((v) => v.accion_id === a.id && v.sesion_id === sesion.id)
    const previo = avances
      .filter((v) => v.accion_id === a.id && previas.has(v.sesion_id))
      .map((v) => ({ v, s: previas.get(v.sesion_id)! }))
      .sort((x, y) => (antes(x.s, y.s) ? 1 : -1))[0]
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

/** Acuerdos of earlier sessions still open before this one, plus those this session followed up. */
async function seguimientoDeSesion(
  db: Kysely<Database>,
  sesion: SesionRow,
  anteriores: SesionRow[],
  hoy: string
): Promise<AcuerdoEnSeguimiento[]> {
  if (anteriores.length === 0) return []
  const rows = await db
    .selectFrom('acuerdos')
    .selectAll()
    .where(
      'sesion_id',
      'in',
      anteriores.map((s) => s.id)
    )
    .execute()
  const conHistorial = await acuerdosConHistorial(db, rows)
  const previas = new Set(anteriores.map((s) => s.id))
  return conHistorial
    .map(({ acuerdo: a, historial }): AcuerdoEnSeguimiento & { abierto: boolean } => {
      const aqui = historial.find((h) => h.sesionId === sesion.id)
      const antesDeEsta =
        historial.filter((h) => previas.has(h.sesionId)).at(-1)?.estado ?? 'pendiente'
      return {
        ...a,
        situacion: situacionAcuerdo(aqui?.estado ?? antesDeEsta, a.plazo, hoy),
        enEstaSesion: aqui ? { estado: aqui.estado, nota: aqui.nota } : null,
        historial,
        abierto: antesDeEsta !== 'cumplido' || aqui !== undefined
      }
    })
    .filter((a) => a.abierto)
    .sort((x, y) => x.sesionFecha.localeCompare(y.sesionFecha) || x.numero - y.numero)
    .map(({ abierto: _abierto, ...a }) => a)
}
