import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../db/schema'
import { clavesForaneas, violacionesForaneas, type Colgante } from '../db/catalogo'
import { nowStamp } from '../db/ids'
import { AppError } from '../errors'
import { SINCRONIZADAS_0014 } from '../db/migrations/0014_sellos'
import { leerSellado } from '../actas'
import { aplicar, sellarAqui, type Eleccion } from './aplicar'
import { guardarAjenas } from './ajenas'
import { avanzarConocido } from './conocido'
import { guardarSocio } from './restaurada'
import { guardarMarcas, type Marca } from './comunes'
import type { Decisiones } from './decidir'
import type { Vector } from './fusion'
import type { NumeroCambiado } from './numeros'
import { moverAcuerdos, sellarAcuerdos, type AcuerdoRenumerado } from './numeros-acuerdos'

// Writing an import (#16), in one transaction. It is tried first in a transaction rolled back,
// before the backup: a row that would break a unique key (two acuerdos N° 3 of one session, two
// acciones 1.1.a of one plan, taken on each side unseen) refuses the package in Spanish, with
// what to do, instead of SQLite's English after a backup, and the same again on every try.

export interface Escritura {
  de: { id: string; nombre: string }
  nuevos: { tabla: string; remoto: string; local: string }[]
  /** The sender's mark of common origin on the rows it sent (comunes.ts). */
  marcas: Marca[]
  /** Sessions here whose number changes: out of the way first (numeros.ts). */
  mover: string[]
  numeros: NumeroCambiado[]
  /** Acuerdos renumbered, and those here whose number changes (numeros-acuerdos.ts). */
  acuerdos: { cambios: AcuerdoRenumerado[]; mover: string[] }
  decisiones: Decisiones
  elecciones: Readonly<Record<string, Eleccion>>
  /** What the package's stamps back (conocido.ts), and the partner's vector to keep. */
  conocido: Vector
  vector: Vector
  /** The sender's ids from before a backup was restored there (restaurada.ts). */
  anteriores?: readonly string[]
}

export async function escribir(trx: Transaction<Database>, e: Escritura): Promise<void> {
  if (e.nuevos.length) await trx.insertInto('alias').values(e.nuevos).execute()
  // Numbers that change step aside first (negative, as they were unique), then ours take
  // their new one, so the partner's session finds its number free; each a change of this side.
  if (e.mover.length) {
    await trx
      .updateTable('sesiones')
      .set({ numero: sql<number>`-numero` })
      .where('id', 'in', e.mover)
      .execute()
  }
  for (const c of e.numeros.filter((x) => x.lado === 'aqui')) {
    await trx
      .updateTable('sesiones')
      .set({ numero: c.despues, updated_at: nowStamp() })
      .where('id', '=', c.sesionId)
      .execute()
  }
  await moverAcuerdos(trx, e.acuerdos.mover, e.acuerdos.cambios)
  await aplicar(trx, e.decisiones.filas, e.elecciones)
  await guardarMarcas(trx, e.marcas)
  for (const c of e.numeros) await sellarAqui(trx, 'sesiones', c.sesionId, 'numero')
  await sellarAcuerdos(trx, e.acuerdos.cambios)
  await guardarAjenas(trx, e.de, e.decisiones.actasDistintas)
  await avanzarConocido(trx, e.conocido)
  await guardarSocio(trx, e.de, e.vector, e.anteriores)
}

class Ensayo extends Error {}

const UNICA = /UNIQUE constraint failed: (\w+)\.(\w+)((?:, \w+\.\w+)*)/

/**
 * Rows pointing at a row that does not exist (SQLite's own check), in the tables the package
 * writes and those whose rows point at them: not the whole file (millions of rows at ×10).
 */
async function colgantes(trx: Transaction<Database>, tocadas: ReadonlySet<string>) {
  const r: Colgante[] = []
  for (const tabla of SINCRONIZADAS_0014) {
    const padres = await clavesForaneas(trx, tabla)
    if (!tocadas.has(tabla) && !padres.some((p) => tocadas.has(p.table))) continue
    r.push(...(await violacionesForaneas(trx, tabla)))
  }
  return r
}

/**
 * Every acta the package leaves approved here reads as sealed: its copy matches its hash. A
 * crafted package could bring one that does not, locked by the seal's triggers, beyond repair.
 */
