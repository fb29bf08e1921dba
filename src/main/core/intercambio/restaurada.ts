import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/schema'
import { newId, nowStamp } from '../db/ids'
import BetterSqlite3 from 'better-sqlite3'
import { bindingNativo } from '../db/sqlite'
import { ANTERIORES_0019 } from '../db/migrations/0019_anteriores'
import { unir, type Vector } from './fusion'

// A restored backup (#16, migration 0019). The file's clock goes on past changes it no longer
// has, and under the same id its vector claimed them: a partner that had them from a third one
// never sent them back. So the restore gives the file a new id for its future stamps, and its
// old id becomes one more installation in its vector, known only up to what the backup holds.
// Packages addressed to the old id are still read; partners learn the new id from the package's
// `anteriores` and move their partner row (name, last package) to it.

type Db = Kysely<Database> | Transaction<Database>

const hayTabla = (h: BetterSqlite3.Database, nombre: string): boolean =>
  h.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(nombre) !==
  undefined

/**
 * Gives a restored database file (not open elsewhere) a new installation id. Its old id is kept
 * as one it had before, and what it knows of it is its largest stamp in the file. A file older
 * than the exchange (no `instalacion`) is left as it is: its migration will give it an id.
 */
export function nuevaEpoca(archivo: string): void {
  const nativeBinding = bindingNativo()
  // As it is: no journal mode set, nothing written to a file that is not an app database.
  const h = new BetterSqlite3(archivo, {
    fileMustExist: true,
    ...(nativeBinding ? { nativeBinding } : {})
  })
  try {
    if (!hayTabla(h, 'instalacion')) return
    h.transaction(() => {
      const fila = h.prepare('select id from instalacion').get() as { id: string } | undefined
      if (!fila) return
      const antes = fila.id
      const nueva = newId()
      h.exec(ANTERIORES_0019)
      const { s } = h
        .prepare('select max(sello) as s from sellos where sello like ?')
        .get(`%-${antes}`) as { s: string | null }
      const columnas = h.prepare("select name from pragma_table_info('instalacion')").pluck().all()
      // Before migration 0017 there is no `conocido`: that migration builds it on opening.
      if (s && columnas.includes('conocido')) {
        const { conocido } = h.prepare('select conocido from instalacion').get() as {
          conocido: string
        }
        const v = unir(JSON.parse(conocido) as Vector, { [antes]: s })
        h.prepare('update instalacion set conocido = ?').run(JSON.stringify(v))
      }
      h.prepare('update instalaciones_anteriores set actual = ? where actual = ?').run(nueva, antes)
      h.prepare('insert into instalaciones_anteriores (id, actual) values (?, ?)').run(antes, nueva)
      h.prepare('update instalacion set id = ?').run(nueva)
    })()
  } finally {
    h.close()
  }
}

/** The ids this installation had before a backup was restored on it. */
export async function anterioresPropios(db: Db): Promise<string[]> {
  const filas = await db
    .selectFrom('instalaciones_anteriores')
    .select('id')
    .where('actual', '=', (q) => q.selectFrom('instalacion').select('id'))
    .execute()
  return filas.map((f) => f.id)
}

/**
 * Keeps what the sender's package said: its vector as that partner's, under its current id. Its
 * ids from before a restore there are recorded and their partner row moves to the current id
 * (the claims made under them no longer hold). A package from an id replaced since (written
 * before the restore, come late) brings its changes but says nothing about the partner.
 */
export async function guardarSocio(
  db: Db,
  de: { id: string; nombre: string },
  vector: Vector,
  anteriores: readonly string[] = []
): Promise<void> {
  const reemplazada = await db
    .selectFrom('instalaciones_anteriores')
    .select('actual')
    .where('id', '=', de.id)
    .executeTakeFirst()
  if (reemplazada) return
  const yo = (await db.selectFrom('instalacion').select('id').executeTakeFirstOrThrow()).id
  // An id that replaced one of them before (the same laptop restored twice from an old backup)
  // is gone too: the new one never knew it.
  const antes = anteriores.length
    ? await db
        .selectFrom('instalaciones_anteriores')
        .select('actual')
        .where('id', 'in', anteriores)
        .execute()
    : []
  // Never one of ours (a crafted package claiming our former id took it over, and packages for
  // it were then refused as meant for another installation).
  const propias = new Set([yo, ...(await anterioresPropios(db))])
  const viejas = [...new Set([...anteriores, ...antes.map((a) => a.actual)])].filter(
    (a) => !propias.has(a) && a !== de.id
  )
  let ultimoEnvio: string | null = null
  for (const a of viejas) {
    await db
      .updateTable('instalaciones_anteriores')
      .set({ actual: de.id })
      .where('actual', '=', a)
      .execute()
    await db
      .insertInto('instalaciones_anteriores')
      .values({ id: a, actual: de.id })
      .onConflict((oc) => oc.column('id').doUpdateSet({ actual: de.id }))
      .execute()
    const previo = await db
      .deleteFrom('socios')
      .where('instalacion_id', '=', a)
      .returning('ultimo_envio')
      .executeTakeFirst()
    const e = previo?.ultimo_envio ?? null
    if (e !== null && (ultimoEnvio === null || e > ultimoEnvio)) ultimoEnvio = e
  }
  const v = JSON.stringify(vector)
  const { nombre } = de
  await db
    .insertInto('socios')
    .values({
      instalacion_id: de.id,
      nombre,
      vector: v,
      ultimo_envio: ultimoEnvio,
      ultimo_recibo: nowStamp()
    })
    .onConflict((oc) =>
      oc.column('instalacion_id').doUpdateSet({ nombre, vector: v, ultimo_recibo: nowStamp() })
    )
    .execute()
}
