import type { ApiHandlers } from '../../src/shared/api/contract'
import type { Tarea } from '../../src/shared/domain/tareas'
import { sembrarDemo } from '../../src/main/core/seed/demo'
import { openTestApp, type TestApp } from './db'

/** Waits for a background task (export, import) without leaving it running under the next call. */
export async function esperarTarea(api: ApiHandlers, id: string): Promise<Tarea> {
  for (;;) {
    const tarea = await api['tarea:estado']({ id })
    if (tarea.estado !== 'en_curso') return tarea
    await new Promise((r) => setTimeout(r, 5))
  }
}

export interface Mundo {
  t: TestApp
  /** A real matrix workbook of the plan, as base64: imports must be able to succeed. */
  libro: string
}

/**
 * A database a secretary has used for a year: the demo sessions of 2014 (attendance, agenda,
 * progress, indicator values, acuerdos, follow-up, approved actas), a fe de erratas on an
 * approved acta, and two fresh drafts per instancia to write into.
 */
export async function abrirMundo(): Promise<Mundo> {
  // A stand-in for Chromium's printToPDF: the acta's HTML is built and handed over.
  const t = await openTestApp({ printPdf: async (html) => Buffer.from(`%PDF-1.4 ${html.length}`) })
  const api = t.api
  await sembrarDemo(api)
  const sesiones = await api['sesion:listar']({})
  const aprobada = sesiones.find((s) => s.estado === 'aprobada')
  if (!aprobada) throw new Error('the demo has no approved acta')
  await api['errata:crear']({
    sesionId: aprobada.id,
    texto: 'Donde dice "Cuenta" debe decir "Cuenta pública".'
  })
  // Drafts with rows of their own, so writes to an acta can succeed as often as they are refused.
  const [institucion] = await api['institucion:listar'](undefined)
  for (const i of await api['instancia:listar'](undefined)) {
    for (const fecha of ['2014-12-10', '2014-12-17']) {
      const s = await api['sesion:crear']({
        instanciaId: i.id,
        tipo: 'extraordinaria',
        fecha,
        modalidad: 'remota'
      })
      await api['asistencia:invitar']({
        sesionId: s.id,
        nombre: 'Representante OIM',
        cargo: '',
        institucion: 'OIM'
      })
      for (const texto of ['Enviar el calendario.', 'Revisar la matriz.']) {
        await api['acuerdo:crear']({
          sesionId: s.id,
          texto,
          institucionId: institucion?.id ?? null,
          personaId: null,
          plazo: '2015-01-31',
          accionId: null
        })
      }
    }
  }
  const { tareaId } = await api['matriz:exportar']({ seguimiento: false, papel: 'carta' })
  const tarea = await esperarTarea(api, tareaId)
  const libro = tarea.resultado && 'base64' in tarea.resultado ? tarea.resultado.base64 : null
  if (!libro) throw new Error(`export failed: ${JSON.stringify(tarea.error)}`)
  return { t, libro }
}

type Handle = TestApp['app']['handle']

interface Tabla {
  cols: string[]
  /** Columns that only link to another row and are cut (set null) when that row is deleted. */
  enlaces: Set<string>
  rows: unknown[][]
  /** The rows as JSON, to compare whole tables cheaply. */
  json: string
}

/**
 * Every row of every table, read straight from better-sqlite3 in rowid order (stable under a
 * replayed seed): the same proof as dbSnapshot that a call wrote nothing, fast enough to take
 * after every generated call, and the source of the id pool and of the approved actas' rows.
 */
export type Foto = Map<string, Tabla>

/** Rowid order; a table without rowid (the exchange's stamps, #16) by its primary key. */
function orden(h: Handle, tabla: string): string {
  const sql = h
    .prepare(`select sql from sqlite_master where type = 'table' and name = ?`)
    .pluck()
    .get(tabla) as string
  if (!/without\s+rowid/i.test(sql)) return 'rowid'
  const clave = h
    .prepare(`select name from pragma_table_info(?) where pk > 0 order by pk`)
    .pluck()
    .all(tabla) as string[]
  return clave.map((c) => `"${c}"`).join(', ')
}

