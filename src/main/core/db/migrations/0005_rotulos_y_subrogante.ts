import type { Kysely } from 'kysely'
import type { Migration } from '../migration'

// Frozen in time: never edit after release; add a new migration instead.
// The matrix's labels as the ministry wrote them, where they differ from what the matrix writes
// by itself (null: the regenerated label, as before), and who acted as secretary of a session
// whose secretaría de actas did not attend (one of its attendance rows).

export const m0005: Migration = {
  version: 5,
  name: 'rotulos_y_subrogante',
  async up(db: Kysely<unknown>): Promise<void> {
    const columnas: [tabla: string, columna: string][] = [
      ['metas', 'rotulo'],
      ['indicadores', 'vineta'],
      ['acciones', 'rotulo_indicadores'],
      ['acciones', 'separador_codigo']
    ]
    for (const [tabla, columna] of columnas)
      await db.schema.alterTable(tabla).addColumn(columna, 'text').execute()
    // The sessions' row is sealed whole once approved (trigger sesiones_sellada_upd, 0003), so
    // this column is locked with the rest. Its attendance row is removed with the session.
    await db.schema
      .alterTable('sesiones')
      .addColumn('secretaria_subrogante_id', 'text', (c) =>
        c.references('asistencias.id').onDelete('set null')
      )
      .execute()
  }
}
