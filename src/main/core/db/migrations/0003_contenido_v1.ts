import { sql, type Kysely, type RawBuilder } from 'kysely'

// Frozen in time, part of migration 0003: the content of an acta exactly as schema version 2
// built and hashed it (same keys, same order), so that actas approved before 0003 keep the
// hash they were given. Never edit; the live builder is core/actas/contenido.ts.

const TIPO: Record<string, string> = { ordinaria: 'Ordinaria', extraordinaria: 'Extraordinaria' }
const titulo = (tipo: string, numero: number, anio: number): string =>
  `Sesión ${TIPO[tipo] ?? tipo} N° ${numero}/${anio}`

type Row = Record<string, string | number | null>

/** A session's title as version 2 wrote it. */
export async function tituloDe(db: Kysely<unknown>, id: string): Promise<string | null> {
  const { rows } = await sql<{
    tipo: string
    numero: number
    anio: number
  }>`select tipo, numero, anio from sesiones where id = ${id}`.execute(db)
  return rows[0] ? titulo(rows[0].tipo, rows[0].numero, rows[0].anio) : null
}

async function filas(db: Kysely<unknown>, query: RawBuilder<unknown>): Promise<Row[]> {
  return (await query.execute(db)).rows as Row[]
}

/** The rows of one session, each list in the order version 2 read it. */
type Listas =
  'sesion' | 'asistencia' | 'puntos' | 'avances' | 'mediciones' | 'acuerdos' | 'seguimientos'

async function leerV1(db: Kysely<unknown>, id: string): Promise<Record<Listas, Row[]>> {
  const q = (query: RawBuilder<unknown>): Promise<Row[]> => filas(db, query)
  return {
    sesion: await q(sql`select s.*, i.nombre as instancia_nombre from sesiones s
        join instancias i on i.id = s.instancia_id where s.id = ${id}`),
    asistencia: await q(sql`select * from asistencias where sesion_id = ${id} order by orden, id`),
    puntos: await q(sql`select * from puntos_tabla where sesion_id = ${id} order by orden, id`),
    avances: await q(sql`select * from avances where sesion_id = ${id} order by accion_codigo, id`),
    mediciones: await q(sql`select * from mediciones where sesion_id = ${id}
        order by accion_codigo, indicador_texto, id`),
    acuerdos: await q(sql`select * from acuerdos where sesion_id = ${id} order by numero`),
    seguimientos: await q(sql`select sg.estado, sg.nota, a.numero, a.texto, o.tipo,
        o.numero as s_numero, o.anio
        from seguimientos sg join acuerdos a on a.id = sg.acuerdo_id
        join sesiones o on o.id = a.sesion_id
        where sg.sesion_id = ${id} order by o.fecha, a.numero`)
  }
}

export async function contenidoV1(db: Kysely<unknown>, id: string): Promise<unknown> {
  const { sesion, asistencia, puntos, avances, mediciones, acuerdos, seguimientos } = await leerV1(
    db,
    id
  )
  const s = sesion[0]
  if (!s) throw new Error(`sesión ${id} no encontrada`)
  return {
    sesion: {
      titulo: titulo(String(s.tipo), Number(s.numero), Number(s.anio)),
      instancia: s.instancia_nombre,
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
      acuerdo: `${titulo(String(g.tipo), Number(g.s_numero), Number(g.anio))}, acuerdo N° ${g.numero}`,
      texto: g.texto,
      estado: g.estado,
      nota: g.nota
    }))
  }
}
