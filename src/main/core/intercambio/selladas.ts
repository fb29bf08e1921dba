import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { FILA_0014 } from '../db/migrations/0014_sellos'
import { filasLocales } from './campos'
import { BORRADO, conoce, type Fila, type Vector } from './fusion'
import { leer } from './hlc'
import type { CampoPaquete } from './paquete'
import type { DecisionDeFila } from './decidir'

// An acta approved on one side is immutable on both (#16, review): the other side may have
// edited its rows unseen of the approval. A package that carries an approval carries the acta's
// rows whole, and the side that receives it sets them as sealed: its own unseen edits are undone
// (a change of its own, kept in its history) and listed; the approving side lists the edits it
// receives for an acta it approved, and keeps its sealed rows.

/** The rows an acta's sealed copy is made of, besides the session (actas/contenido.ts). */
export const TABLAS_ACTA = [
  'asistencias',
  'puntos_tabla',
  'avances',
  'mediciones',
  'acuerdos',
  'seguimientos'
]

/** An edit to an approved acta that the exchange refused. */
export interface Rechazada {
  /** 'aqui': made here, undone by their approval; 'alla': theirs, refused by ours. */
  lado: 'aqui' | 'alla'
  sesionId: string
  tabla: string
  filaId: string
  /** The field, or '*' for a whole row added, BORRADO for a row deleted. */
  campo: string
  /** The refused value (a row added: its fields). */
  valor: unknown
  instalacion: string
  en: string
  /** A row the acta cites (a followed-up acuerdo), not one of its own: kept, or back (citadas.ts). */
  citada?: boolean
}

const aprobada = (f: Fila | undefined) => f?.['estado']?.valor === '"aprobada"'
const json = (v: string): unknown => JSON.parse(v) as unknown

/** The rows of the actas whose approval `campos` carries, whole (export side). */
export async function actasEnteras(
  db: Kysely<Database>,
  campos: readonly CampoPaquete[]
): Promise<CampoPaquete[]> {
  const ids = new Set(
    campos
      .filter((c) => c.tabla === 'sesiones' && c.campo === 'estado' && c.valor === '"aprobada"')
      .map((c) => c.filaId)
  )
  if (!ids.size) return []
  const ya = new Set(campos.map((c) => `${c.tabla}:${c.filaId}:${c.campo}`))
  const r: CampoPaquete[] = []
  for (const tabla of ['sesiones', ...TABLAS_ACTA]) {
    const filas = await filasLocales(db, tabla)
    for (const [filaId, f] of filas) {
      const s = tabla === 'sesiones' ? filaId : f['sesion_id'] && json(f['sesion_id'].valor)
      if (typeof s !== 'string' || !ids.has(s) || f[BORRADO]?.valor === 'true') continue
      for (const [campo, v] of Object.entries(f))
        if (!ya.has(`${tabla}:${filaId}:${campo}`)) r.push({ tabla, filaId, campo, ...v })
    }
  }
  return r
}

/** The sessions a package approves (their estado as it comes). */
export function aprobadasAlla(sesiones: ReadonlyMap<string, Fila> | undefined): Set<string> {
  return new Set([...(sesiones ?? [])].filter(([, f]) => aprobada(f)).map(([id]) => id))
}

export function rechazo(
  lado: Rechazada['lado'],
  sesionId: string,
  tabla: string,
  filaId: string,
  campo: string,
  v: { valor: unknown; sello: string }
): Rechazada {
  const s = leer(v.sello)
  const en = new Date(s.ms).toISOString()
  return { lado, sesionId, tabla, filaId, campo, valor: v.valor, instalacion: s.instalacion, en }
}

const valores = (f: Fila) =>
  Object.fromEntries(
    Object.entries(f)
      .filter(([c]) => /^[a-z_]+$/.test(c) && c !== BORRADO)
      .map(([c, v]) => [c, json(v.valor)])
  )

const ultimo = (f: Fila) => Object.values(f).reduce((m, v) => (v.sello > m ? v.sello : m), '')

