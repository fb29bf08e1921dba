import crypto from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/schema'
import { tituloSesion } from '../../../shared/domain/sesiones'
import type {
  AcuerdoEstado,
  AsistenciaEstado,
  AvanceEstado,
  Calidad,
  Modalidad
} from '../../../shared/domain/sesiones'
import { notFound } from '../errors'

type Db = Kysely<Database> | Transaction<Database>

/**
 * What an acta says, and nothing else: read from the rows' own copies of names and codes, in a
 * fixed order. Its SHA-256 is the hash stored at approval and printed on the documents, so
 * anyone can check a printed acta against the database.
 */
export interface ActaContenido {
  sesion: {
    titulo: string
    instancia: string
    fecha: string
    horaInicio: string | null
    horaTermino: string | null
    lugar: string
    modalidad: Modalidad
    preside: string
    proximaFecha: string | null
    proximaLugar: string
  }
  asistencia: {
    nombre: string
    cargo: string
    institucion: string
    calidad: Calidad
    estado: AsistenciaEstado
    motivo: string
  }[]
  puntos: { titulo: string; desarrollo: string }[]
  avances: { accion: string; estado: AvanceEstado; porcentaje: number | null; reporte: string }[]
  mediciones: {
    accion: string
    indicador: string
    tipo: string
    valor: number | null
    numerador: number | null
    denominador: number | null
    fechaCorte: string
    nota: string
  }[]
  acuerdos: {
    numero: number
    texto: string
    responsable: string
    plazo: string | null
    accion: string | null
  }[]
  seguimientos: { acuerdo: string; texto: string; estado: AcuerdoEstado; nota: string }[]
}

export async function contenidoActa(db: Db, sesionId: string): Promise<ActaContenido> {
  const s = await db
    .selectFrom('sesiones')
    .innerJoin('instancias', 'instancias.id', 'sesiones.instancia_id')
    .selectAll('sesiones')
    .select('instancias.nombre as instancia')
    .where('sesiones.id', '=', sesionId)
    .executeTakeFirst()
  if (!s) throw notFound('La sesión')
  const [asistencia, puntos, avances, mediciones, acuerdos, seguimientos] = await Promise.all([
    db
      .selectFrom('asistencias')
      .selectAll()
      .where('sesion_id', '=', sesionId)
      .orderBy('orden')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('puntos_tabla')
      .selectAll()
      .where('sesion_id', '=', sesionId)
      .orderBy('orden')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('avances')
      .selectAll()
      .where('sesion_id', '=', sesionId)
      .orderBy('accion_codigo')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('mediciones')
      .selectAll()
      .where('sesion_id', '=', sesionId)
      .orderBy('accion_codigo')
      .orderBy('indicador_texto')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('acuerdos')
      .selectAll()
      .where('sesion_id', '=', sesionId)
      .orderBy('numero')
      .execute(),
    db
      .selectFrom('seguimientos as sg')
      .innerJoin('acuerdos as a', 'a.id', 'sg.acuerdo_id')
      .innerJoin('sesiones as origen', 'origen.id', 'a.sesion_id')
      .select([
        'sg.estado',
        'sg.nota',
        'a.numero',
        'a.texto',
        'origen.tipo',
        'origen.numero as sNumero',
        'origen.anio',
        'origen.fecha'
      ])
      .where('sg.sesion_id', '=', sesionId)
      .orderBy('origen.fecha')
      .orderBy('a.numero')
      .execute()
  ])
  return {
    sesion: {
      titulo: tituloSesion(s),
      instancia: s.instancia,
      fecha: s.fecha,
      horaInicio: s.hora_inicio,
      horaTermino: s.hora_termino,
      lugar: s.lugar,
      modalidad: s.modalidad,
      preside: s.preside,
      proximaFecha: s.proxima_fecha,
      proximaLugar: s.proxima_lugar
    },
    asistencia: asistencia.map((a) => ({
      nombre: a.nombre,
      cargo: a.cargo,
      institucion: a.institucion,
      calidad: a.calidad,
      estado: a.estado,
      motivo: a.motivo
    })),
    puntos: puntos.map((p) => ({ titulo: p.titulo, desarrollo: p.desarrollo })),
    avances: avances.map((a) => ({
      accion: a.accion_codigo,
      estado: a.estado,
      porcentaje: a.porcentaje,
      reporte: a.reporte
    })),
    mediciones: mediciones.map((m) => ({
      accion: m.accion_codigo,
      indicador: m.indicador_texto,
      tipo: m.tipo,
      valor: m.valor,
      numerador: m.numerador,
      denominador: m.denominador,
      fechaCorte: m.fecha_corte,
      nota: m.nota
    })),
    acuerdos: acuerdos.map((a) => ({
      numero: a.numero,
      texto: a.texto,
      responsable: a.responsable,
      plazo: a.plazo,
      accion: a.accion_codigo
    })),
    seguimientos: seguimientos.map((g) => ({
      acuerdo: `${tituloSesion({ tipo: g.tipo, numero: g.sNumero, anio: g.anio })}, acuerdo N° ${g.numero}`,
      texto: g.texto,
      estado: g.estado,
      nota: g.nota
    }))
  }
}

export function hashActa(contenido: ActaContenido): string {
  return crypto.createHash('sha256').update(JSON.stringify(contenido)).digest('hex')
}
