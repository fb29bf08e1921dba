import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { Destino, ResultadoTipo, SeccionSesion } from '../../../shared/busqueda/contract'
import { tituloSesion } from '../../../shared/domain/sesiones'
import { formatFecha } from '../../../shared/domain/fechas'

/** One row the index matched, before it is placed. */
export interface Coincidencia {
  tipo: ResultadoTipo
  id: string
  /** The title's and the body's snippets, the matched words between marks. */
  enTitulo: string
  enCuerpo: string
}

export interface Ubicacion {
  titulo: string
  lugar: string
  destino: Destino
}

type Ubicaciones = Map<string, Ubicacion>

/** The rows of an acta, by kind: the table holding them and the section of the session screen. */
const DE_ACTA = {
  punto: { tabla: 'puntos_tabla', seccion: 'tabla' },
  acuerdo: { tabla: 'acuerdos', seccion: 'acuerdos' },
  seguimiento: { tabla: 'seguimientos', seccion: 'seguimiento' },
  avance: { tabla: 'avances', seccion: 'avance' },
  medicion: { tabla: 'mediciones', seccion: 'avance' },
  errata: { tabla: 'fe_erratas', seccion: null }
} as const satisfies Partial<
  Record<ResultadoTipo, { tabla: keyof Database; seccion: SeccionSesion | null }>
>

function idsDe(rows: readonly Coincidencia[], ...tipos: ResultadoTipo[]): string[] {
  return rows.filter((r) => tipos.includes(r.tipo)).map((r) => r.id)
}

/** Reads the matched rows of one kind (none: no query) and places each. */
async function colocar<T extends { id: string }>(
  ids: string[],
  leer: (ids: string[]) => Promise<T[]>,
  ubicacion: (fila: T) => Ubicacion,
  out: Ubicaciones
): Promise<void> {
  if (!ids.length) return
  for (const fila of await leer(ids)) out.set(fila.id, ubicacion(fila))
}

const EN_EL_PLAN = 'Plan de acción'

async function plan(db: Kysely<Database>, rows: readonly Coincidencia[], out: Ubicaciones) {
  await colocar(
    idsDe(rows, 'eje'),
    (ids) => db.selectFrom('ejes').select(['id', 'codigo']).where('id', 'in', ids).execute(),
    (e) => ({ titulo: `Eje ${e.codigo}`, lugar: EN_EL_PLAN, destino: { pantalla: 'plan' } }),
    out
  )
  await colocar(
    idsDe(rows, 'objetivo'),
    (ids) =>
      db
        .selectFrom('objetivos as o')
        .innerJoin('ejes as e', 'e.id', 'o.eje_id')
        .select(['o.id', 'o.codigo', 'e.nombre'])
        .where('o.id', 'in', ids)
        .execute(),
    (o) => ({
      titulo: `Objetivo ${o.codigo}`,
      lugar: `Eje ${o.nombre}`,
      destino: { pantalla: 'plan' }
    }),
    out
  )
  await colocar(
    idsDe(rows, 'accion'),
    (ids) => db.selectFrom('acciones').select(['id', 'codigo']).where('id', 'in', ids).execute(),
    (a) => ({
      titulo: `Acción ${a.codigo}`,
      lugar: EN_EL_PLAN,
      destino: { pantalla: 'accion', accionId: a.id }
    }),
    out
  )
  // Metas and indicadores open the acción they belong to.
  const enAccion =
    (nombre: string) =>
    (x: { id: string; accionId: string; codigo: string }): Ubicacion => ({
      titulo: `${nombre} de la acción ${x.codigo}`,
      lugar: EN_EL_PLAN,
      destino: { pantalla: 'accion', accionId: x.accionId }
    })
  await colocar(
    idsDe(rows, 'meta'),
    (ids) =>
      db
        .selectFrom('metas as x')
        .innerJoin('acciones as a', 'a.id', 'x.accion_id')
        .select(['x.id', 'a.id as accionId', 'a.codigo'])
        .where('x.id', 'in', ids)
        .execute(),
    enAccion('Meta'),
    out
  )
  await colocar(
    idsDe(rows, 'indicador'),
    (ids) =>
      db
        .selectFrom('indicadores as x')
        .innerJoin('acciones as a', 'a.id', 'x.accion_id')
        .select(['x.id', 'a.id as accionId', 'a.codigo'])
        .where('x.id', 'in', ids)
        .execute(),
    enAccion('Indicador'),
    out
  )
}