/** Their edits to an acta approved here, new to us: refused, listed (approving side). */
export function rechazadasAlla(
  sesionId: string,
  tabla: string,
  filaId: string,
  local: Fila | undefined,
  remota: Fila,
  mio: Vector
): Rechazada[] {
  const viva = local && local[BORRADO]?.valor !== 'true'
  const nuevo = Object.values(remota).some((v) => !conoce(mio, v.sello))
  if (!nuevo) return []
  if (remota[BORRADO]?.valor === 'true') {
    const b = remota[BORRADO]
    return viva && !conoce(mio, b.sello)
      ? [rechazo('alla', sesionId, tabla, filaId, BORRADO, { valor: true, sello: b.sello })]
      : []
  }
  if (!viva) {
    const v = { valor: valores(remota), sello: ultimo(remota) }
    return [rechazo('alla', sesionId, tabla, filaId, FILA_0014, v)]
  }
  return Object.entries(remota)
    .filter(
      ([c, v]) =>
        c !== FILA_0014 &&
        !conoce(mio, v.sello) &&
        (local[c]?.valor ?? (c === BORRADO ? 'false' : undefined)) !== v.valor
    )
    .map(([c, v]) => rechazo('alla', sesionId, tabla, filaId, c, { ...v, valor: json(v.valor) }))
}

/**
 * A row of an acta their package approves: set as they sealed it. Every field that differs is
 * taken, as a change of ours (`propios`); ours they had not seen is listed as undone.
 */
export function decidirSellada(
  sesionId: string,
  tabla: string,
  filaId: string,
  local: Fila | undefined,
  remota: Fila,
  suyo: Vector
): { fila: DecisionDeFila | null; rechazadas: Rechazada[] } {
  const rechazadas: Rechazada[] = []
  const borrada = local?.[BORRADO]?.valor === 'true'
  const tomar = Object.keys(remota).filter(
    (c) => c !== FILA_0014 && (borrada || !local || local[c]?.valor !== remota[c]!.valor)
  )
  const propios: string[] = []
  for (const c of tomar) {
    const mia = local?.[c]
    if (!mia || conoce(suyo, mia.sello)) continue
    propios.push(c)
    const r = { valor: c === BORRADO ? true : json(mia.valor), sello: mia.sello }
    rechazadas.push(rechazo('aqui', sesionId, tabla, filaId, c, r))
  }
  const b = local?.[BORRADO]
  if (borrada && b && !tomar.includes(BORRADO)) {
    tomar.push(BORRADO)
    propios.push(BORRADO)
    const r = { valor: true, sello: b.sello }
    if (!conoce(suyo, b.sello))
      rechazadas.push(rechazo('aqui', sesionId, tabla, filaId, BORRADO, r))
  }
  if (!tomar.length) return { fila: null, rechazadas }
  // A row back here says so as a field, as one brought back there would (its stamp is ours).
  const vuelve: Fila = borrada ? { [BORRADO]: { valor: 'false', sello: '' } } : {}
  return {
    fila: {
      tabla,
      filaId,
      local,
      remota: { ...remota, ...vuelve },
      tomar,
      conflictos: [],
      propios
    },
    rechazadas
  }
}

/** Rows here of the actas they approve that their package does not have: added here, undone. */
export async function sobrantes(
  db: Kysely<Database>,
  sesiones: ReadonlySet<string>,
  vistas: ReadonlySet<string>
): Promise<{ filas: DecisionDeFila[]; rechazadas: Rechazada[] }> {
  const filas: DecisionDeFila[] = []
  const rechazadas: Rechazada[] = []
  if (!sesiones.size) return { filas, rechazadas }
  for (const tabla of TABLAS_ACTA) {
    const { rows } = await sql<{ id: string; sesion_id: string }>`
      select id, sesion_id from ${sql.table(tabla)}
      where sesion_id in (select value from json_each(${JSON.stringify([...sesiones])}))`.execute(
      db
    )
    const nuevas = rows.filter((f) => !vistas.has(`${tabla}:${f.id}`))
    if (!nuevas.length) continue
    const locales = await filasLocales(
      db,
      tabla,
      nuevas.map((f) => f.id)
    )
    for (const { id, sesion_id } of nuevas) {
      const local = locales.get(id) ?? {}
      const remota: Fila = { [BORRADO]: { valor: 'true', sello: '' } }
      filas.push({
        tabla,
        filaId: id,
        local,
        remota,
        tomar: [BORRADO],
        conflictos: [],
        propios: [BORRADO]
      })
      const v = { valor: valores(local), sello: ultimo(local) }
      rechazadas.push(rechazo('aqui', sesion_id, tabla, id, FILA_0014, v))
    }
  }
  return { filas, rechazadas }
}
