import { sql, type Kysely, type RawBuilder } from 'kysely'
import { expect } from 'vitest'
import { enNombreDe, type Quien } from '../../src/main/core/db/quien'

// The same writes on a SQLite file and on a PostgreSQL database, each on behalf of someone (or
// no one), so their triggers' work can be compared row by row (postgres-disparadores.test.ts).

export interface Paso {
  quien: Quien | null
  sentencias: RawBuilder<unknown>[]
}

const en = (n: number) => `2026-03-0${n}T10:00:00.000Z`
const ana = (canal: string, n: number): Quien => ({
  nombre: 'Ana Pérez',
  institucion: 'MINEDUC',
  canal,
  en: en(n)
})
const T = '2026-01-01T00:00:00.000Z'
const LOGO = 'data:image/png;base64,' + 'Añ'.repeat(400)

/** A plan, a session with its acuerdo, follow-up and report, a setting: every audited kind. */
export const ESCENARIO: readonly Paso[] = [
  {
    quien: ana('plan:importar', 1),
    sentencias: [
      sql`insert into instituciones (id, sigla, nombre, orden, created_at, updated_at)
        values ('i1', 'MIN', 'Ministerio', 1, ${T}, ${T})`,
      sql`insert into instancias (id, codigo, nombre, orden, created_at, updated_at)
        values ('n1', 'C1', 'Comisión «uno»', 1, ${T}, ${T})`,
      sql`insert into planes (id, nombre, periodo_desde, periodo_hasta, created_at, updated_at)
        values ('p1', 'Plan', '2026', '2027', ${T}, ${T})`,
      sql`insert into ejes (id, plan_id, codigo, nombre, orden, created_at, updated_at)
        values ('e1', 'p1', '1', 'Eje', 1, ${T}, ${T})`,
      sql`insert into objetivos (id, plan_id, eje_id, codigo, texto, orden, created_at,
        updated_at) values ('o1', 'p1', 'e1', '1.1', 'Objetivo', 1, ${T}, ${T})`
    ]
  },
  {
    quien: ana('accion:crear', 2),
    sentencias: [
      sql`insert into acciones (id, plan_id, objetivo_id, codigo, texto, instancia_id, orden,
        created_at, updated_at) values ('a1', 'p1', 'o1', '1.1.1', 'Acción', 'n1', 1, ${T}, ${T})`,
      sql`insert into indicadores (id, accion_id, texto, tipo, orden, created_at, updated_at,
        meta_valor) values ('d1', 'a1', 'Indicador', 'conteo', 1, ${T}, ${T}, 1.5)`,
      sql`insert into metas (id, accion_id, texto, orden, created_at, updated_at)
        values ('m1', 'a1', 'Meta', 1, ${T}, ${T})`
    ]
  },
  {
    quien: ana('plan:editar', 3),
    sentencias: [
      sql`update ejes set nombre = 'Eje "dos"', updated_at = ${en(3)} where id = 'e1'`,
      // Only the stamp: no history row, no exchange stamp.
      sql`update objetivos set updated_at = ${en(3)} where id = 'o1'`,
      sql`update metas set texto = texto where id = 'm1'`,
      sql`insert into app_settings (key, value, updated_at) values ('logo', ${LOGO}, ${T})`,
      sql`update app_settings set value = ${LOGO + 'z'} where key = 'logo'`
    ]
  },
  {
    quien: ana('sesion:crear', 4),
    sentencias: [
      sql`insert into sesiones (id, instancia_id, tipo, numero, anio, fecha, modalidad,
        created_at, updated_at) values ('s1', 'n1', 'ordinaria', 1, 2026, '2026-03-04',
        'presencial', ${en(4)}, ${en(4)})`,
      sql`insert into sesiones (id, instancia_id, tipo, numero, anio, fecha, modalidad,
        created_at, updated_at) values ('s2', 'n1', 'ordinaria', 2, 2026, '2026-05-04',
        'presencial', ${en(5)}, ${en(5)})`,
      sql`insert into asistencias (id, sesion_id, nombre, calidad, estado, orden, created_at,
        updated_at) values ('as1', 's1', 'Ana', 'titular', 'presente', 1, ${T}, ${T})`,
      sql`insert into puntos_tabla (id, sesion_id, titulo, tipo, orden, created_at, updated_at)
        values ('pt1', 's1', 'Cuenta', 'cuenta', 1, ${T}, ${T})`,
      sql`insert into acuerdos (id, sesion_id, numero, texto, institucion_id, accion_id,
        created_at, updated_at) values ('ac1', 's1', 1, 'Acordar', 'i1', 'a1', ${T}, ${T})`,
      sql`insert into acuerdos (id, sesion_id, numero, texto, created_at, updated_at)
        values ('ac2', 's1', 2, 'Otro', ${T}, ${T})`,
      sql`insert into avances (id, sesion_id, accion_id, accion_codigo, estado, porcentaje,
        created_at, updated_at) values ('av1', 's1', 'a1', '1.1.1', 'en_curso', 50, ${T}, ${T})`,
      sql`insert into mediciones (id, sesion_id, indicador_id, accion_codigo, indicador_texto,
        tipo, valor, fecha_corte, created_at, updated_at) values ('me1', 's1', 'd1', '1.1.1',
        'Indicador', 'conteo', 2.25, '2026-03-01', ${T}, ${T})`,
      sql`insert into seguimientos (id, acuerdo_id, sesion_id, estado, created_at, updated_at)
        values ('sg1', 'ac1', 's2', 'cumplido', ${en(5)}, ${en(5)})`,
      sql`insert into seguimientos (id, acuerdo_id, sesion_id, estado, created_at, updated_at)
        values ('sg2', 'ac2', 's2', 'en_curso', ${en(5)}, ${en(5)})`
    ]
  },
  {
    // A script (no call behind it): no actor, the time of the write.
    quien: null,
    sentencias: [
      sql`update sesiones set fecha = '2026-03-05', lugar = 'Sala' where id = 's1'`,
      sql`update sesiones set fecha = '2026-05-06' where id = 's2'`,
      sql`update seguimientos set estado = 'en_curso' where id = 'sg1'`,
      sql`update seguimientos set estado = 'cumplido' where id = 'sg2'`,
      sql`delete from seguimientos where id = 'sg2'`,
      sql`update acuerdos set sesion_id = 's2', numero = 3 where id = 'ac2'`,
      sql`update avances set accion_id = null where id = 'av1'`,
      sql`update avances set accion_id = 'a1' where id = 'av1'`,
      sql`delete from puntos_tabla where id = 'pt1'`,
      sql`insert into puntos_tabla (id, sesion_id, titulo, tipo, orden, created_at, updated_at)
        values ('pt1', 's1', 'Cuenta otra vez', 'cuenta', 1, ${T}, ${T})`,
      sql`delete from acuerdos where id = 'ac1'`,
      sql`insert into instalaciones_anteriores (id, actual) values ('x', 'y')`
    ]
  }
]