export function leerFoto(h: Handle): Foto {
  // The full-text index's own storage (FTS5 shadow tables, some without rowid) is left out: the
  // index itself is read through its virtual table.
  const nombres = h
    .prepare(
      `select name from sqlite_master t where type = 'table' and name not like 'sqlite_%'
       and not exists (select 1 from sqlite_master v where v.sql like 'create virtual table%'
         and t.name in (v.name || '_data', v.name || '_idx', v.name || '_content',
                        v.name || '_docsize', v.name || '_config'))
       order by name`
    )
    .pluck()
    .all() as string[]
  const foto: Foto = new Map()
  for (const t of nombres) {
    const stmt = h.prepare(`select * from "${t}" order by ${orden(h, t)}`).raw(true)
    const rows = stmt.all() as unknown[][]
    const enlaces = h
      .prepare(`select "from" from pragma_foreign_key_list(?) where on_delete = 'SET NULL'`)
      .pluck()
      .all(t) as string[]
    foto.set(t, {
      cols: stmt.columns().map((c) => c.name),
      enlaces: new Set(enlaces),
      rows,
      json: JSON.stringify(rows)
    })
  }
  return foto
}

/** The tables whose rows differ between two photos ([] when the database is unchanged). */
export function tablasCambiadas(a: Foto, b: Foto): string[] {
  const nombres = new Set([...a.keys(), ...b.keys()])
  return [...nombres].filter((t) => a.get(t)?.json !== b.get(t)?.json)
}

/** Ids by table (tables with an id column), in creation order. */
export function idsPorTabla(foto: Foto): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const [t, { cols, rows }] of foto) {
    const i = cols.indexOf('id')
    if (i >= 0)
      out.set(
        t,
        rows.map((r) => String(r[i]))
      )
  }
  return out
}

export function sesionesAprobadas(foto: Foto): string[] {
  const s = foto.get('sesiones')
  if (!s) return []
  const [id, estado] = [s.cols.indexOf('id'), s.cols.indexOf('estado')]
  return s.rows.filter((r) => r[estado] === 'aprobada').map((r) => String(r[id]))
}

/**
 * Tables an approved acta may still grow in (never change): corrections are added, not edited;
 * the history (migration 0011, append-only by its own triggers) records a cut link as it does
 * any other change.
 */
const SOLO_AGREGAR = new Set(['fe_erratas', 'historial'])

/** The rows of one table that belong to the given actas, by id; null if the table has none. */
function filasDeActas(
  t: string,
  tabla: Tabla | undefined,
  ids: Set<string>
): Map<string, unknown[]> | null {
  if (!tabla) return new Map()
  const col = tabla.cols.indexOf(t === 'sesiones' ? 'id' : 'sesion_id')
  const id = tabla.cols.indexOf('id')
  if (col < 0 || id < 0) return null
  return new Map(tabla.rows.filter((r) => ids.has(String(r[col]))).map((r) => [String(r[id]), r]))
}

/** Same row, but a link to a deleted row may have been cut: that is the one change allowed. */
function mismaFila(tabla: Tabla, a: unknown[], d: unknown[]): boolean {
  return tabla.cols.every((c, i) => a[i] === d[i] || (tabla.enlaces.has(c) && d[i] === null))
}

/**
 * What a call changed in the given (approved) actas: their sesiones rows and every row carrying
 * their sesion_id, found from the columns so a new acta table is covered without editing this.
 * Only tables that changed at all are compared row by row.
 */
export function cambiosEnActas(antes: Foto, despues: Foto, actas: string[]): string[] {
  const ids = new Set(actas)
  const cambios: string[] = []
  for (const t of tablasCambiadas(antes, despues)) {
    const tabla = despues.get(t) ?? antes.get(t)!
    const a = filasDeActas(t, antes.get(t), ids)
    const d = filasDeActas(t, despues.get(t), ids)
    if (a === null || d === null) continue
    const cambiadas = [...a].filter(
      ([id, fila]) => !d.has(id) || !mismaFila(tabla, fila, d.get(id)!)
    )
    const nuevas = [...d.keys()].filter((id) => !a.has(id))
    const ej = (f: unknown[] | undefined): string =>
      f ? JSON.stringify(f).slice(0, 200) : 'deleted'
    if (cambiadas.length > 0)
      cambios.push(
        `${t}: ${cambiadas.length} rows changed or removed, e.g. ${ej(cambiadas[0]![1])} → ${ej(d.get(cambiadas[0]![0]))}`
      )
    if (nuevas.length > 0 && !SOLO_AGREGAR.has(t))
      cambios.push(`${t}: ${nuevas.length} rows added, e.g. ${ej(d.get(nuevas[0]!))}`)
  }
  return cambios
}
