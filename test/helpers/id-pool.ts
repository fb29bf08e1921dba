import fc from 'fast-check'
import type { Channel } from '../../src/shared/api/channels'

/**
 * The real ids in the database, by table, reloaded before each generated call, so a random
 * input names rows that exist (and the handler runs) most of the time. Ids that never reach
 * the database (task ids) are added by the test with `add`.
 */
export class IdPool {
  private readonly byTable = new Map<string, string[]>()
  private readonly added = new Map<string, string[]>()
  private all: string[] = []

  /** The ids now in the database (see idsPorTabla), plus those added by hand. */
  load(byTable: Map<string, string[]>): void {
    this.byTable.clear()
    for (const [name, ids] of byTable)
      this.byTable.set(name, [...ids, ...(this.added.get(name) ?? [])])
    for (const [name, ids] of this.added) if (!this.byTable.has(name)) this.byTable.set(name, ids)
    this.all = [...this.byTable.values()].flat()
  }

  add(table: string, id: string): void {
    this.added.set(table, [...(this.added.get(table) ?? []), id])
    this.byTable.set(table, [...(this.byTable.get(table) ?? []), id])
  }

  ids(table: string): readonly string[] {
    return this.byTable.get(table) ?? []
  }

  /** The table a field names: `id` of `acuerdo:crear` → acuerdos; `enSesionId` → sesiones. */
  tableFor(channel: Channel, key: string): string | null {
    const word = key === 'id' ? channel.split(':')[0]! : (/([A-Z]?[a-z]+)Id$/.exec(key)?.[1] ?? '')
    const w = word.toLowerCase()
    if (!w) return null
    const tables = [...this.byTable.keys()].filter((t) => t.startsWith(w))
    return tables.sort((a, b) => a.length - b.length)[0] ?? null
  }

  /**
   * Mostly a real id of the right table, sometimes a real id of any table (wrong kind), and
   * sometimes a random uuid (a row that does not exist). Resolved when the value is drawn,
   * so it sees the rows earlier calls created.
   */
  arbitrary(channel: Channel, key: string): fc.Arbitrary<string> {
    const pick = (list: readonly string[], n: number, fallback: string): string =>
      list.length > 0 ? list[n % list.length]! : fallback
    return fc
      .tuple(fc.integer({ min: 0, max: 9 }), fc.nat(), fc.uuid({ version: 7 }))
      .map(([dice, n, random]) => {
        if (dice === 0) return random
        if (dice === 1) return pick(this.all, n, random)
        const table = this.tableFor(channel, key)
        return pick(table ? this.ids(table) : this.all, n, random)
      })
  }
}