async function actasSelladas(trx: Transaction<Database>, e: Escritura, nombre: string) {
  const ids = [
    ...new Set(e.decisiones.filas.filter((f) => f.tabla === 'sesiones').map((f) => f.filaId))
  ]
  for (const id of ids) {
    const s = await trx
      .selectFrom('sesiones')
      .select(['estado', 'hash', 'contenido_aprobado', 'numero', 'fecha'])
      .where('id', '=', id)
      .executeTakeFirst()
    if (s?.estado !== 'aprobada') continue
    try {
      leerSellado(s)
    } catch {
      throw new AppError(
        'entrada_invalida',
        `El paquete «${nombre}» trae el acta aprobada de la sesión N° ${s.numero} del ${s.fecha} con un contenido que no corresponde a su huella (fue alterada). No se importó nada.`
      )
    }
  }
}

/** Why the database or a trigger refused the write, in words; null for a unique key (below). */
function motivo(mensaje: string): string | null {
  if (mensaje === 'acta_aprobada') return 'cambiaría un acta aprobada de esta instalación'
  if (mensaje === 'plan_cerrado') return 'cambiaría un período del plan ya cerrado aquí'
  // SQLite's words, then PostgreSQL's.
  const check =
    /CHECK constraint failed: (.+)/.exec(mensaje) ??
    /violates check constraint "(.+)"/.exec(mensaje)
  if (check) return `trae un valor no permitido (${check[1]!.slice(0, 120)})`
  return null
}

/**
 * The table and columns of the unique key a write broke: from SQLite's message, or from
 * PostgreSQL's error (SQLSTATE 23505, its table and the detail «Key (a, b)=(…) already exists»).
 */
function unica(err: unknown, mensaje: string): { tabla: string; columnas: string[] } | null {
  const m = UNICA.exec(mensaje)
  if (m) {
    const otras = m[3]!
      .split(', ')
      .filter(Boolean)
      .map((c) => c.split('.')[1]!)
    return { tabla: m[1]!, columnas: [m[2]!, ...otras] }
  }
  const pg = err as { code?: unknown; table?: unknown; detail?: unknown }
  if (pg?.code !== '23505' || typeof pg.table !== 'string') return null
  const k = /^Key \(([^)]+)\)=/.exec(typeof pg.detail === 'string' ? pg.detail : '')
  return { tabla: pg.table, columnas: k ? k[1]!.split(', ') : [] }
}

/**
 * The write, tried in a transaction rolled back, before any backup: a unique key it would break,
 * a row left pointing at one that no longer exists (foreign keys are deferred while importing, so
 * SQLite would only say so at the real commit, after the backup), or a trigger's refusal, all in
 * Spanish.
 */
export async function ensayar(db: Kysely<Database>, e: Escritura, nombre: string): Promise<void> {
  try {
    await db.transaction().execute(async (trx) => {
      // Only what the package leaves dangling: a file that already had some is not refused.
      const tocadas = new Set(e.decisiones.filas.map((f) => f.tabla))
      const antes = new Set((await colgantes(trx, tocadas)).map((r) => JSON.stringify(r)))
      await escribir(trx, e)
      await actasSelladas(trx, e, nombre)
      const rows = (await colgantes(trx, tocadas)).filter((r) => !antes.has(JSON.stringify(r)))
      if (rows[0])
        throw new AppError(
          'entrada_invalida',
          `El paquete «${nombre}» dejaría filas de «${rows[0].table}» apuntando a una fila de «${rows[0].parent}» que ya no existiría (por ejemplo, el seguimiento de un acuerdo que un equipo borró mientras el otro lo seguía en un acta). Revise con el otro equipo qué se borró, deshágalo en el que corresponda y vuelva a intercambiar. No se importó nada.`
        )
      throw new Ensayo()
    })
  } catch (err) {
    if (err instanceof Ensayo) return
    if (err instanceof AppError) throw err
    const texto = err instanceof Error ? err.message : String(err)
    const porque = motivo(texto)
    if (porque)
      throw new AppError(
        'entrada_invalida',
        `El paquete «${nombre}» ${porque}. No se importó nada.`
      )
    const u = unica(err, texto)
    if (!u) throw err
    throw new AppError(
      'entrada_invalida',
      `El paquete «${nombre}» dejaría dos filas de «${u.tabla}» con ${u.columnas.join(', ')} iguales: las dos instalaciones agregaron o cambiaron filas hasta dejarlas así sin verse (por ejemplo, dos acuerdos con el mismo número en una sesión, o dos acciones con el mismo código en un plan). Cambie el número o el código de la fila de esta instalación (o bórrela si sobra) y vuelva a importar el paquete. No se importó nada.`
    )
  }
}
