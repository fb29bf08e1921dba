import type { Insertable, Selectable, Updateable } from 'kysely'
import type { IndicadorTipo } from '../../../shared/domain/plan'

/**
 * The single source of table types. Every synced row carries a global UUIDv7 id and ISO-8601
 * UTC stamps, so laptops can later exchange and merge data without id clashes.
 */
interface Stamped {
  id: string
  created_at: string
  updated_at: string
}

export interface PlanesTable extends Stamped {
  nombre: string
  periodo_desde: string
  periodo_hasta: string
}

export interface EjesTable extends Stamped {
  plan_id: string
  codigo: string
  nombre: string
  orden: number
}

export interface ObjetivosTable extends Stamped {
  /** Denormalised from the eje so codes can be unique per plan with a plain index. */
  plan_id: string
  eje_id: string
  codigo: string
  texto: string
  orden: number
}

export interface AccionesTable extends Stamped {
  plan_id: string
  objetivo_id: string
  codigo: string
  texto: string
  instancia_id: string | null
  responsables: string
  orden: number
}

export interface MetasTable extends Stamped {
  accion_id: string
  texto: string
  plazo: string | null
  orden: number
}

export interface IndicadoresTable extends Stamped {
  accion_id: string
  texto: string
  tipo: IndicadorTipo
  numerador: string | null
  denominador: string | null
  orden: number
}

export interface InstitucionesTable extends Stamped {
  sigla: string
  nombre: string
  orden: number
}

export interface InstanciasTable extends Stamped {
  codigo: string
  nombre: string
  coordinador: string | null
  secretaria_actas: string | null
  orden: number
}

export interface AppSettingsTable {
  key: string
  value: string
  updated_at: string
}

/** Deleted rows, so a later merge knows a missing row was removed rather than never seen. */
export interface TombstonesTable {
  id: string
  tabla: string
  deleted_at: string
}

export interface SchemaMigrationsTable {
  version: number
  name: string
  applied_at: string
}

export interface Database {
  planes: PlanesTable
  ejes: EjesTable
  objetivos: ObjetivosTable
  acciones: AccionesTable
  metas: MetasTable
  indicadores: IndicadoresTable
  instituciones: InstitucionesTable
  instancias: InstanciasTable
  app_settings: AppSettingsTable
  tombstones: TombstonesTable
  schema_migrations: SchemaMigrationsTable
}

export type PlanRow = Selectable<PlanesTable>
export type EjeRow = Selectable<EjesTable>
export type ObjetivoRow = Selectable<ObjetivosTable>
export type AccionRow = Selectable<AccionesTable>
export type MetaRow = Selectable<MetasTable>
export type IndicadorRow = Selectable<IndicadoresTable>
export type InstitucionRow = Selectable<InstitucionesTable>
export type InstanciaRow = Selectable<InstanciasTable>
export type NewAccion = Insertable<AccionesTable>
export type AccionUpdate = Updateable<AccionesTable>

/** Tables whose rows the user orders by hand. */
export type OrderedTable =
  'ejes' | 'objetivos' | 'acciones' | 'metas' | 'indicadores' | 'instituciones' | 'instancias'
