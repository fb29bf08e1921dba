import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../db/schema'
import { FILA_0014 } from '../db/migrations/0014_sellos'
import { nowStamp } from '../db/ids'
import { BORRADO, type Fila } from './fusion'
import type { Decisiones } from './decidir'
import { aTomar, borradaAqui, sellarAqui, type Eleccion } from './aplicar'

// Two laptops that each added acuerdo N° 3 to one session without seeing the other's (#16): both
// are kept, as with two sessions under one number (numeros.ts). The number stays with the acuerdo
// of an approved acta, else with the one created first (its '*' stamp, then its id): the same
// rule on both sides. The other takes the next number of its session, a change of this side.

export interface AcuerdoRenumerado {
  acuerdoId: string
  sesionId: string
  antes: number
  despues: number
  /** 'aqui': an acuerdo already in this database; 'alla': one arriving in the package. */
  lado: 'aqui' | 'alla'
}

interface Acuerdo {
  id: string
  sesion_id: string
  numero: number
  creada: string
  aqui: boolean
}

async function actuales(db: Kysely<Database>): Promise<Acuerdo[]> {
  const { rows } = await sql<Omit<Acuerdo, 'aqui'>>`
    select a.id, a.sesion_id, a.numero, coalesce(l.sello, '') as creada from acuerdos a
    left join sellos l on l.tabla = 'acuerdos' and l.fila_id = a.id and l.campo = ${FILA_0014}`.execute(
    db
  )
  return rows.map((r) => ({ ...r, aqui: true }))
}

const valor = (f: Fila, c: string): unknown => JSON.parse(f[c]!.valor) as unknown

/** Each acuerdo as it will be once the package is written (one it deletes left out). */
function finales(
  aqui: readonly Acuerdo[],
  d: Decisiones,
  elecciones: Readonly<Record<string, Eleccion>>
) {
  const r = new Map(aqui.map((a) => [a.id, a]))
  for (const f of d.filas) {
    if (f.tabla !== 'acuerdos' || borradaAqui(f, elecciones)) continue
    const campos = aTomar(f, elecciones)
    if (campos.includes(BORRADO) && f.remota[BORRADO]!.valor === 'true') {
      r.delete(f.filaId)
      continue
    }
    const base = r.get(f.filaId)
    const tiene = (c: string) => campos.includes(c) && f.remota[c] !== undefined
    if (!base && !(tiene('sesion_id') && tiene('numero'))) continue
    r.set(f.filaId, {
      id: f.filaId,
      sesion_id: tiene('sesion_id') ? (valor(f.remota, 'sesion_id') as string) : base!.sesion_id,
      numero: tiene('numero') ? (valor(f.remota, 'numero') as number) : base!.numero,
      creada: base?.creada ?? f.remota[FILA_0014]?.sello ?? '',
      aqui: base?.aqui ?? false
    })
  }
  return r
}

/** The acuerdos that would share a number, each renumbered but the one that keeps it. */
export async function resolverAcuerdos(
  db: Kysely<Database>,
  d: Decisiones,
  elecciones: Readonly<Record<string, Eleccion>>
): Promise<{ cambios: AcuerdoRenumerado[]; mover: string[] }> {
  const aqui = await actuales(db)
  const despues = finales(aqui, d, elecciones)
  const aprobadas = new Set(
    (await db.selectFrom('sesiones').select('id').where('estado', '=', 'aprobada').execute()).map(
      (s) => s.id
    )
  )
  const mayor = new Map<string, number>()
  for (const a of [...aqui, ...despues.values()])
    mayor.set(a.sesion_id, Math.max(mayor.get(a.sesion_id) ?? 0, a.numero))
  const porNumero = new Map<string, Acuerdo[]>()
  for (const a of despues.values()) {
    const k = `${a.sesion_id}:${a.numero}`
    porNumero.set(k, [...(porNumero.get(k) ?? []), a])
  }
  const cambios: AcuerdoRenumerado[] = []
  for (const mismos of porNumero.values()) {
    // An approved acta's acuerdo (here) keeps its number, then the first created.
    const fija = (a: Acuerdo) => Number(a.aqui && aprobadas.has(a.sesion_id))
    const [, ...otros] = mismos.sort(
      (a, b) => fija(b) - fija(a) || a.creada.localeCompare(b.creada) || a.id.localeCompare(b.id)
    )
    for (const a of otros) {
      const n = mayor.get(a.sesion_id)! + 1
      mayor.set(a.sesion_id, n)
      const lado = a.aqui ? 'aqui' : 'alla'
      cambios.push({ acuerdoId: a.id, sesionId: a.sesion_id, antes: a.numero, despues: n, lado })
    }
  }
  const nuevo = new Map(cambios.map((c) => [c.acuerdoId, c.despues]))
  const mover = aqui
    .filter((a) => {
      const final = despues.get(a.id)
      return !final || (nuevo.get(a.id) ?? final.numero) !== a.numero
    })
    .map((a) => a.id)
  return { cambios, mover }
}

/** The decisions with each renumbered acuerdo's number as it will be written. */
export function conAcuerdos(d: Decisiones, cambios: readonly AcuerdoRenumerado[]): Decisiones {
  const nuevo = new Map(cambios.map((c) => [c.acuerdoId, c.despues]))
  const filas = d.filas.map((f) => {
    const n = f.tabla === 'acuerdos' ? nuevo.get(f.filaId) : undefined
    if (n === undefined || !f.remota['numero']) return f
    return { ...f, remota: { ...f.remota, numero: { ...f.remota['numero'], valor: String(n) } } }
  })
  return { ...d, filas }
}

/**
 * Before the rows are written: acuerdos here whose number changes step aside (negative, as they
 * were unique), and ours that lost their number take the new one.
 */
export async function moverAcuerdos(
  trx: Transaction<Database>,
  mover: readonly string[],
  cambios: readonly AcuerdoRenumerado[]
): Promise<void> {
  if (mover.length) {
    await trx
      .updateTable('acuerdos')
      .set({ numero: sql<number>`-numero` })
      .where('id', 'in', [...mover])
      .execute()
  }
  for (const c of cambios.filter((x) => x.lado === 'aqui')) {
    await trx
      .updateTable('acuerdos')
      .set({ numero: c.despues, updated_at: nowStamp() })
      .where('id', '=', c.acuerdoId)
      .execute()
  }
}

/** After: each renumbered acuerdo's number is a change of this side, with a new stamp. */
export async function sellarAcuerdos(
  trx: Transaction<Database>,
  cambios: readonly AcuerdoRenumerado[]
): Promise<void> {
  for (const c of cambios) await sellarAqui(trx, 'acuerdos', c.acuerdoId, 'numero')
}