/** Runs the steps on either dialect: SQLite asks `mitp_quien()`, PostgreSQL reads mitp.quien. */
export async function ejecutar(
  db: Kysely<unknown>,
  dialecto: 'sqlite' | 'postgres',
  pasos: readonly Paso[]
): Promise<void> {
  for (const p of pasos) {
    const escribir = () =>
      db.transaction().execute(async (trx) => {
        if (dialecto === 'postgres') {
          const q = p.quien ? JSON.stringify(p.quien) : ''
          await sql`select set_config('mitp.quien', ${q}, true)`.execute(trx)
        }
        for (const s of p.sentencias) await s.execute(trx)
      })
    if (dialecto === 'sqlite' && p.quien) await enNombreDe(p.quien, escribir)
    else await escribir()
  }
}

/** What the statement does: 'ok', or the message of the error that refused it. */
export async function resultado(db: Kysely<unknown>, s: RawBuilder<unknown>): Promise<string> {
  try {
    await s.execute(db)
    return 'ok'
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}

// "before update of a, b on t": when, on what, for which columns.
const DEF =
  /^create\s+trigger\s+"?(\w+)"?\s+(before|after)\s+(insert|update|delete|truncate)(?:\s+of\s+(.+?))?\s+on\s+(?:public\.)?"?(\w+)"?\s/is
export function evento(def: string): [string, string] {
  const m = DEF.exec(def)
  if (!m) throw new Error(`Definición no reconocida: ${def.slice(0, 120)}`)
  const cols = m[4]
    ? ` of ${m[4]
        .split(',')
        .map((c) => c.trim().replace(/"/g, ''))
        .join(', ')}`
    : ''
  return [m[1]!, `${m[2]} ${m[3]}${cols} on ${m[5]}`.toLowerCase().replace(/\s+/g, ' ')]
}

const AHORA = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/

// Each row's history in order. Across rows a cascade differs: SQLite records the rows a delete
// cascades to before the row deleted, PostgreSQL after it (its cascades' triggers fire at the end
// of the statement).
export async function historial(db: Kysely<unknown>): Promise<Record<string, unknown>[]> {
  const { rows } = await sql<Record<string, unknown>>`select en, actor, institucion, canal,
    tabla, fila_id, operacion, antes, despues, sesion_id, accion_id, acuerdo_id
    from historial order by tabla, fila_id, id`.execute(db)
  return rows.map((r) => {
    if (r.actor !== null) return r
    // A write with no call behind it is stamped with the time it was made.
    expect(r.en).toMatch(AHORA)
    expect(Math.abs(Date.parse(String(r.en)) - Date.now())).toBeLessThan(60_000)
    return { ...r, en: 'ahora' }
  })
}

export async function derivadas(db: Kysely<unknown>): Promise<unknown[][]> {
  const consultas = [
    sql`select acuerdo_id, cerrado_en, abierto_en, instancia_id, nivel from acuerdos_cierre
      order by acuerdo_id`,
    sql`select avance_id, accion_id, fecha, creada, aprobada from avance_fechas
      order by avance_id`,
    sql`select tabla, fila_id from comunes order by tabla, fila_id`,
    // Each row's fields in the order they were stamped (a cascade orders rows differently).
    sql`select tabla, fila_id, campo from sellos order by tabla, fila_id, sello, campo`
  ]
  const r: unknown[][] = []
  for (const c of consultas) r.push((await c.execute(db)).rows)
  return r
}
