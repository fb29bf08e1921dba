import type { Selectable } from 'kysely'
import type { IndicadorTipo } from '../../../shared/domain/plan'
import type {
  AcuerdoEstado,
  AsistenciaEstado,
  AvanceEstado,
  Calidad,
  Modalidad,
  PuntoTipo,
  SesionEstado,
  SesionTipo
} from '../../../shared/domain/sesiones'
import type { TablasDerivadas } from './schema-derivadas'
import type { TablasIntercambio } from './schema-intercambio'

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
  /** When the period was closed (migration 0012); null: open. A closed plan is read-only. */
  cerrado_at: string | null
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
  /** "Indicador:"/"Indicadores:" as written; null: by the count (migration 0005). */
  rotulo_indicadores: string | null
  /** What follows the code in the acción's cell (" " for "2.1.a Sistematizar"); null: ". ". */
  separador_codigo: string | null
}

export interface MetasTable extends Stamped {
  accion_id: string
  texto: string
  plazo: string | null
  orden: number
  /** "Metas:", "Meta" as written; null: "Meta:" or "Meta N:". */
  rotulo: string | null
}

export interface IndicadoresTable extends Stamped {
  accion_id: string
  texto: string
  tipo: IndicadorTipo
  numerador: string | null
  denominador: string | null
  orden: number
  /** The bullet before it ("" for none); null: "•". */
  vineta: string | null
  /** The numeric target (migration 0008); null: none stated. */
  meta_valor: number | null
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

export interface PersonasTable extends Stamped {
  nombre: string
  cargo: string | null
  institucion_id: string | null
  correo: string | null
  telefono: string | null
}

export interface MiembrosTable extends Stamped {
  instancia_id: string
  persona_id: string
  calidad: Exclude<Calidad, 'invitado'>
}

export interface SesionesTable extends Stamped {
  instancia_id: string
  tipo: SesionTipo
  numero: number
  anio: number
  fecha: string
  hora_inicio: string | null
  hora_termino: string | null
  lugar: string
  modalidad: Modalidad
  preside: string
  estado: SesionEstado
  proxima_fecha: string | null
  proxima_lugar: string
  cerrada_at: string | null
  aprobada_at: string | null
  aprobada_en_sesion_id: string | null
  observaciones_aprobacion: string
  hash: string | null
  /** The exact JSON text that `hash` seals; set at approval, never changed (triggers). */
  contenido_aprobado: string | null
  /** Frozen at approval: the title of the session that approved it. */
  aprobada_en_titulo: string | null
  /** Frozen at approval: who signs as secretary. */
  aprobada_secretaria: string | null
  /** The hash version 2 gave an acta whose content drifted before version 3 sealed it. */
  hash_anterior: string | null
  /** The attendance row of who acted as secretary (migration 0005); sealed with the session. */
  secretaria_subrogante_id: string | null
  presidente_id: string | null
}

export interface AsistenciasTable extends Stamped {
  sesion_id: string
  persona_id: string | null
  nombre: string
  cargo: string
  institucion: string
  calidad: Calidad
  estado: AsistenciaEstado
  motivo: string
  orden: number
}

export interface PuntosTablaTable extends Stamped {
  sesion_id: string
  titulo: string
  desarrollo: string
  tipo: PuntoTipo
  orden: number
}

export interface AvancesTable extends Stamped {
  sesion_id: string
  accion_id: string | null
  accion_codigo: string
  estado: AvanceEstado
  porcentaje: number | null
  reporte: string
}

export interface MedicionesTable extends Stamped {
  sesion_id: string
  indicador_id: string | null
  accion_codigo: string
  indicador_texto: string
  tipo: IndicadorTipo
  valor: number | null
  numerador: number | null
  denominador: number | null
  fecha_corte: string
  nota: string
}

export interface AcuerdosTable extends Stamped {
  sesion_id: string
  numero: number
  texto: string
  institucion_id: string | null
  persona_id: string | null
  responsable: string
  plazo: string | null
  accion_id: string | null
  accion_codigo: string | null
}

export interface SeguimientosTable extends Stamped {
  acuerdo_id: string
  sesion_id: string
  estado: AcuerdoEstado
  nota: string
}

export interface FeErratasTable extends Stamped {
  sesion_id: string
  texto: string
  fecha: string
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

export interface Database extends TablasIntercambio, TablasDerivadas {
  planes: PlanesTable
  ejes: EjesTable
  objetivos: ObjetivosTable
  acciones: AccionesTable
  metas: MetasTable
  indicadores: IndicadoresTable
  instituciones: InstitucionesTable
  instancias: InstanciasTable
  personas: PersonasTable
  miembros: MiembrosTable
  sesiones: SesionesTable
  asistencias: AsistenciasTable
  puntos_tabla: PuntosTablaTable
  avances: AvancesTable
  mediciones: MedicionesTable
  acuerdos: AcuerdosTable
  seguimientos: SeguimientosTable
  fe_erratas: FeErratasTable
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
export type PersonaRow = Selectable<PersonasTable>
export type SesionRow = Selectable<SesionesTable>
export type AsistenciaRow = Selectable<AsistenciasTable>
export type PuntoRow = Selectable<PuntosTablaTable>
export type AvanceRow = Selectable<AvancesTable>
export type MedicionRow = Selectable<MedicionesTable>
export type AcuerdoRow = Selectable<AcuerdosTable>
export type SeguimientoRow = Selectable<SeguimientosTable>
export type FeErrataRow = Selectable<FeErratasTable>

/** Tables whose rows the user orders by hand. */
export type OrderedTable =
  | 'ejes'
  | 'objetivos'
  | 'acciones'
  | 'metas'
  | 'indicadores'
  | 'instituciones'
  | 'instancias'
  | 'puntos_tabla'
  | 'asistencias'

/** Tables whose rows have a global id (and so leave a tombstone when deleted). */
export type IdTable = Exclude<
  Exclude<keyof Database, keyof TablasIntercambio | keyof TablasDerivadas>,
  'app_settings' | 'tombstones' | 'schema_migrations'
>
