import { sql, type Kysely } from 'kysely'
import type { Migration } from '../migration'

// Frozen in time: never edit after release; add a new migration instead.
// Laptop to laptop (#16): what this installation knows it has received, per installation (a
// vector, JSON), kept apart from what each partner says it knows (`socios.vector`). A package's
// claims no longer become ours: only stamps it carries do. This installation's own entry is its
// largest stamp when it last exported or imported: a partner that supposes more had a package
// from a later state of this file (a backup was restored since).
// Existing files start from what they trusted so far: their own stamps and every partner's vector.

type Vector = Record<string, string>

function unir(a: Vector, b: Vector): Vector {
  const r: Vector = { ...a }
  for (const [k, s] of Object.entries(b)) if (!(k in r) || s > r[k]!) r[k] = s
  return r
}

export const m0017: Migration = {
  version: 17,
  name: 'conocido',
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`alter table instalacion add column conocido text not null default '{}'`.execute(db)
    const yo = (await sql<{ id: string }>`select id from instalacion`.execute(db)).rows[0]
    if (!yo) return
    const propio = await sql<{ sello: string | null }>`
      select max(sello) as sello from sellos where sello like ${'%-' + yo.id}`.execute(db)
    const socios = await sql<{ vector: string }>`select vector from socios`.execute(db)
    let v: Vector = propio.rows[0]?.sello ? { [yo.id]: propio.rows[0].sello } : {}
    for (const s of socios.rows) v = unir(v, JSON.parse(s.vector) as Vector)
    await sql`update instalacion set conocido = ${JSON.stringify(v)}`.execute(db)
  }
}
