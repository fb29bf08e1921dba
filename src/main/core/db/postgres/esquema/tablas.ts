import os from 'node:os'
import { sql, type Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { INDICES_PG } from './indices'

// The tables of the schema at version 21 on PostgreSQL (#17), made at once: a server has no
// older databases to migrate. Same tables, columns, NOT NULL, defaults, CHECKs, keys and
// ON DELETE actions as migrations 0001–0021 leave them on SQLite (test/main/core/db/
// postgres-tablas.test.ts compares both); the search index is busqueda.ts's, the triggers are
// the other files' of this folder. Types keep the app's TypeScript types: integer is int4 (a JS
// number through node-pg), real is double precision, booleans stay integer 0/1.
//
// Every text column is `collate "C"`: SQLite compares text bytewise (BINARY) in `=`, `<`,
// ORDER BY, UNIQUE and its indexes, and the app leans on that order: the exchange's stamps
// (`max(sello)`), `fecha || ' ' || created_at` keys, uuid v7 ids, codes sorted. A server whose
// database was created with a language locale (es_CL.UTF-8) would sort linguistically instead;
// "C" is bytewise on UTF-8, the same order as SQLite's, on any server. It also makes lower()
// fold ASCII only, as SQLite's does.
export const T = 'text collate "C"'

const AHORA = `${T} not null`
const SELLOS = `created_at ${AHORA}, updated_at ${AHORA}`

/** The plan and its catalogs (0001, 0005, 0008, 0012). */
const PLAN = [
  `create table instituciones (id ${T} primary key, sigla ${T} not null unique,
    nombre ${T} not null, orden integer not null, ${SELLOS})`,
  `create table instancias (id ${T} primary key, codigo ${T} not null unique,
    nombre ${T} not null, coordinador ${T}, secretaria_actas ${T}, orden integer not null,
    ${SELLOS})`,
  `create table personas (id ${T} primary key, nombre ${T} not null, cargo ${T},
    institucion_id ${T} references instituciones (id) on delete set null, correo ${T},
    telefono ${T}, ${SELLOS})`,
  `create table miembros (id ${T} primary key,
    instancia_id ${T} not null references instancias (id) on delete cascade,
    persona_id ${T} not null references personas (id) on delete cascade,
    calidad ${T} not null check (calidad in ('titular', 'suplente')), ${SELLOS},
    constraint miembros_instancia_persona_uq unique (instancia_id, persona_id))`,
  `create table planes (id ${T} primary key, nombre ${T} not null,
    periodo_desde ${T} not null, periodo_hasta ${T} not null, ${SELLOS}, cerrado_at ${T})`,
  `create table ejes (id ${T} primary key,
    plan_id ${T} not null references planes (id) on delete cascade, codigo ${T} not null,
    nombre ${T} not null, orden integer not null, ${SELLOS},
    constraint ejes_plan_codigo_uq unique (plan_id, codigo))`,
  `create table objetivos (id ${T} primary key,
    plan_id ${T} not null references planes (id) on delete cascade,
    eje_id ${T} not null references ejes (id) on delete cascade, codigo ${T} not null,
    texto ${T} not null, orden integer not null, ${SELLOS},
    constraint objetivos_plan_codigo_uq unique (plan_id, codigo))`,
  `create table acciones (id ${T} primary key,
    plan_id ${T} not null references planes (id) on delete cascade,
    objetivo_id ${T} not null references objetivos (id) on delete cascade, codigo ${T} not null,
    texto ${T} not null, instancia_id ${T} references instancias (id) on delete set null,
    responsables ${T} default '' not null, orden integer not null, ${SELLOS},
    rotulo_indicadores ${T}, separador_codigo ${T},
    constraint acciones_plan_codigo_uq unique (plan_id, codigo))`,
  `create table metas (id ${T} primary key,
    accion_id ${T} not null references acciones (id) on delete cascade, texto ${T} not null,
    plazo ${T}, orden integer not null, ${SELLOS}, rotulo ${T})`,
  `create table indicadores (id ${T} primary key,
    accion_id ${T} not null references acciones (id) on delete cascade, texto ${T} not null,
    tipo ${T} not null check (tipo in ('hito', 'conteo', 'porcentaje')), numerador ${T},
    denominador ${T}, orden integer not null, ${SELLOS}, vineta ${T},
    meta_valor double precision check (meta_valor is null or meta_valor >= 0))`
]

/**
 * Sessions and their actas (0002, 0003, 0005, 0010). A session points at two of its asistencias
 * and they at it: the session is made first and its links to asistencias added after them.
 */
const ACTAS = [
  `create table sesiones (id ${T} primary key,
    instancia_id ${T} not null references instancias (id) on delete restrict,
    tipo ${T} not null check (tipo in ('ordinaria', 'extraordinaria')),
    numero integer not null, anio integer not null, fecha ${T} not null, hora_inicio ${T},
    hora_termino ${T}, lugar ${T} default '' not null,
    modalidad ${T} not null check (modalidad in ('presencial', 'remota', 'mixta')),
    preside ${T} default '' not null,
    estado ${T} default 'borrador' not null
      check (estado in ('borrador', 'cerrada', 'aprobada')),
    proxima_fecha ${T}, proxima_lugar ${T} default '' not null, cerrada_at ${T},
    aprobada_at ${T}, aprobada_en_sesion_id ${T} references sesiones (id) on delete set null,
    observaciones_aprobacion ${T} default '' not null, hash ${T}, ${SELLOS},
    contenido_aprobado ${T}, aprobada_en_titulo ${T}, aprobada_secretaria ${T},
    hash_anterior ${T}, secretaria_subrogante_id ${T}, presidente_id ${T},
    constraint sesiones_numero_uq unique (instancia_id, tipo, anio, numero))`,
  `create table asistencias (id ${T} primary key,
    sesion_id ${T} not null references sesiones (id) on delete cascade,
    persona_id ${T} references personas (id) on delete set null, nombre ${T} not null,
    cargo ${T} default '' not null, institucion ${T} default '' not null,
    calidad ${T} not null check (calidad in ('titular', 'suplente', 'invitado')),
    estado ${T} not null check (estado in ('presente', 'excusado', 'ausente')),
    motivo ${T} default '' not null, orden integer not null, ${SELLOS})`,
  `alter table sesiones
    add foreign key (secretaria_subrogante_id) references asistencias (id) on delete set null,
    add foreign key (presidente_id) references asistencias (id) on delete set null`,
  `create table puntos_tabla (id ${T} primary key,
    sesion_id ${T} not null references sesiones (id) on delete cascade, titulo ${T} not null,
    desarrollo ${T} default '' not null,
    tipo ${T} not null
      check (tipo in ('aprobacion_acta', 'cuenta', 'seguimiento', 'varios', 'otro')),
    orden integer not null, ${SELLOS})`,
  `create table acuerdos (id ${T} primary key,
    sesion_id ${T} not null references sesiones (id) on delete cascade,
    numero integer not null, texto ${T} not null,
    institucion_id ${T} references instituciones (id) on delete set null,
    persona_id ${T} references personas (id) on delete set null,
    responsable ${T} default '' not null, plazo ${T},
    accion_id ${T} references acciones (id) on delete set null, accion_codigo ${T}, ${SELLOS},
    constraint acuerdos_sesion_numero_uq unique (sesion_id, numero))`,
  `create table seguimientos (id ${T} primary key,
    acuerdo_id ${T} not null references acuerdos (id) on delete cascade,
    sesion_id ${T} not null references sesiones (id) on delete cascade,
    estado ${T} not null check (estado in ('pendiente', 'en_curso', 'cumplido')),
    nota ${T} default '' not null, ${SELLOS},
    constraint seguimientos_acuerdo_sesion_uq unique (acuerdo_id, sesion_id))`,
  `create table avances (id ${T} primary key,
    sesion_id ${T} not null references sesiones (id) on delete cascade,
    accion_id ${T} references acciones (id) on delete set null, accion_codigo ${T} not null,
    estado ${T} not null
      check (estado in ('no_iniciada', 'en_curso', 'cumplida', 'atrasada')),
    porcentaje integer, reporte ${T} default '' not null, ${SELLOS},
    constraint avances_sesion_accion_uq unique (sesion_id, accion_id))`,
  `create table mediciones (id ${T} primary key,
    sesion_id ${T} not null references sesiones (id) on delete cascade,
    indicador_id ${T} references indicadores (id) on delete set null,
    accion_codigo ${T} not null, indicador_texto ${T} not null, tipo ${T} not null,
    valor double precision, numerador double precision, denominador double precision,
    fecha_corte ${T} not null, nota ${T} default '' not null, ${SELLOS},
    constraint mediciones_sesion_indicador_uq unique (sesion_id, indicador_id))`,
  `create table fe_erratas (id ${T} primary key,
    sesion_id ${T} not null references sesiones (id) on delete cascade, texto ${T} not null,
    fecha ${T} not null, ${SELLOS})`
]

/**
 * An acuerdo's life (0006, 0009): `nivel` groups acuerdos by how long they lived (at most
 * 2^nivel days, 21 while open), SQLite's virtual column here a stored one (PostgreSQL 15 has no
 * virtual ones), recomputed on every update as SQLite computes it on every read. The day count
 * is julianday(b) − julianday(a) of SQLite, with make_date (immutable, as a generated column
 * needs; a `::date` cast depends on DateStyle) over 'YYYY-MM-DD'; log in numeric, so a power of
 * two gives its exact exponent as SQLite's log2 does. No abierto_en yet: null, as SQLite's.
 */
const fechaDe = (c: string) =>
  `make_date(substr(${c}, 1, 4)::int, substr(${c}, 6, 2)::int, substr(${c}, 9, 2)::int)`
const NIVEL = `case when cerrado_en = '~' then 21
  when abierto_en is null or cerrado_en !~ '^\\d{4}-\\d\\d-\\d\\d'
    or abierto_en !~ '^\\d{4}-\\d\\d-\\d\\d' then null
  else least(20, ceil(log(2, greatest(1, ${fechaDe('cerrado_en')} - ${fechaDe('abierto_en')})
    ::numeric))::int) end`

/** Derived and bookkeeping tables (0001, 0006, 0011, 0014–0021). */
const OTRAS = [
  `create table app_settings (key ${T} primary key, value ${T} not null,
    updated_at ${T} not null)`,
  `create table tombstones (id ${T} primary key, tabla ${T} not null,
    deleted_at ${T} not null)`,
  `create table acuerdos_cierre (
    acuerdo_id ${T} primary key references acuerdos (id) on delete cascade,
    cerrado_en ${T} not null, abierto_en ${T}, instancia_id ${T},
    nivel integer generated always as (${NIVEL}) stored)`,
  // autoincrement: ids only grow, never reused after a delete; identity never reuses either.
  `create table historial (id integer generated by default as identity primary key,
    en ${T} not null, actor ${T}, institucion ${T}, canal ${T}, tabla ${T} not null,
    fila_id ${T} not null,
    operacion ${T} not null check (operacion in ('crear', 'modificar', 'borrar')),
    antes ${T}, despues ${T}, sesion_id ${T}, accion_id ${T}, acuerdo_id ${T})`,
  `create table instalacion (unica integer primary key check (unica = 1), id ${T} not null,
    nombre ${T} not null, created_at ${T} not null, conocido ${T} not null default '{}')`,
  `create table sellos (tabla ${T} not null, fila_id ${T} not null, campo ${T} not null,
    sello ${T} not null, primary key (tabla, fila_id, campo))`,
  `create table socios (instalacion_id ${T} primary key, nombre ${T} not null,
    vector ${T} not null, ultimo_envio ${T}, ultimo_recibo ${T})`,
  `create table alias (tabla ${T} not null, remoto ${T} not null, local ${T} not null,
    primary key (tabla, remoto))`,
  `create table actas_ajenas (sesion_id ${T} not null, hash ${T} not null,
    motivo ${T} not null check (motivo in ('version', 'numero')),
    instalacion_id ${T} not null, instalacion_nombre ${T} not null, aprobada_at ${T},
    contenido ${T} not null, fila ${T} not null, recibida_at ${T} not null,
    primary key (sesion_id, hash))`,
  `create table avance_fechas (avance_id ${T} primary key not null, accion_id ${T} not null,
    fecha ${T} not null, creada ${T} not null, aprobada integer not null)`,
  `create table instalaciones_anteriores (id ${T} primary key, actual ${T} not null)`,
  `create table comunes (tabla ${T} not null, fila_id ${T} not null,
    primary key (tabla, fila_id))`
]

/**
 * Every foreign key (each says its ON DELETE) deferrable, still checked at each statement unless
 * a transaction defers it: an import defers them, as SQLite's defer_foreign_keys (db/catalogo.ts),
 * to write a session and the asistencias it points at in any order.
 */
const diferible = (ddl: string) =>
  ddl.replace(/on delete (cascade|set null|restrict)/g, '$& deferrable initially immediate')

/** Every table but schema_migrations (the migrator's) and the search's (busqueda.ts). */
export async function crearTablas(db: Kysely<unknown>): Promise<void> {
  for (const ddl of [...PLAN, ...ACTAS, ...OTRAS].map(diferible)) {
    await sql.raw(ddl).execute(db)
  }
  for (const ddl of INDICES_PG) await sql.raw(ddl).execute(db)
  // 0014: this installation's one row, made once with the database; a copy keeps it.
  await sql`insert into instalacion (unica, id, nombre, created_at)
    values (1, ${uuidv7()}, ${os.hostname() || 'Esta instalación'}, ${new Date().toISOString()})`.execute(
    db
  )
}
