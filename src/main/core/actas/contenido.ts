import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/schema'
import { tituloSesion } from '../../../shared/domain/sesiones'
import { presideDe } from '../../../shared/domain/firmas'
import type { ActaContenido } from './contenido-tipo'
import { notFound } from '../errors'
import { generoDelCargo, type Genero } from './genero-cargo'

type Db = Kysely<Database> | Transaction<Database>

export type { ActaContenido }

/** The session's own row, with its instancia's name and secretary. */
async function leerSesion(db: Db, sesionId: string) {
  const s = await db
    .selectFrom('sesiones')
    .innerJoin('instancias', 'instancias.id', 'sesiones.instancia_id')
    .selectAll('sesiones')
    .select(['instancias.nombre as instancia', 'instancias.secretaria_actas'])
    .where('sesiones.id', '=', sesionId)
    .executeTakeFirst()
  if (!s) throw notFound('La sesión')
  return s
}

/** The session's attendance, agenda, progress, values, acuerdos and follow-up, in fixed order. */
async function leerFilas(db: Db, sesionId: string) {
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
  return { asistencia, puntos, avances, mediciones, acuerdos, seguimientos }
}

type Sesion = Awaited<ReturnType<typeof leerSesion>>
type Filas = Awaited<ReturnType<typeof leerFilas>>

/** The key is left out when the cargo does not tell: such an acta reads as before. */
function generoSellado(cargo: string): { genero?: Genero } {
  const genero = generoDelCargo(cargo)
  return genero ? { genero } : {}
}

/** The session's particulars as the acta states them. */
function datosSesion(s: Sesion, asistencia: Filas['asistencia']): ActaContenido['sesion'] {
  // Only one who was there can have acted as secretary; the key is left out when nobody did.
  const sub = asistencia.find((a) => a.id === s.secretaria_subrogante_id && a.estado === 'presente')
  const pre = asistencia.find((a) => a.id === s.presidente_id && a.estado === 'presente')
  return {
    titulo: tituloSesion(s),
    instancia: s.instancia,
    fecha: s.fecha,
    horaInicio: s.hora_inicio,
    horaTermino: s.hora_termino,
    lugar: s.lugar,
    modalidad: s.modalidad,
    // Who was chosen as having chaired heads the acta too; the typed text only when nobody was.
    preside: pre ? presideDe(pre) : s.preside,
    proximaFecha: s.proxima_fecha,
    proximaLugar: s.proxima_lugar,
    secretariaActas: s.secretaria_actas ?? '',
    ...(sub
      ? {
          secretariaSubrogante: {
            nombre: sub.nombre,
            cargo: sub.cargo,
            institucion: sub.institucion,
            ...generoSellado(sub.cargo)
          }
        }
      : {}),
    ...(pre
      ? { presidente: { nombre: pre.nombre, cargo: pre.cargo, institucion: pre.institucion } }
      : {})
  }
}

/**
 * The acta as its rows say it now, from the rows' own copies of names and codes, in a fixed
 * order. Drafts are printed from this; approval seals its JSON text (see sello.ts), so the keys
 * keep the order written here.
 */
export async function contenidoActa(db: Db, sesionId: string): Promise<ActaContenido> {
  const s = await leerSesion(db, sesionId)
  const f: Filas = await leerFilas(db, sesionId)
  return {
    sesion: datosSesion(s, f.asistencia),
    asistencia: f.asistencia.map((a) => ({
      nombre: a.nombre,
      cargo: a.cargo,
      institucion: a.institucion,
      calidad: a.calidad,
      estado: a.estado,
      motivo: a.motivo
    })),
    puntos: f.puntos.map((p) => ({ titulo: p.titulo, desarrollo: p.desarrollo })),
    avances: f.avances.map((a) => ({
      accion: a.accion_codigo,
      estado: a.estado,
      porcentaje: a.porcentaje,
      reporte: a.reporte
    })),
    mediciones: f.mediciones.map((m) => ({
      accion: m.accion_codigo,
      indicador: m.indicador_texto,
      tipo: m.tipo,
      valor: m.valor,
      numerador: m.numerador,
      denominador: m.denominador,
      fechaCorte: m.fecha_corte,
      nota: m.nota
    })),
    acuerdos: f.acuerdos.map((a) => ({
      numero: a.numero,
      texto: a.texto,
      responsable: a.responsable,
      plazo: a.plazo,
      accion: a.accion_codigo
    })),
    seguimientos: f.seguimientos.map((g) => ({
      acuerdo: `${tituloSesion({ tipo: g.tipo, numero: g.sNumero, anio: g.anio })}, acuerdo N° ${g.numero}`,
      texto: g.texto,
      estado: g.estado,
      nota: g.nota
    }))
  }
}

/** The text that is hashed and sealed: JSON with the keys in the order built above. */
export function textoActa(contenido: ActaContenido): string {
  return JSON.stringify(contenido)
}
