import { sql, type Kysely } from 'kysely'
import type { Migration } from '../migration'

// Frozen in time: never edit after release; add a new migration instead.
// What an acta shows (names, codes, texts) is copied into its rows when written, so an approved
// acta reads the same after the plan or the people in it are edited.
export const m0002: Migration = {
  version: 2,
  name: 'sesiones_y_actas',
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('personas')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('nombre', 'text', (c) => c.notNull())
      .addColumn('cargo', 'text')
      .addColumn('institucion_id', 'text', (c) =>
        c.references('instituciones.id').onDelete('set null')
      )
      .addColumn('correo', 'text')
      .addColumn('telefono', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()

    await db.schema
      .createTable('miembros')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('instancia_id', 'text', (c) =>
        c.notNull().references('instancias.id').onDelete('cascade')
      )
      .addColumn('persona_id', 'text', (c) =>
        c.notNull().references('personas.id').onDelete('cascade')
      )
      .addColumn('calidad', 'text', (c) =>
        c.notNull().check(sql`calidad in ('titular', 'suplente')`)
      )
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('miembros_instancia_persona_uq', ['instancia_id', 'persona_id'])
      .execute()

    await db.schema
      .createTable('sesiones')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('instancia_id', 'text', (c) =>
        c.notNull().references('instancias.id').onDelete('restrict')
      )
      .addColumn('tipo', 'text', (c) =>
        c.notNull().check(sql`tipo in ('ordinaria', 'extraordinaria')`)
      )
      .addColumn('numero', 'integer', (c) => c.notNull())
      .addColumn('anio', 'integer', (c) => c.notNull())
      .addColumn('fecha', 'text', (c) => c.notNull())
      .addColumn('hora_inicio', 'text')
      .addColumn('hora_termino', 'text')
      .addColumn('lugar', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('modalidad', 'text', (c) =>
        c.notNull().check(sql`modalidad in ('presencial', 'remota', 'mixta')`)
      )
      .addColumn('preside', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('estado', 'text', (c) =>
        c
          .notNull()
          .defaultTo('borrador')
          .check(sql`estado in ('borrador', 'cerrada', 'aprobada')`)
      )
      .addColumn('proxima_fecha', 'text')
      .addColumn('proxima_lugar', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('cerrada_at', 'text')
      .addColumn('aprobada_at', 'text')
      .addColumn('aprobada_en_sesion_id', 'text', (c) =>
        c.references('sesiones.id').onDelete('set null')
      )
      .addColumn('observaciones_aprobacion', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('hash', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('sesiones_numero_uq', ['instancia_id', 'tipo', 'anio', 'numero'])
      .execute()
    await db.schema
      .createIndex('sesiones_instancia_fecha_idx')
      .on('sesiones')
      .columns(['instancia_id', 'fecha'])
      .execute()

    await db.schema
      .createTable('asistencias')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('sesion_id', 'text', (c) =>
        c.notNull().references('sesiones.id').onDelete('cascade')
      )
      .addColumn('persona_id', 'text', (c) => c.references('personas.id').onDelete('set null'))
      .addColumn('nombre', 'text', (c) => c.notNull())
      .addColumn('cargo', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('institucion', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('calidad', 'text', (c) =>
        c.notNull().check(sql`calidad in ('titular', 'suplente', 'invitado')`)
      )
      .addColumn('estado', 'text', (c) =>
        c.notNull().check(sql`estado in ('presente', 'excusado', 'ausente')`)
      )
      .addColumn('motivo', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('orden', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('asistencias_sesion_idx')
      .on('asistencias')
      .column('sesion_id')
      .execute()

    await db.schema
      .createTable('puntos_tabla')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('sesion_id', 'text', (c) =>
        c.notNull().references('sesiones.id').onDelete('cascade')
      )
      .addColumn('titulo', 'text', (c) => c.notNull())
      .addColumn('desarrollo', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('tipo', 'text', (c) =>
        c
          .notNull()
          .check(sql`tipo in ('aprobacion_acta', 'cuenta', 'seguimiento', 'varios', 'otro')`)
      )
      .addColumn('orden', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('puntos_tabla_sesion_idx')
      .on('puntos_tabla')
      .column('sesion_id')
      .execute()

    await db.schema
      .createTable('avances')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('sesion_id', 'text', (c) =>
        c.notNull().references('sesiones.id').onDelete('cascade')
      )
      .addColumn('accion_id', 'text', (c) => c.references('acciones.id').onDelete('set null'))
      .addColumn('accion_codigo', 'text', (c) => c.notNull())
      .addColumn('estado', 'text', (c) =>
        c.notNull().check(sql`estado in ('no_iniciada', 'en_curso', 'cumplida', 'atrasada')`)
      )
      .addColumn('porcentaje', 'integer')
      .addColumn('reporte', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('avances_sesion_accion_uq', ['sesion_id', 'accion_id'])
      .execute()
    await db.schema.createIndex('avances_accion_idx').on('avances').column('accion_id').execute()

    await db.schema
      .createTable('mediciones')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('sesion_id', 'text', (c) =>
        c.notNull().references('sesiones.id').onDelete('cascade')
      )
      .addColumn('indicador_id', 'text', (c) => c.references('indicadores.id').onDelete('set null'))
      .addColumn('accion_codigo', 'text', (c) => c.notNull())
      .addColumn('indicador_texto', 'text', (c) => c.notNull())
      .addColumn('tipo', 'text', (c) => c.notNull())
      .addColumn('valor', 'real')
      .addColumn('numerador', 'real')
      .addColumn('denominador', 'real')
      .addColumn('fecha_corte', 'text', (c) => c.notNull())
      .addColumn('nota', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('mediciones_sesion_indicador_uq', ['sesion_id', 'indicador_id'])
      .execute()
    await db.schema
      .createIndex('mediciones_indicador_idx')
      .on('mediciones')
      .column('indicador_id')
      .execute()

    await db.schema
      .createTable('acuerdos')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('sesion_id', 'text', (c) =>
        c.notNull().references('sesiones.id').onDelete('cascade')
      )
      .addColumn('numero', 'integer', (c) => c.notNull())
      .addColumn('texto', 'text', (c) => c.notNull())
      .addColumn('institucion_id', 'text', (c) =>
        c.references('instituciones.id').onDelete('set null')
      )
      .addColumn('persona_id', 'text', (c) => c.references('personas.id').onDelete('set null'))
      .addColumn('responsable', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('plazo', 'text')
      .addColumn('accion_id', 'text', (c) => c.references('acciones.id').onDelete('set null'))
      .addColumn('accion_codigo', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('acuerdos_sesion_numero_uq', ['sesion_id', 'numero'])
      .execute()
    await db.schema.createIndex('acuerdos_accion_idx').on('acuerdos').column('accion_id').execute()

    await db.schema
      .createTable('seguimientos')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('acuerdo_id', 'text', (c) =>
        c.notNull().references('acuerdos.id').onDelete('cascade')
      )
      .addColumn('sesion_id', 'text', (c) =>
        c.notNull().references('sesiones.id').onDelete('cascade')
      )
      .addColumn('estado', 'text', (c) =>
        c.notNull().check(sql`estado in ('pendiente', 'en_curso', 'cumplido')`)
      )
      .addColumn('nota', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('seguimientos_acuerdo_sesion_uq', ['acuerdo_id', 'sesion_id'])
      .execute()
    await db.schema
      .createIndex('seguimientos_sesion_idx')
      .on('seguimientos')
      .column('sesion_id')
      .execute()

    await db.schema
      .createTable('fe_erratas')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('sesion_id', 'text', (c) =>
        c.notNull().references('sesiones.id').onDelete('cascade')
      )
      .addColumn('texto', 'text', (c) => c.notNull())
      .addColumn('fecha', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()
  }
}
