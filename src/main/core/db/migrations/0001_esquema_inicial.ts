import { sql, type Kysely } from 'kysely'
import type { Migration } from '../migration'

// Frozen in time: never edit after release; add a new migration instead.
export const m0001: Migration = {
  version: 1,
  name: 'esquema_inicial',
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('app_settings')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()

    await db.schema
      .createTable('tombstones')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tabla', 'text', (c) => c.notNull())
      .addColumn('deleted_at', 'text', (c) => c.notNull())
      .execute()

    await db.schema
      .createTable('planes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('nombre', 'text', (c) => c.notNull())
      .addColumn('periodo_desde', 'text', (c) => c.notNull())
      .addColumn('periodo_hasta', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()

    await db.schema
      .createTable('instancias')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('codigo', 'text', (c) => c.notNull().unique())
      .addColumn('nombre', 'text', (c) => c.notNull())
      .addColumn('coordinador', 'text')
      .addColumn('secretaria_actas', 'text')
      .addColumn('orden', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()

    await db.schema
      .createTable('instituciones')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('sigla', 'text', (c) => c.notNull().unique())
      .addColumn('nombre', 'text', (c) => c.notNull())
      .addColumn('orden', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()

    await db.schema
      .createTable('ejes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('plan_id', 'text', (c) => c.notNull().references('planes.id').onDelete('cascade'))
      .addColumn('codigo', 'text', (c) => c.notNull())
      .addColumn('nombre', 'text', (c) => c.notNull())
      .addColumn('orden', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('ejes_plan_codigo_uq', ['plan_id', 'codigo'])
      .execute()

    await db.schema
      .createTable('objetivos')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('plan_id', 'text', (c) => c.notNull().references('planes.id').onDelete('cascade'))
      .addColumn('eje_id', 'text', (c) => c.notNull().references('ejes.id').onDelete('cascade'))
      .addColumn('codigo', 'text', (c) => c.notNull())
      .addColumn('texto', 'text', (c) => c.notNull())
      .addColumn('orden', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('objetivos_plan_codigo_uq', ['plan_id', 'codigo'])
      .execute()
    await db.schema.createIndex('objetivos_eje_idx').on('objetivos').column('eje_id').execute()

    await db.schema
      .createTable('acciones')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('plan_id', 'text', (c) => c.notNull().references('planes.id').onDelete('cascade'))
      .addColumn('objetivo_id', 'text', (c) =>
        c.notNull().references('objetivos.id').onDelete('cascade')
      )
      .addColumn('codigo', 'text', (c) => c.notNull())
      .addColumn('texto', 'text', (c) => c.notNull())
      .addColumn('instancia_id', 'text', (c) => c.references('instancias.id').onDelete('set null'))
      .addColumn('responsables', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('orden', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('acciones_plan_codigo_uq', ['plan_id', 'codigo'])
      .execute()
    await db.schema
      .createIndex('acciones_objetivo_idx')
      .on('acciones')
      .column('objetivo_id')
      .execute()
    await db.schema
      .createIndex('acciones_instancia_idx')
      .on('acciones')
      .column('instancia_id')
      .execute()

    await db.schema
      .createTable('metas')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('accion_id', 'text', (c) =>
        c.notNull().references('acciones.id').onDelete('cascade')
      )
      .addColumn('texto', 'text', (c) => c.notNull())
      .addColumn('plazo', 'text')
      .addColumn('orden', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema.createIndex('metas_accion_idx').on('metas').column('accion_id').execute()

    await db.schema
      .createTable('indicadores')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('accion_id', 'text', (c) =>
        c.notNull().references('acciones.id').onDelete('cascade')
      )
      .addColumn('texto', 'text', (c) => c.notNull())
      .addColumn('tipo', 'text', (c) =>
        c.notNull().check(sql`tipo in ('hito', 'conteo', 'porcentaje')`)
      )
      .addColumn('numerador', 'text')
      .addColumn('denominador', 'text')
      .addColumn('orden', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('indicadores_accion_idx')
      .on('indicadores')
      .column('accion_id')
      .execute()
  }
}
