// The indexes of the schema at version 21 on PostgreSQL (#17): the same names as on SQLite
// (0001, 0004, 0009, 0011, 0013, 0014, 0016, 0018, 0020), partial and expression ones alike.
// The keys' own indexes (primary keys, UNIQUE constraints) come with their tables.
export const INDICES_PG: readonly string[] = [
  'create index acciones_instancia_idx on acciones (instancia_id)',
  'create index acciones_objetivo_idx on acciones (objetivo_id)',
  'create index acuerdos_accion_idx on acuerdos (accion_id)',
  'create index acuerdos_cierre_idx on acuerdos_cierre (cerrado_en, acuerdo_id)',
  'create index acuerdos_cierre_vida_idx on acuerdos_cierre (instancia_id, nivel, abierto_en)',
  'create index acuerdos_institucion_idx on acuerdos (institucion_id, plazo)',
  'create index acuerdos_persona_idx on acuerdos (persona_id, plazo)',
  // Undated plazos last in either direction, as the queries order them.
  'create index acuerdos_plazo_desc_idx on acuerdos ((plazo is null), plazo desc)',
  'create index acuerdos_plazo_idx on acuerdos ((plazo is null), plazo)',
  'create index asistencias_sesion_idx on asistencias (sesion_id)',
  'create index avance_fechas_aprobado_idx on avance_fechas (accion_id, aprobada, fecha, creada)',
  'create index avance_fechas_ultimo_idx on avance_fechas (accion_id, fecha, creada)',
  'create index avances_accion_idx on avances (accion_id)',
  'create index avances_accion_sesion_idx on avances (accion_id, sesion_id, id)',
  'create index fe_erratas_sesion_idx on fe_erratas (sesion_id)',
  `create index historial_accion_id_idx on historial (accion_id, id)
    where accion_id is not null`,
  `create index historial_acuerdo_id_idx on historial (acuerdo_id, id)
    where acuerdo_id is not null`,
  'create index historial_fila_idx on historial (tabla, fila_id, id)',
  `create index historial_sesion_id_idx on historial (sesion_id, id)
    where sesion_id is not null`,
  'create index indicadores_accion_idx on indicadores (accion_id)',
  'create index mediciones_indicador_idx on mediciones (indicador_id)',
  'create index metas_accion_idx on metas (accion_id)',
  'create index objetivos_eje_idx on objetivos (eje_id)',
  'create index puntos_tabla_sesion_idx on puntos_tabla (sesion_id)',
  'create index seguimientos_sesion_idx on seguimientos (sesion_id)',
  'create index sellos_sello_idx on sellos (sello)',
  'create index sesiones_aprobada_en_idx on sesiones (aprobada_en_sesion_id)',
  `create index sesiones_borrador_idx on sesiones (instancia_id, fecha, created_at)
    where estado = 'borrador'`,
  'create index sesiones_estado_fecha_idx on sesiones (estado, fecha)',
  'create index sesiones_fecha_idx on sesiones (fecha, id)',
  'create index sesiones_instancia_orden_idx on sesiones (instancia_id, fecha, created_at)',
  'create index sesiones_orden_idx on sesiones (id, estado, fecha, created_at)',
  'create index sesiones_presidente_idx on sesiones (presidente_id)',
  'create index sesiones_subrogante_idx on sesiones (secretaria_subrogante_id)'
]