async function gente(db: Kysely<Database>, rows: readonly Coincidencia[], out: Ubicaciones) {
  await colocar(
    idsDe(rows, 'persona'),
    (ids) =>
      db
        .selectFrom('personas as p')
        .leftJoin('instituciones as i', 'i.id', 'p.institucion_id')
        .select(['p.id', 'p.nombre', 'p.cargo', 'i.sigla'])
        .where('p.id', 'in', ids)
        .execute(),
    (p) => ({
      titulo: p.nombre,
      lugar: [p.cargo, p.sigla].filter(Boolean).join(', ') || 'Persona',
      destino: { pantalla: 'persona', personaId: p.id }
    }),
    out
  )
  await colocar(
    idsDe(rows, 'institucion'),
    (ids) =>
      db
        .selectFrom('instituciones')
        .select(['id', 'sigla', 'nombre'])
        .where('id', 'in', ids)
        .execute(),
    (i) => ({
      titulo: i.sigla,
      lugar: i.nombre,
      destino: { pantalla: 'institucion', institucionId: i.id }
    }),
    out
  )
}

/** The session each acta row belongs to, and what to call the row. */
async function filasDeActa(
  db: Kysely<Database>,
  rows: readonly Coincidencia[]
): Promise<{ id: string; sesionId: string; titulo: string; seccion: SeccionSesion | null }[]> {
  const out: { id: string; sesionId: string; titulo: string; seccion: SeccionSesion | null }[] = []
  for (const [tipo, { tabla, seccion }] of Object.entries(DE_ACTA) as [
    keyof typeof DE_ACTA,
    (typeof DE_ACTA)[keyof typeof DE_ACTA]
  ][]) {
    const ids = idsDe(rows, tipo)
    if (!ids.length) continue
    const filas = await db.selectFrom(tabla).selectAll().where('id', 'in', ids).execute()
    for (const f of filas as Record<string, unknown>[])
      out.push({
        id: String(f.id),
        sesionId: String(f.sesion_id),
        titulo: nombrar(tipo, f),
        seccion
      })
  }
  for (const id of idsDe(rows, 'sesion'))
    out.push({ id, sesionId: id, titulo: 'Observaciones al aprobar el acta', seccion: null })
  return out
}

function nombrar(tipo: keyof typeof DE_ACTA, f: Record<string, unknown>): string {
  switch (tipo) {
    case 'punto':
      return String(f.titulo)
    case 'acuerdo':
      return `Acuerdo N° ${String(f.numero)}`
    case 'seguimiento':
      return 'Seguimiento de un acuerdo'
    case 'avance':
      return `Avance de la acción ${String(f.accion_codigo)}`
    case 'medicion':
      return `Medición de la acción ${String(f.accion_codigo)}`
    case 'errata':
      return 'Fe de erratas'
  }
}

async function actas(db: Kysely<Database>, rows: readonly Coincidencia[], out: Ubicaciones) {
  const filas = await filasDeActa(db, rows)
  if (!filas.length) return
  const sesiones = await db
    .selectFrom('sesiones as s')
    .innerJoin('instancias as i', 'i.id', 's.instancia_id')
    .select(['s.id', 's.tipo', 's.numero', 's.anio', 's.fecha', 'i.nombre as instancia'])
    .where('s.id', 'in', [...new Set(filas.map((f) => f.sesionId))])
    .execute()
  const porId = new Map(sesiones.map((s) => [s.id, s]))
  for (const f of filas) {
    const s = porId.get(f.sesionId)
    if (!s) continue
    out.set(f.id, {
      titulo: f.titulo,
      lugar: `${tituloSesion(s)} · ${s.instancia} · ${formatFecha(s.fecha)}`,
      destino: { pantalla: 'sesion', sesionId: s.id, seccion: f.seccion }
    })
  }
}

/** What to call each matched row, where it is, and where it opens. */
export async function ubicar(
  db: Kysely<Database>,
  rows: readonly Coincidencia[]
): Promise<Ubicaciones> {
  const out: Ubicaciones = new Map()
  await plan(db, rows, out)
  await gente(db, rows, out)
  await actas(db, rows, out)
  return out
}
