-- index acciones_instancia_idx
CREATE INDEX "acciones_instancia_idx" on "acciones" ("instancia_id");

-- index acciones_objetivo_idx
CREATE INDEX "acciones_objetivo_idx" on "acciones" ("objetivo_id");

-- index acuerdos_accion_idx
CREATE INDEX "acuerdos_accion_idx" on "acuerdos" ("accion_id");

-- index acuerdos_cierre_idx
CREATE INDEX "acuerdos_cierre_idx" on "acuerdos_cierre" ("cerrado_en", "acuerdo_id");

-- index acuerdos_cierre_vida_idx
CREATE INDEX "acuerdos_cierre_vida_idx" on "acuerdos_cierre" ("instancia_id", "nivel", "abierto_en");

-- index acuerdos_institucion_idx
CREATE INDEX acuerdos_institucion_idx on acuerdos (institucion_id, plazo);

-- index acuerdos_persona_idx
CREATE INDEX acuerdos_persona_idx on acuerdos (persona_id, plazo);

-- index acuerdos_plazo_desc_idx
CREATE INDEX acuerdos_plazo_desc_idx on acuerdos ((plazo is null), plazo desc);

-- index acuerdos_plazo_idx
CREATE INDEX acuerdos_plazo_idx on acuerdos ((plazo is null), plazo);

-- index asistencias_sesion_idx
CREATE INDEX "asistencias_sesion_idx" on "asistencias" ("sesion_id");

-- index avance_fechas_aprobado_idx
CREATE INDEX avance_fechas_aprobado_idx
      on avance_fechas (accion_id, aprobada, fecha, creada);

-- index avance_fechas_ultimo_idx
CREATE INDEX avance_fechas_ultimo_idx
      on avance_fechas (accion_id, fecha, creada);

-- index avances_accion_idx
CREATE INDEX "avances_accion_idx" on "avances" ("accion_id");

-- index avances_accion_sesion_idx
CREATE INDEX "avances_accion_sesion_idx" on "avances" ("accion_id", "sesion_id", "id");

-- index fe_erratas_sesion_idx
CREATE INDEX "fe_erratas_sesion_idx" on "fe_erratas" ("sesion_id");

-- index historial_accion_id_idx
CREATE INDEX historial_accion_id_idx on historial (accion_id, id) where accion_id is not null;

-- index historial_acuerdo_id_idx
CREATE INDEX historial_acuerdo_id_idx on historial (acuerdo_id, id) where acuerdo_id is not null;

-- index historial_fila_idx
CREATE INDEX historial_fila_idx on historial (tabla, fila_id, id);

-- index historial_sesion_id_idx
CREATE INDEX historial_sesion_id_idx on historial (sesion_id, id) where sesion_id is not null;

-- index indicadores_accion_idx
CREATE INDEX "indicadores_accion_idx" on "indicadores" ("accion_id");

-- index mediciones_indicador_idx
CREATE INDEX "mediciones_indicador_idx" on "mediciones" ("indicador_id");

-- index metas_accion_idx
CREATE INDEX "metas_accion_idx" on "metas" ("accion_id");

-- index objetivos_eje_idx
CREATE INDEX "objetivos_eje_idx" on "objetivos" ("eje_id");

-- index puntos_tabla_sesion_idx
CREATE INDEX "puntos_tabla_sesion_idx" on "puntos_tabla" ("sesion_id");

-- index seguimientos_sesion_idx
CREATE INDEX "seguimientos_sesion_idx" on "seguimientos" ("sesion_id");

-- index sellos_sello_idx
CREATE INDEX sellos_sello_idx on sellos (sello);

-- index sesiones_aprobada_en_idx
CREATE INDEX "sesiones_aprobada_en_idx" on "sesiones" ("aprobada_en_sesion_id");

-- index sesiones_borrador_idx
CREATE INDEX sesiones_borrador_idx on sesiones (instancia_id, fecha, created_at)
         where estado = 'borrador';

-- index sesiones_estado_fecha_idx
CREATE INDEX "sesiones_estado_fecha_idx" on "sesiones" ("estado", "fecha");

-- index sesiones_fecha_idx
CREATE INDEX "sesiones_fecha_idx" on "sesiones" ("fecha", "id");

-- index sesiones_instancia_orden_idx
CREATE INDEX "sesiones_instancia_orden_idx" on "sesiones" ("instancia_id", "fecha", "created_at");

-- index sesiones_orden_idx
CREATE INDEX "sesiones_orden_idx" on "sesiones" ("id", "estado", "fecha", "created_at");

-- index sesiones_presidente_idx
CREATE INDEX "sesiones_presidente_idx" on "sesiones" ("presidente_id");

-- index sesiones_subrogante_idx
CREATE INDEX "sesiones_subrogante_idx" on "sesiones" ("secretaria_subrogante_id");

-- table acciones
CREATE TABLE "acciones" ("id" text primary key, "plan_id" text not null references "planes" ("id") on delete cascade, "objetivo_id" text not null references "objetivos" ("id") on delete cascade, "codigo" text not null, "texto" text not null, "instancia_id" text references "instancias" ("id") on delete set null, "responsables" text default '' not null, "orden" integer not null, "created_at" text not null, "updated_at" text not null, "rotulo_indicadores" text, "separador_codigo" text, constraint "acciones_plan_codigo_uq" unique ("plan_id", "codigo"));

-- table actas_ajenas
CREATE TABLE actas_ajenas (
      sesion_id text not null,
      hash text not null,
      motivo text not null check (motivo in ('version', 'numero')),
      instalacion_id text not null,
      instalacion_nombre text not null,
      aprobada_at text,
      contenido text not null,
      fila text not null,
      recibida_at text not null,
      primary key (sesion_id, hash)
    );

-- table acuerdos
CREATE TABLE "acuerdos" ("id" text primary key, "sesion_id" text not null references "sesiones" ("id") on delete cascade, "numero" integer not null, "texto" text not null, "institucion_id" text references "instituciones" ("id") on delete set null, "persona_id" text references "personas" ("id") on delete set null, "responsable" text default '' not null, "plazo" text, "accion_id" text references "acciones" ("id") on delete set null, "accion_codigo" text, "created_at" text not null, "updated_at" text not null, constraint "acuerdos_sesion_numero_uq" unique ("sesion_id", "numero"));

-- table acuerdos_cierre
CREATE TABLE "acuerdos_cierre" ("acuerdo_id" text primary key references "acuerdos" ("id") on delete cascade, "cerrado_en" text not null, abierto_en text, instancia_id text, nivel integer as (case when cerrado_en = '~' then 21
  else min(20, cast(ceil(log2(max(1, julianday(substr(cerrado_en, 1, 10)) - julianday(substr(abierto_en, 1, 10))))) as integer)) end) virtual);

-- table alias
CREATE TABLE alias (
      tabla text not null,
      remoto text not null,
      local text not null,
      primary key (tabla, remoto)
    ) without rowid;

-- table app_settings
CREATE TABLE "app_settings" ("key" text primary key, "value" text not null, "updated_at" text not null);

-- table asistencias
CREATE TABLE "asistencias" ("id" text primary key, "sesion_id" text not null references "sesiones" ("id") on delete cascade, "persona_id" text references "personas" ("id") on delete set null, "nombre" text not null, "cargo" text default '' not null, "institucion" text default '' not null, "calidad" text not null check (calidad in ('titular', 'suplente', 'invitado')), "estado" text not null check (estado in ('presente', 'excusado', 'ausente')), "motivo" text default '' not null, "orden" integer not null, "created_at" text not null, "updated_at" text not null);

-- table avance_fechas
CREATE TABLE avance_fechas (
      avance_id text primary key not null,
      accion_id text not null,
      fecha text not null,
      creada text not null,
      aprobada integer not null
    ) without rowid;

-- table avances
CREATE TABLE "avances" ("id" text primary key, "sesion_id" text not null references "sesiones" ("id") on delete cascade, "accion_id" text references "acciones" ("id") on delete set null, "accion_codigo" text not null, "estado" text not null check (estado in ('no_iniciada', 'en_curso', 'cumplida', 'atrasada')), "porcentaje" integer, "reporte" text default '' not null, "created_at" text not null, "updated_at" text not null, constraint "avances_sesion_accion_uq" unique ("sesion_id", "accion_id"));

-- table busqueda
CREATE VIRTUAL TABLE busqueda using fts5(
      titulo, cuerpo, tokenize = 'unicode61 remove_diacritics 2'
    );

-- table busqueda_config
CREATE TABLE 'busqueda_config'(k PRIMARY KEY, v) WITHOUT ROWID;

-- table busqueda_content
CREATE TABLE 'busqueda_content'(id INTEGER PRIMARY KEY, c0, c1);

-- table busqueda_data
CREATE TABLE 'busqueda_data'(id INTEGER PRIMARY KEY, block BLOB);

-- table busqueda_docsize
CREATE TABLE 'busqueda_docsize'(id INTEGER PRIMARY KEY, sz BLOB);

-- table busqueda_filas
CREATE TABLE busqueda_filas (
      fila integer primary key,
      tipo text not null,
      ref_id text not null unique
    );

-- table busqueda_idx
CREATE TABLE 'busqueda_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

-- table comunes
CREATE TABLE comunes (
      tabla text not null,
      fila_id text not null,
      primary key (tabla, fila_id)
    ) without rowid;

-- table ejes
CREATE TABLE "ejes" ("id" text primary key, "plan_id" text not null references "planes" ("id") on delete cascade, "codigo" text not null, "nombre" text not null, "orden" integer not null, "created_at" text not null, "updated_at" text not null, constraint "ejes_plan_codigo_uq" unique ("plan_id", "codigo"));

-- table fe_erratas
CREATE TABLE "fe_erratas" ("id" text primary key, "sesion_id" text not null references "sesiones" ("id") on delete cascade, "texto" text not null, "fecha" text not null, "created_at" text not null, "updated_at" text not null);

-- table historial
CREATE TABLE historial (
      id integer primary key autoincrement,
      en text not null,
      actor text,
      institucion text,
      canal text,
      tabla text not null,
      fila_id text not null,
      operacion text not null check (operacion in ('crear', 'modificar', 'borrar')),
      antes text,
      despues text,
      sesion_id text,
      accion_id text,
      acuerdo_id text
    );

-- table indicadores
CREATE TABLE "indicadores" ("id" text primary key, "accion_id" text not null references "acciones" ("id") on delete cascade, "texto" text not null, "tipo" text not null check (tipo in ('hito', 'conteo', 'porcentaje')), "numerador" text, "denominador" text, "orden" integer not null, "created_at" text not null, "updated_at" text not null, "vineta" text, "meta_valor" real check (meta_valor is null or meta_valor >= 0));

-- table instalacion
CREATE TABLE instalacion (
      unica integer primary key check (unica = 1),
      id text not null,
      nombre text not null,
      created_at text not null
    , conocido text not null default '{}');

-- table instalaciones_anteriores
CREATE TABLE instalaciones_anteriores (
  id text primary key,
  actual text not null
);

-- table instancias
CREATE TABLE "instancias" ("id" text primary key, "codigo" text not null unique, "nombre" text not null, "coordinador" text, "secretaria_actas" text, "orden" integer not null, "created_at" text not null, "updated_at" text not null);

-- table instituciones
CREATE TABLE "instituciones" ("id" text primary key, "sigla" text not null unique, "nombre" text not null, "orden" integer not null, "created_at" text not null, "updated_at" text not null);

-- table mediciones
CREATE TABLE "mediciones" ("id" text primary key, "sesion_id" text not null references "sesiones" ("id") on delete cascade, "indicador_id" text references "indicadores" ("id") on delete set null, "accion_codigo" text not null, "indicador_texto" text not null, "tipo" text not null, "valor" real, "numerador" real, "denominador" real, "fecha_corte" text not null, "nota" text default '' not null, "created_at" text not null, "updated_at" text not null, constraint "mediciones_sesion_indicador_uq" unique ("sesion_id", "indicador_id"));

-- table metas
CREATE TABLE "metas" ("id" text primary key, "accion_id" text not null references "acciones" ("id") on delete cascade, "texto" text not null, "plazo" text, "orden" integer not null, "created_at" text not null, "updated_at" text not null, "rotulo" text);

-- table miembros
CREATE TABLE "miembros" ("id" text primary key, "instancia_id" text not null references "instancias" ("id") on delete cascade, "persona_id" text not null references "personas" ("id") on delete cascade, "calidad" text not null check (calidad in ('titular', 'suplente')), "created_at" text not null, "updated_at" text not null, constraint "miembros_instancia_persona_uq" unique ("instancia_id", "persona_id"));

-- table objetivos
CREATE TABLE "objetivos" ("id" text primary key, "plan_id" text not null references "planes" ("id") on delete cascade, "eje_id" text not null references "ejes" ("id") on delete cascade, "codigo" text not null, "texto" text not null, "orden" integer not null, "created_at" text not null, "updated_at" text not null, constraint "objetivos_plan_codigo_uq" unique ("plan_id", "codigo"));

-- table personas
CREATE TABLE "personas" ("id" text primary key, "nombre" text not null, "cargo" text, "institucion_id" text references "instituciones" ("id") on delete set null, "correo" text, "telefono" text, "created_at" text not null, "updated_at" text not null);

-- table planes
CREATE TABLE "planes" ("id" text primary key, "nombre" text not null, "periodo_desde" text not null, "periodo_hasta" text not null, "created_at" text not null, "updated_at" text not null, cerrado_at text);

-- table puntos_tabla
CREATE TABLE "puntos_tabla" ("id" text primary key, "sesion_id" text not null references "sesiones" ("id") on delete cascade, "titulo" text not null, "desarrollo" text default '' not null, "tipo" text not null check (tipo in ('aprobacion_acta', 'cuenta', 'seguimiento', 'varios', 'otro')), "orden" integer not null, "created_at" text not null, "updated_at" text not null);

-- table schema_migrations
CREATE TABLE "schema_migrations" ("version" integer primary key, "name" text not null, "applied_at" text not null);

-- table seguimientos
CREATE TABLE "seguimientos" ("id" text primary key, "acuerdo_id" text not null references "acuerdos" ("id") on delete cascade, "sesion_id" text not null references "sesiones" ("id") on delete cascade, "estado" text not null check (estado in ('pendiente', 'en_curso', 'cumplido')), "nota" text default '' not null, "created_at" text not null, "updated_at" text not null, constraint "seguimientos_acuerdo_sesion_uq" unique ("acuerdo_id", "sesion_id"));

-- table sellos
CREATE TABLE sellos (
      tabla text not null,
      fila_id text not null,
      campo text not null,
      sello text not null,
      primary key (tabla, fila_id, campo)
    ) without rowid;

-- table sesiones
CREATE TABLE "sesiones" ("id" text primary key, "instancia_id" text not null references "instancias" ("id") on delete restrict, "tipo" text not null check (tipo in ('ordinaria', 'extraordinaria')), "numero" integer not null, "anio" integer not null, "fecha" text not null, "hora_inicio" text, "hora_termino" text, "lugar" text default '' not null, "modalidad" text not null check (modalidad in ('presencial', 'remota', 'mixta')), "preside" text default '' not null, "estado" text default 'borrador' not null check (estado in ('borrador', 'cerrada', 'aprobada')), "proxima_fecha" text, "proxima_lugar" text default '' not null, "cerrada_at" text, "aprobada_at" text, "aprobada_en_sesion_id" text references "sesiones" ("id") on delete set null, "observaciones_aprobacion" text default '' not null, "hash" text, "created_at" text not null, "updated_at" text not null, "contenido_aprobado" text, "aprobada_en_titulo" text, "aprobada_secretaria" text, "hash_anterior" text, "secretaria_subrogante_id" text references "asistencias" ("id") on delete set null, "presidente_id" text references "asistencias" ("id") on delete set null, constraint "sesiones_numero_uq" unique ("instancia_id", "tipo", "anio", "numero"));

-- table socios
CREATE TABLE socios (
      instalacion_id text primary key,
      nombre text not null,
      vector text not null,
      ultimo_envio text,
      ultimo_recibo text
    );

-- table tombstones
CREATE TABLE "tombstones" ("id" text primary key, "tabla" text not null, "deleted_at" text not null);

-- trigger acciones_cerrado_del
CREATE TRIGGER acciones_cerrado_del before delete on acciones when (select cerrado_at from planes where id = OLD.plan_id) is not null begin select raise(abort, 'plan_cerrado'); end;

-- trigger acciones_cerrado_ins
CREATE TRIGGER acciones_cerrado_ins before insert on acciones when (select cerrado_at from planes where id = NEW.plan_id) is not null begin select raise(abort, 'plan_cerrado'); end;

-- trigger acciones_cerrado_instancia
CREATE TRIGGER acciones_cerrado_instancia before update of instancia_id on acciones
           when NEW.instancia_id is not null and (select cerrado_at from planes where id = OLD.plan_id) is not null begin select raise(abort, 'plan_cerrado'); end;

-- trigger acciones_cerrado_upd
CREATE TRIGGER acciones_cerrado_upd before update of id, plan_id, objetivo_id, codigo, texto, responsables, orden, created_at, updated_at, rotulo_indicadores, separador_codigo on acciones
       when (select cerrado_at from planes where id = OLD.plan_id) is not null or (select cerrado_at from planes where id = NEW.plan_id) is not null begin select raise(abort, 'plan_cerrado'); end;

-- trigger acuerdos_cierre_nuevo
CREATE TRIGGER acuerdos_cierre_nuevo after insert on acuerdos begin
     insert into acuerdos_cierre (acuerdo_id, cerrado_en) values (new.id, '~');
   end;

-- trigger acuerdos_cierre_vida
CREATE TRIGGER acuerdos_cierre_vida after insert on acuerdos_cierre begin
     update acuerdos_cierre set abierto_en = (select s.fecha || ' ' || s.created_at from acuerdos a join sesiones s on s.id = a.sesion_id where a.id = new.acuerdo_id), instancia_id = (select s.instancia_id from acuerdos a join sesiones s on s.id = a.sesion_id where a.id = new.acuerdo_id)
   where acuerdo_id = new.acuerdo_id;
   end;

-- trigger acuerdos_sellada_del
CREATE TRIGGER acuerdos_sellada_del before delete on acuerdos when (select estado from sesiones where id = OLD.sesion_id) = 'aprobada' begin select raise(abort, 'acta_aprobada'); end;

-- trigger acuerdos_sellada_ins
CREATE TRIGGER acuerdos_sellada_ins before insert on acuerdos when (select estado from sesiones where id = NEW.sesion_id) = 'aprobada' begin select raise(abort, 'acta_aprobada'); end;

-- trigger acuerdos_sellada_upd
CREATE TRIGGER acuerdos_sellada_upd before update of sesion_id, numero, texto, responsable, plazo, accion_codigo, created_at, updated_at on acuerdos when (select estado from sesiones where id = OLD.sesion_id) = 'aprobada' or (select estado from sesiones where id = NEW.sesion_id) = 'aprobada' begin select raise(abort, 'acta_aprobada'); end;

-- trigger acuerdos_vida_sesion
CREATE TRIGGER acuerdos_vida_sesion after update of sesion_id on acuerdos begin
     update acuerdos_cierre set abierto_en = (select s.fecha || ' ' || s.created_at from acuerdos a join sesiones s on s.id = a.sesion_id where a.id = new.id), instancia_id = (select s.instancia_id from acuerdos a join sesiones s on s.id = a.sesion_id where a.id = new.id)
   where acuerdo_id = new.id;
   end;

-- trigger asistencias_sellada_del
CREATE TRIGGER asistencias_sellada_del before delete on asistencias when (select estado from sesiones where id = OLD.sesion_id) = 'aprobada' begin select raise(abort, 'acta_aprobada'); end;

-- trigger asistencias_sellada_ins
CREATE TRIGGER asistencias_sellada_ins before insert on asistencias when (select estado from sesiones where id = NEW.sesion_id) = 'aprobada' begin select raise(abort, 'acta_aprobada'); end;

-- trigger asistencias_sellada_upd
CREATE TRIGGER asistencias_sellada_upd before update of sesion_id, nombre, cargo, institucion, calidad, estado, motivo, orden, created_at, updated_at on asistencias when (select estado from sesiones where id = OLD.sesion_id) = 'aprobada' or (select estado from sesiones where id = NEW.sesion_id) = 'aprobada' begin select raise(abort, 'acta_aprobada'); end;

-- trigger avance_fechas_delete
CREATE TRIGGER avance_fechas_delete after delete on avances begin
     delete from avance_fechas where avance_id = old.id;
   end;

-- trigger avance_fechas_insert
CREATE TRIGGER avance_fechas_insert after insert on avances begin
     
  insert or replace into avance_fechas (avance_id, accion_id, fecha, creada, aprobada)
  select av.id, av.accion_id, s.fecha, s.created_at, s.estado = 'aprobada'
  from avances av join sesiones s on s.id = av.sesion_id
  where av.id = new.id and av.accion_id is not null;
   end;

-- trigger avance_fechas_sesion
CREATE TRIGGER avance_fechas_sesion after update of fecha, created_at, estado on sesiones begin
     update avance_fechas set fecha = new.fecha, creada = new.created_at,
       aprobada = new.estado = 'aprobada'
     where avance_id in (select id from avances where sesion_id = new.id);
   end;

-- trigger avance_fechas_update
CREATE TRIGGER avance_fechas_update after update of accion_id, sesion_id on avances begin
     delete from avance_fechas where avance_id = old.id;
     
  insert or replace into avance_fechas (avance_id, accion_id, fecha, creada, aprobada)
  select av.id, av.accion_id, s.fecha, s.created_at, s.estado = 'aprobada'
  from avances av join sesiones s on s.id = av.sesion_id
  where av.id = new.id and av.accion_id is not null;
   end;

-- trigger avances_sellada_del
CREATE TRIGGER avances_sellada_del before delete on avances when (select estado from sesiones where id = OLD.sesion_id) = 'aprobada' begin select raise(abort, 'acta_aprobada'); end;

-- trigger avances_sellada_ins
CREATE TRIGGER avances_sellada_ins before insert on avances when (select estado from sesiones where id = NEW.sesion_id) = 'aprobada' begin select raise(abort, 'acta_aprobada'); end;

-- trigger avances_sellada_upd
CREATE TRIGGER avances_sellada_upd before update of sesion_id, accion_codigo, estado, porcentaje, reporte, created_at, updated_at on avances when (select estado from sesiones where id = OLD.sesion_id) = 'aprobada' or (select estado from sesiones where id = NEW.sesion_id) = 'aprobada' begin select raise(abort, 'acta_aprobada'); end;

-- trigger busqueda_acciones_del
CREATE TRIGGER busqueda_acciones_del after delete on acciones begin delete from busqueda where rowid = (select fila from busqueda_filas where ref_id = old.id); delete from busqueda_filas where ref_id = old.id; end;

-- trigger busqueda_acciones_ins
CREATE TRIGGER busqueda_acciones_ins after insert on acciones begin insert into busqueda_filas (tipo, ref_id) values ('accion', new.id); insert into busqueda (rowid, titulo, cuerpo) values ((select fila from busqueda_filas where ref_id = new.id), coalesce(new.texto, ''), coalesce(new.responsables, '')); end;

-- trigger busqueda_acciones_upd
CREATE TRIGGER busqueda_acciones_upd after update of texto, responsables on acciones begin update busqueda set titulo = coalesce(new.texto, ''), cuerpo = coalesce(new.responsables, '') where rowid = (select fila from busqueda_filas where ref_id = new.id); end;

-- trigger busqueda_acuerdos_del
CREATE TRIGGER busqueda_acuerdos_del after delete on acuerdos begin delete from busqueda where rowid = (select fila from busqueda_filas where ref_id = old.id); delete from busqueda_filas where ref_id = old.id; end;

-- trigger busqueda_acuerdos_ins
CREATE TRIGGER busqueda_acuerdos_ins after insert on acuerdos begin insert into busqueda_filas (tipo, ref_id) values ('acuerdo', new.id); insert into busqueda (rowid, titulo, cuerpo) values ((select fila from busqueda_filas where ref_id = new.id), coalesce(new.texto, ''), coalesce(new.responsable, '')); end;

-- trigger busqueda_acuerdos_upd
CREATE TRIGGER busqueda_acuerdos_upd after update of texto, responsable on acuerdos begin update busqueda set titulo = coalesce(new.texto, ''), cuerpo = coalesce(new.responsable, '') where rowid = (select fila from busqueda_filas where ref_id = new.id); end;

-- trigger busqueda_avances_del
CREATE TRIGGER busqueda_avances_del after delete on avances begin delete from busqueda where rowid = (select fila from busqueda_filas where ref_id = old.id); delete from busqueda_filas where ref_id = old.id; end;

-- trigger busqueda_avances_ins
CREATE TRIGGER busqueda_avances_ins after insert on avances begin insert into busqueda_filas (tipo, ref_id) values ('avance', new.id); insert into busqueda (rowid, titulo, cuerpo) values ((select fila from busqueda_filas where ref_id = new.id), '', coalesce(new.reporte, '')); end;

-- trigger busqueda_avances_upd
CREATE TRIGGER busqueda_avances_upd after update of reporte on avances begin update busqueda set titulo = '', cuerpo = coalesce(new.reporte, '') where rowid = (select fila from busqueda_filas where ref_id = new.id); end;

-- trigger busqueda_ejes_del
CREATE TRIGGER busqueda_ejes_del after delete on ejes begin delete from busqueda where rowid = (select fila from busqueda_filas where ref_id = old.id); delete from busqueda_filas where ref_id = old.id; end;

-- trigger busqueda_ejes_ins
CREATE TRIGGER busqueda_ejes_ins after insert on ejes begin insert into busqueda_filas (tipo, ref_id) values ('eje', new.id); insert into busqueda (rowid, titulo, cuerpo) values ((select fila from busqueda_filas where ref_id = new.id), coalesce(new.nombre, ''), ''); end;

-- trigger busqueda_ejes_upd
CREATE TRIGGER busqueda_ejes_upd after update of nombre on ejes begin update busqueda set titulo = coalesce(new.nombre, ''), cuerpo = '' where rowid = (select fila from busqueda_filas where ref_id = new.id); end;

-- trigger busqueda_fe_erratas_del
CREATE TRIGGER busqueda_fe_erratas_del after delete on fe_erratas begin delete from busqueda where rowid = (select fila from busqueda_filas where ref_id = old.id); delete from busqueda_filas where ref_id = old.id; end;

-- trigger busqueda_fe_erratas_ins
CREATE TRIGGER busqueda_fe_erratas_ins after insert on fe_erratas begin insert into busqueda_filas (tipo, ref_id) values ('errata', new.id); insert into busqueda (rowid, titulo, cuerpo) values ((select fila from busqueda_filas where ref_id = new.id), '', coalesce(new.texto, '')); end;

-- trigger busqueda_fe_erratas_upd
CREATE TRIGGER busqueda_fe_erratas_upd after update of texto on fe_erratas begin update busqueda set titulo = '', cuerpo = coalesce(new.texto, '') where rowid = (select fila from busqueda_filas where ref_id = new.id); end;

-- trigger busqueda_indicadores_del
CREATE TRIGGER busqueda_indicadores_del after delete on indicadores begin delete from busqueda where rowid = (select fila from busqueda_filas where ref_id = old.id); delete from busqueda_filas where ref_id = old.id; end;

-- trigger busqueda_indicadores_ins
CREATE TRIGGER busqueda_indicadores_ins after insert on indicadores begin insert into busqueda_filas (tipo, ref_id) values ('indicador', new.id); insert into busqueda (rowid, titulo, cuerpo) values ((select fila from busqueda_filas where ref_id = new.id), '', coalesce(new.texto, '') || ' ' || coalesce(new.numerador, '') || ' ' || coalesce(new.denominador, '')); end;

-- trigger busqueda_indicadores_upd
CREATE TRIGGER busqueda_indicadores_upd after update of texto, numerador, denominador on indicadores begin update busqueda set titulo = '', cuerpo = coalesce(new.texto, '') || ' ' || coalesce(new.numerador, '') || ' ' || coalesce(new.denominador, '') where rowid = (select fila from busqueda_filas where ref_id = new.id); end;

-- trigger busqueda_instituciones_del
CREATE TRIGGER busqueda_instituciones_del after delete on instituciones begin delete from busqueda where rowid = (select fila from busqueda_filas where ref_id = old.id); delete from busqueda_filas where ref_id = old.id; end;

-- trigger busqueda_instituciones_ins
CREATE TRIGGER busqueda_instituciones_ins after insert on instituciones begin insert into busqueda_filas (tipo, ref_id) values ('institucion', new.id); insert into busqueda (rowid, titulo, cuerpo) values ((select fila from busqueda_filas where ref_id = new.id), coalesce(new.sigla, '') || ' ' || coalesce(new.nombre, ''), ''); end;

-- trigger busqueda_instituciones_personas
CREATE TRIGGER busqueda_instituciones_personas after update of sigla, nombre on instituciones begin update busqueda set cuerpo = (select coalesce(p.cargo, '') || ' ' || coalesce(p.correo, '') || ' ' || coalesce((select i.sigla || ' ' || i.nombre from instituciones i where i.id = p.institucion_id), '') from personas p join busqueda_filas f on f.ref_id = p.id where f.fila = busqueda.rowid) where rowid in (select f.fila from personas p join busqueda_filas f on f.ref_id = p.id where p.institucion_id = new.id); end;

-- trigger busqueda_instituciones_upd
CREATE TRIGGER busqueda_instituciones_upd after update of sigla, nombre on instituciones begin update busqueda set titulo = coalesce(new.sigla, '') || ' ' || coalesce(new.nombre, ''), cuerpo = '' where rowid = (select fila from busqueda_filas where ref_id = new.id); end;

-- trigger busqueda_mediciones_del
CREATE TRIGGER busqueda_mediciones_del after delete on mediciones begin delete from busqueda where rowid = (select fila from busqueda_filas where ref_id = old.id); delete from busqueda_filas where ref_id = old.id; end;

-- trigger busqueda_mediciones_ins
CREATE TRIGGER busqueda_mediciones_ins after insert on mediciones begin insert into busqueda_filas (tipo, ref_id) values ('medicion', new.id); insert into busqueda (rowid, titulo, cuerpo) values ((select fila from busqueda_filas where ref_id = new.id), '', coalesce(new.nota, '')); end;

-- trigger busqueda_mediciones_upd
CREATE TRIGGER busqueda_mediciones_upd after update of nota on mediciones begin update busqueda set titulo = '', cuerpo = coalesce(new.nota, '') where rowid = (select fila from busqueda_filas where ref_id = new.id); end;

-- trigger busqueda_metas_del
CREATE TRIGGER busqueda_metas_del after delete on metas begin delete from busqueda where rowid = (select fila from busqueda_filas where ref_id = old.id); delete from busqueda_filas where ref_id = old.id; end;

-- trigger busqueda_metas_ins
CREATE TRIGGER busqueda_metas_ins after insert on metas begin insert into busqueda_filas (tipo, ref_id) values ('meta', new.id); insert into busqueda (rowid, titulo, cuerpo) values ((select fila from busqueda_filas where ref_id = new.id), '', coalesce(new.texto, '')); end;

-- trigger busqueda_metas_upd
CREATE TRIGGER busqueda_metas_upd after update of texto on metas begin update busqueda set titulo = '', cuerpo = coalesce(new.texto, '') where rowid = (select fila from busqueda_filas where ref_id = new.id); end;

-- trigger busqueda_objetivos_del
CREATE TRIGGER busqueda_objetivos_del after delete on objetivos begin delete from busqueda where rowid = (select fila from busqueda_filas where ref_id = old.id); delete from busqueda_filas where ref_id = old.id; end;

-- trigger busqueda_objetivos_ins
CREATE TRIGGER busqueda_objetivos_ins after insert on objetivos begin insert into busqueda_filas (tipo, ref_id) values ('objetivo', new.id); insert into busqueda (rowid, titulo, cuerpo) values ((select fila from busqueda_filas where ref_id = new.id), coalesce(new.texto, ''), ''); end;

-- trigger busqueda_objetivos_upd
CREATE TRIGGER busqueda_objetivos_upd after update of texto on objetivos begin update busqueda set titulo = coalesce(new.texto, ''), cuerpo = '' where rowid = (select fila from busqueda_filas where ref_id = new.id); end;

-- trigger busqueda_personas_del
CREATE TRIGGER busqueda_personas_del after delete on personas begin delete from busqueda where rowid = (select fila from busqueda_filas where ref_id = old.id); delete from busqueda_filas where ref_id = old.id; end;

-- trigger busqueda_personas_ins
CREATE TRIGGER busqueda_personas_ins after insert on personas begin insert into busqueda_filas (tipo, ref_id) values ('persona', new.id); insert into busqueda (rowid, titulo, cuerpo) values ((select fila from busqueda_filas where ref_id = new.id), coalesce(new.nombre, ''), coalesce(new.cargo, '') || ' ' || coalesce(new.correo, '') || ' ' || coalesce((select i.sigla || ' ' || i.nombre from instituciones i where i.id = new.institucion_id), '')); end;

-- trigger busqueda_personas_upd
CREATE TRIGGER busqueda_personas_upd after update of nombre, cargo, correo, institucion_id on personas begin update busqueda set titulo = coalesce(new.nombre, ''), cuerpo = coalesce(new.cargo, '') || ' ' || coalesce(new.correo, '') || ' ' || coalesce((select i.sigla || ' ' || i.nombre from instituciones i where i.id = new.institucion_id), '') where rowid = (select fila from busqueda_filas where ref_id = new.id); end;

-- trigger busqueda_puntos_tabla_del
CREATE TRIGGER busqueda_puntos_tabla_del after delete on puntos_tabla begin delete from busqueda where rowid = (select fila from busqueda_filas where ref_id = old.id); delete from busqueda_filas where ref_id = old.id; end;

-- trigger busqueda_puntos_tabla_ins
CREATE TRIGGER busqueda_puntos_tabla_ins after insert on puntos_tabla begin insert into busqueda_filas (tipo, ref_id) values ('punto', new.id); insert into busqueda (rowid, titulo, cuerpo) values ((select fila from busqueda_filas where ref_id = new.id), coalesce(new.titulo, ''), coalesce(new.desarrollo, '')); end;

-- trigger busqueda_puntos_tabla_upd
CREATE TRIGGER busqueda_puntos_tabla_upd after update of titulo, desarrollo on puntos_tabla begin update busqueda set titulo = coalesce(new.titulo, ''), cuerpo = coalesce(new.desarrollo, '') where rowid = (select fila from busqueda_filas where ref_id = new.id); end;

-- trigger busqueda_seguimientos_del
CREATE TRIGGER busqueda_seguimientos_del after delete on seguimientos begin delete from busqueda where rowid = (select fila from busqueda_filas where ref_id = old.id); delete from busqueda_filas where ref_id = old.id; end;

-- trigger busqueda_seguimientos_ins
CREATE TRIGGER busqueda_seguimientos_ins after insert on seguimientos begin insert into busqueda_filas (tipo, ref_id) values ('seguimiento', new.id); insert into busqueda (rowid, titulo, cuerpo) values ((select fila from busqueda_filas where ref_id = new.id), '', coalesce(new.nota, '')); end;

-- trigger busqueda_seguimientos_upd
CREATE TRIGGER busqueda_seguimientos_upd after update of nota on seguimientos begin update busqueda set titulo = '', cuerpo = coalesce(new.nota, '') where rowid = (select fila from busqueda_filas where ref_id = new.id); end;

-- trigger busqueda_sesiones_del
CREATE TRIGGER busqueda_sesiones_del after delete on sesiones begin delete from busqueda where rowid = (select fila from busqueda_filas where ref_id = old.id); delete from busqueda_filas where ref_id = old.id; end;

-- trigger busqueda_sesiones_ins
CREATE TRIGGER busqueda_sesiones_ins after insert on sesiones begin insert into busqueda_filas (tipo, ref_id) values ('sesion', new.id); insert into busqueda (rowid, titulo, cuerpo) values ((select fila from busqueda_filas where ref_id = new.id), '', coalesce(new.observaciones_aprobacion, '')); end;

-- trigger busqueda_sesiones_upd
CREATE TRIGGER busqueda_sesiones_upd after update of observaciones_aprobacion on sesiones begin update busqueda set titulo = '', cuerpo = coalesce(new.observaciones_aprobacion, '') where rowid = (select fila from busqueda_filas where ref_id = new.id); end;

-- trigger comunes_acciones_insert
CREATE TRIGGER comunes_acciones_insert after insert on acciones
when coalesce(json_extract(mitp_quien(), '$.canal'), '') not like '%:crear'
begin
  insert or ignore into comunes (tabla, fila_id) values ('acciones', new.id);
end;

-- trigger comunes_ejes_insert
CREATE TRIGGER comunes_ejes_insert after insert on ejes
when coalesce(json_extract(mitp_quien(), '$.canal'), '') not like '%:crear'
begin
  insert or ignore into comunes (tabla, fila_id) values ('ejes', new.id);
end;

-- trigger comunes_indicadores_insert
CREATE TRIGGER comunes_indicadores_insert after insert on indicadores
when coalesce(json_extract(mitp_quien(), '$.canal'), '') not like '%:crear'
begin
  insert or ignore into comunes (tabla, fila_id) values ('indicadores', new.id);
end;

-- trigger comunes_instancias_insert
CREATE TRIGGER comunes_instancias_insert after insert on instancias
when coalesce(json_extract(mitp_quien(), '$.canal'), '') not like '%:crear'
begin
  insert or ignore into comunes (tabla, fila_id) values ('instancias', new.id);
end;

-- trigger comunes_instituciones_insert
CREATE TRIGGER comunes_instituciones_insert after insert on instituciones
when coalesce(json_extract(mitp_quien(), '$.canal'), '') not like '%:crear'
begin
  insert or ignore into comunes (tabla, fila_id) values ('instituciones', new.id);
end;

-- trigger comunes_metas_insert
CREATE TRIGGER comunes_metas_insert after insert on metas
when coalesce(json_extract(mitp_quien(), '$.canal'), '') not like '%:crear'
begin
  insert or ignore into comunes (tabla, fila_id) values ('metas', new.id);
end;

-- trigger comunes_objetivos_insert
CREATE TRIGGER comunes_objetivos_insert after insert on objetivos
when coalesce(json_extract(mitp_quien(), '$.canal'), '') not like '%:crear'
begin
  insert or ignore into comunes (tabla, fila_id) values ('objetivos', new.id);
end;

-- trigger comunes_planes_insert
CREATE TRIGGER comunes_planes_insert after insert on planes
when coalesce(json_extract(mitp_quien(), '$.canal'), '') not like '%:crear'
begin
  insert or ignore into comunes (tabla, fila_id) values ('planes', new.id);
end;

-- trigger ejes_cerrado_del
CREATE TRIGGER ejes_cerrado_del before delete on ejes when (select cerrado_at from planes where id = OLD.plan_id) is not null begin select raise(abort, 'plan_cerrado'); end;

-- trigger ejes_cerrado_ins
CREATE TRIGGER ejes_cerrado_ins before insert on ejes when (select cerrado_at from planes where id = NEW.plan_id) is not null begin select raise(abort, 'plan_cerrado'); end;

-- trigger ejes_cerrado_upd
CREATE TRIGGER ejes_cerrado_upd before update of id, plan_id, codigo, nombre, orden, created_at, updated_at on ejes
       when (select cerrado_at from planes where id = OLD.plan_id) is not null or (select cerrado_at from planes where id = NEW.plan_id) is not null begin select raise(abort, 'plan_cerrado'); end;

-- trigger fe_erratas_sellada_del
CREATE TRIGGER fe_erratas_sellada_del before delete on fe_erratas when (select estado from sesiones where id = OLD.sesion_id) = 'aprobada' begin select raise(abort, 'acta_aprobada'); end;

-- trigger fe_erratas_sellada_upd
CREATE TRIGGER fe_erratas_sellada_upd before update on fe_erratas begin select raise(abort, 'acta_aprobada'); end;

-- trigger historial_acciones_delete
CREATE TRIGGER "historial_acciones_delete" after delete on "acciones" 
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'acciones', old."id", 'borrar', json_object('id', old."id", 'plan_id', old."plan_id", 'objetivo_id', old."objetivo_id", 'codigo', old."codigo", 'texto', old."texto", 'instancia_id', old."instancia_id", 'responsables', old."responsables", 'orden', old."orden", 'rotulo_indicadores', old."rotulo_indicadores", 'separador_codigo', old."separador_codigo"), null,
        null, old."id", null
      from (select mitp_quien() as w);
    end;

-- trigger historial_acciones_insert
CREATE TRIGGER "historial_acciones_insert" after insert on "acciones" 
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'acciones', new."id", 'crear', null, json_object('id', new."id", 'plan_id', new."plan_id", 'objetivo_id', new."objetivo_id", 'codigo', new."codigo", 'texto', new."texto", 'instancia_id', new."instancia_id", 'responsables', new."responsables", 'orden', new."orden", 'rotulo_indicadores', new."rotulo_indicadores", 'separador_codigo', new."separador_codigo"),
        null, new."id", null
      from (select mitp_quien() as w);
    end;

-- trigger historial_acciones_update
CREATE TRIGGER "historial_acciones_update" after update on "acciones" when old."id" is not new."id" or old."plan_id" is not new."plan_id" or old."objetivo_id" is not new."objetivo_id" or old."codigo" is not new."codigo" or old."texto" is not new."texto" or old."instancia_id" is not new."instancia_id" or old."responsables" is not new."responsables" or old."orden" is not new."orden" or old."rotulo_indicadores" is not new."rotulo_indicadores" or old."separador_codigo" is not new."separador_codigo"
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'acciones', new."id", 'modificar', json_object('id', old."id", 'plan_id', old."plan_id", 'objetivo_id', old."objetivo_id", 'codigo', old."codigo", 'texto', old."texto", 'instancia_id', old."instancia_id", 'responsables', old."responsables", 'orden', old."orden", 'rotulo_indicadores', old."rotulo_indicadores", 'separador_codigo', old."separador_codigo"), json_object('id', new."id", 'plan_id', new."plan_id", 'objetivo_id', new."objetivo_id", 'codigo', new."codigo", 'texto', new."texto", 'instancia_id', new."instancia_id", 'responsables', new."responsables", 'orden', new."orden", 'rotulo_indicadores', new."rotulo_indicadores", 'separador_codigo', new."separador_codigo"),
        null, new."id", null
      from (select mitp_quien() as w);
    end;

-- trigger historial_acuerdos_delete
CREATE TRIGGER "historial_acuerdos_delete" after delete on "acuerdos" 
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'acuerdos', old."id", 'borrar', json_object('id', old."id", 'sesion_id', old."sesion_id", 'numero', old."numero", 'texto', old."texto", 'institucion_id', old."institucion_id", 'persona_id', old."persona_id", 'responsable', old."responsable", 'plazo', old."plazo", 'accion_id', old."accion_id", 'accion_codigo', old."accion_codigo"), null,
        old."sesion_id", old."accion_id", old."id"
      from (select mitp_quien() as w);
    end;

-- trigger historial_acuerdos_insert
CREATE TRIGGER "historial_acuerdos_insert" after insert on "acuerdos" 
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'acuerdos', new."id", 'crear', null, json_object('id', new."id", 'sesion_id', new."sesion_id", 'numero', new."numero", 'texto', new."texto", 'institucion_id', new."institucion_id", 'persona_id', new."persona_id", 'responsable', new."responsable", 'plazo', new."plazo", 'accion_id', new."accion_id", 'accion_codigo', new."accion_codigo"),
        new."sesion_id", new."accion_id", new."id"
      from (select mitp_quien() as w);
    end;

-- trigger historial_acuerdos_update
CREATE TRIGGER "historial_acuerdos_update" after update on "acuerdos" when old."id" is not new."id" or old."sesion_id" is not new."sesion_id" or old."numero" is not new."numero" or old."texto" is not new."texto" or old."institucion_id" is not new."institucion_id" or old."persona_id" is not new."persona_id" or old."responsable" is not new."responsable" or old."plazo" is not new."plazo" or old."accion_id" is not new."accion_id" or old."accion_codigo" is not new."accion_codigo"
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'acuerdos', new."id", 'modificar', json_object('id', old."id", 'sesion_id', old."sesion_id", 'numero', old."numero", 'texto', old."texto", 'institucion_id', old."institucion_id", 'persona_id', old."persona_id", 'responsable', old."responsable", 'plazo', old."plazo", 'accion_id', old."accion_id", 'accion_codigo', old."accion_codigo"), json_object('id', new."id", 'sesion_id', new."sesion_id", 'numero', new."numero", 'texto', new."texto", 'institucion_id', new."institucion_id", 'persona_id', new."persona_id", 'responsable', new."responsable", 'plazo', new."plazo", 'accion_id', new."accion_id", 'accion_codigo', new."accion_codigo"),
        new."sesion_id", new."accion_id", new."id"
      from (select mitp_quien() as w);
    end;

-- trigger historial_app_settings_delete
CREATE TRIGGER "historial_app_settings_delete" after delete on "app_settings" 
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'app_settings', old."key", 'borrar', json_object('key', old."key", 'value', substr(old."value", 1, 500)), null,
        null, null, null
      from (select mitp_quien() as w);
    end;

-- trigger historial_app_settings_insert
CREATE TRIGGER "historial_app_settings_insert" after insert on "app_settings" 
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'app_settings', new."key", 'crear', null, json_object('key', new."key", 'value', substr(new."value", 1, 500)),
        null, null, null
      from (select mitp_quien() as w);
    end;

-- trigger historial_app_settings_update
CREATE TRIGGER "historial_app_settings_update" after update on "app_settings" when old."key" is not new."key" or old."value" is not new."value"
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'app_settings', new."key", 'modificar', json_object('key', old."key", 'value', substr(old."value", 1, 500)), json_object('key', new."key", 'value', substr(new."value", 1, 500)),
        null, null, null
      from (select mitp_quien() as w);
    end;

-- trigger historial_asistencias_delete
CREATE TRIGGER "historial_asistencias_delete" after delete on "asistencias" 
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'asistencias', old."id", 'borrar', json_object('id', old."id", 'sesion_id', old."sesion_id", 'persona_id', old."persona_id", 'nombre', old."nombre", 'cargo', old."cargo", 'institucion', old."institucion", 'calidad', old."calidad", 'estado', old."estado", 'motivo', old."motivo", 'orden', old."orden"), null,
        old."sesion_id", null, null
      from (select mitp_quien() as w);
    end;

-- trigger historial_asistencias_insert
CREATE TRIGGER "historial_asistencias_insert" after insert on "asistencias" 
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'asistencias', new."id", 'crear', null, json_object('id', new."id", 'sesion_id', new."sesion_id", 'persona_id', new."persona_id", 'nombre', new."nombre", 'cargo', new."cargo", 'institucion', new."institucion", 'calidad', new."calidad", 'estado', new."estado", 'motivo', new."motivo", 'orden', new."orden"),
        new."sesion_id", null, null
      from (select mitp_quien() as w);
    end;

-- trigger historial_asistencias_update
CREATE TRIGGER "historial_asistencias_update" after update on "asistencias" when old."id" is not new."id" or old."sesion_id" is not new."sesion_id" or old."persona_id" is not new."persona_id" or old."nombre" is not new."nombre" or old."cargo" is not new."cargo" or old."institucion" is not new."institucion" or old."calidad" is not new."calidad" or old."estado" is not new."estado" or old."motivo" is not new."motivo" or old."orden" is not new."orden"
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'asistencias', new."id", 'modificar', json_object('id', old."id", 'sesion_id', old."sesion_id", 'persona_id', old."persona_id", 'nombre', old."nombre", 'cargo', old."cargo", 'institucion', old."institucion", 'calidad', old."calidad", 'estado', old."estado", 'motivo', old."motivo", 'orden', old."orden"), json_object('id', new."id", 'sesion_id', new."sesion_id", 'persona_id', new."persona_id", 'nombre', new."nombre", 'cargo', new."cargo", 'institucion', new."institucion", 'calidad', new."calidad", 'estado', new."estado", 'motivo', new."motivo", 'orden', new."orden"),
        new."sesion_id", null, null
      from (select mitp_quien() as w);
    end;

-- trigger historial_avances_delete
CREATE TRIGGER "historial_avances_delete" after delete on "avances" 
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'avances', old."id", 'borrar', json_object('id', old."id", 'sesion_id', old."sesion_id", 'accion_id', old."accion_id", 'accion_codigo', old."accion_codigo", 'estado', old."estado", 'porcentaje', old."porcentaje", 'reporte', old."reporte"), null,
        old."sesion_id", old."accion_id", null
      from (select mitp_quien() as w);
    end;

-- trigger historial_avances_insert
CREATE TRIGGER "historial_avances_insert" after insert on "avances" 
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'avances', new."id", 'crear', null, json_object('id', new."id", 'sesion_id', new."sesion_id", 'accion_id', new."accion_id", 'accion_codigo', new."accion_codigo", 'estado', new."estado", 'porcentaje', new."porcentaje", 'reporte', new."reporte"),
        new."sesion_id", new."accion_id", null
      from (select mitp_quien() as w);
    end;

-- trigger historial_avances_update
CREATE TRIGGER "historial_avances_update" after update on "avances" when old."id" is not new."id" or old."sesion_id" is not new."sesion_id" or old."accion_id" is not new."accion_id" or old."accion_codigo" is not new."accion_codigo" or old."estado" is not new."estado" or old."porcentaje" is not new."porcentaje" or old."reporte" is not new."reporte"
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'avances', new."id", 'modificar', json_object('id', old."id", 'sesion_id', old."sesion_id", 'accion_id', old."accion_id", 'accion_codigo', old."accion_codigo", 'estado', old."estado", 'porcentaje', old."porcentaje", 'reporte', old."reporte"), json_object('id', new."id", 'sesion_id', new."sesion_id", 'accion_id', new."accion_id", 'accion_codigo', new."accion_codigo", 'estado', new."estado", 'porcentaje', new."porcentaje", 'reporte', new."reporte"),
        new."sesion_id", new."accion_id", null
      from (select mitp_quien() as w);
    end;

-- trigger historial_ejes_delete
CREATE TRIGGER "historial_ejes_delete" after delete on "ejes" 
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'ejes', old."id", 'borrar', json_object('id', old."id", 'plan_id', old."plan_id", 'codigo', old."codigo", 'nombre', old."nombre", 'orden', old."orden"), null,
        null, null, null
      from (select mitp_quien() as w);
    end;

-- trigger historial_ejes_insert
CREATE TRIGGER "historial_ejes_insert" after insert on "ejes" 
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'ejes', new."id", 'crear', null, json_object('id', new."id", 'plan_id', new."plan_id", 'codigo', new."codigo", 'nombre', new."nombre", 'orden', new."orden"),
        null, null, null
      from (select mitp_quien() as w);
    end;

-- trigger historial_ejes_update
CREATE TRIGGER "historial_ejes_update" after update on "ejes" when old."id" is not new."id" or old."plan_id" is not new."plan_id" or old."codigo" is not new."codigo" or old."nombre" is not new."nombre" or old."orden" is not new."orden"
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'ejes', new."id", 'modificar', json_object('id', old."id", 'plan_id', old."plan_id", 'codigo', old."codigo", 'nombre', old."nombre", 'orden', old."orden"), json_object('id', new."id", 'plan_id', new."plan_id", 'codigo', new."codigo", 'nombre', new."nombre", 'orden', new."orden"),
        null, null, null
      from (select mitp_quien() as w);
    end;

-- trigger historial_fe_erratas_delete
CREATE TRIGGER "historial_fe_erratas_delete" after delete on "fe_erratas" 
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'fe_erratas', old."id", 'borrar', json_object('id', old."id", 'sesion_id', old."sesion_id", 'texto', old."texto", 'fecha', old."fecha"), null,
        old."sesion_id", null, null
      from (select mitp_quien() as w);
    end;

-- trigger historial_fe_erratas_insert
CREATE TRIGGER "historial_fe_erratas_insert" after insert on "fe_erratas" 
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'fe_erratas', new."id", 'crear', null, json_object('id', new."id", 'sesion_id', new."sesion_id", 'texto', new."texto", 'fecha', new."fecha"),
        new."sesion_id", null, null
      from (select mitp_quien() as w);
    end;

-- trigger historial_fe_erratas_update
CREATE TRIGGER "historial_fe_erratas_update" after update on "fe_erratas" when old."id" is not new."id" or old."sesion_id" is not new."sesion_id" or old."texto" is not new."texto" or old."fecha" is not new."fecha"
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'fe_erratas', new."id", 'modificar', json_object('id', old."id", 'sesion_id', old."sesion_id", 'texto', old."texto", 'fecha', old."fecha"), json_object('id', new."id", 'sesion_id', new."sesion_id", 'texto', new."texto", 'fecha', new."fecha"),
        new."sesion_id", null, null
      from (select mitp_quien() as w);
    end;

-- trigger historial_indicadores_delete
CREATE TRIGGER "historial_indicadores_delete" after delete on "indicadores" 
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'indicadores', old."id", 'borrar', json_object('id', old."id", 'accion_id', old."accion_id", 'texto', old."texto", 'tipo', old."tipo", 'numerador', old."numerador", 'denominador', old."denominador", 'orden', old."orden", 'vineta', old."vineta", 'meta_valor', old."meta_valor"), null,
        null, old."accion_id", null
      from (select mitp_quien() as w);
    end;

-- trigger historial_indicadores_insert
CREATE TRIGGER "historial_indicadores_insert" after insert on "indicadores" 
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'indicadores', new."id", 'crear', null, json_object('id', new."id", 'accion_id', new."accion_id", 'texto', new."texto", 'tipo', new."tipo", 'numerador', new."numerador", 'denominador', new."denominador", 'orden', new."orden", 'vineta', new."vineta", 'meta_valor', new."meta_valor"),
        null, new."accion_id", null
      from (select mitp_quien() as w);
    end;

-- trigger historial_indicadores_update
CREATE TRIGGER "historial_indicadores_update" after update on "indicadores" when old."id" is not new."id" or old."accion_id" is not new."accion_id" or old."texto" is not new."texto" or old."tipo" is not new."tipo" or old."numerador" is not new."numerador" or old."denominador" is not new."denominador" or old."orden" is not new."orden" or old."vineta" is not new."vineta" or old."meta_valor" is not new."meta_valor"
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'indicadores', new."id", 'modificar', json_object('id', old."id", 'accion_id', old."accion_id", 'texto', old."texto", 'tipo', old."tipo", 'numerador', old."numerador", 'denominador', old."denominador", 'orden', old."orden", 'vineta', old."vineta", 'meta_valor', old."meta_valor"), json_object('id', new."id", 'accion_id', new."accion_id", 'texto', new."texto", 'tipo', new."tipo", 'numerador', new."numerador", 'denominador', new."denominador", 'orden', new."orden", 'vineta', new."vineta", 'meta_valor', new."meta_valor"),
        null, new."accion_id", null
      from (select mitp_quien() as w);
    end;

-- trigger historial_instancias_delete
CREATE TRIGGER "historial_instancias_delete" after delete on "instancias" 
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'instancias', old."id", 'borrar', json_object('id', old."id", 'codigo', old."codigo", 'nombre', old."nombre", 'coordinador', old."coordinador", 'secretaria_actas', old."secretaria_actas", 'orden', old."orden"), null,
        null, null, null
      from (select mitp_quien() as w);
    end;

-- trigger historial_instancias_insert
CREATE TRIGGER "historial_instancias_insert" after insert on "instancias" 
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'instancias', new."id", 'crear', null, json_object('id', new."id", 'codigo', new."codigo", 'nombre', new."nombre", 'coordinador', new."coordinador", 'secretaria_actas', new."secretaria_actas", 'orden', new."orden"),
        null, null, null
      from (select mitp_quien() as w);
    end;

-- trigger historial_instancias_update
CREATE TRIGGER "historial_instancias_update" after update on "instancias" when old."id" is not new."id" or old."codigo" is not new."codigo" or old."nombre" is not new."nombre" or old."coordinador" is not new."coordinador" or old."secretaria_actas" is not new."secretaria_actas" or old."orden" is not new."orden"
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'instancias', new."id", 'modificar', json_object('id', old."id", 'codigo', old."codigo", 'nombre', old."nombre", 'coordinador', old."coordinador", 'secretaria_actas', old."secretaria_actas", 'orden', old."orden"), json_object('id', new."id", 'codigo', new."codigo", 'nombre', new."nombre", 'coordinador', new."coordinador", 'secretaria_actas', new."secretaria_actas", 'orden', new."orden"),
        null, null, null
      from (select mitp_quien() as w);
    end;

-- trigger historial_instituciones_delete
CREATE TRIGGER "historial_instituciones_delete" after delete on "instituciones" 
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'instituciones', old."id", 'borrar', json_object('id', old."id", 'sigla', old."sigla", 'nombre', old."nombre", 'orden', old."orden"), null,
        null, null, null
      from (select mitp_quien() as w);
    end;

-- trigger historial_instituciones_insert
CREATE TRIGGER "historial_instituciones_insert" after insert on "instituciones" 
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'instituciones', new."id", 'crear', null, json_object('id', new."id", 'sigla', new."sigla", 'nombre', new."nombre", 'orden', new."orden"),
        null, null, null
      from (select mitp_quien() as w);
    end;

-- trigger historial_instituciones_update
CREATE TRIGGER "historial_instituciones_update" after update on "instituciones" when old."id" is not new."id" or old."sigla" is not new."sigla" or old."nombre" is not new."nombre" or old."orden" is not new."orden"
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'instituciones', new."id", 'modificar', json_object('id', old."id", 'sigla', old."sigla", 'nombre', old."nombre", 'orden', old."orden"), json_object('id', new."id", 'sigla', new."sigla", 'nombre', new."nombre", 'orden', new."orden"),
        null, null, null
      from (select mitp_quien() as w);
    end;

-- trigger historial_mediciones_delete
CREATE TRIGGER "historial_mediciones_delete" after delete on "mediciones" 
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'mediciones', old."id", 'borrar', json_object('id', old."id", 'sesion_id', old."sesion_id", 'indicador_id', old."indicador_id", 'accion_codigo', old."accion_codigo", 'indicador_texto', old."indicador_texto", 'tipo', old."tipo", 'valor', old."valor", 'numerador', old."numerador", 'denominador', old."denominador", 'fecha_corte', old."fecha_corte", 'nota', old."nota"), null,
        old."sesion_id", null, null
      from (select mitp_quien() as w);
    end;

-- trigger historial_mediciones_insert
CREATE TRIGGER "historial_mediciones_insert" after insert on "mediciones" 
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'mediciones', new."id", 'crear', null, json_object('id', new."id", 'sesion_id', new."sesion_id", 'indicador_id', new."indicador_id", 'accion_codigo', new."accion_codigo", 'indicador_texto', new."indicador_texto", 'tipo', new."tipo", 'valor', new."valor", 'numerador', new."numerador", 'denominador', new."denominador", 'fecha_corte', new."fecha_corte", 'nota', new."nota"),
        new."sesion_id", null, null
      from (select mitp_quien() as w);
    end;

-- trigger historial_mediciones_update
CREATE TRIGGER "historial_mediciones_update" after update on "mediciones" when old."id" is not new."id" or old."sesion_id" is not new."sesion_id" or old."indicador_id" is not new."indicador_id" or old."accion_codigo" is not new."accion_codigo" or old."indicador_texto" is not new."indicador_texto" or old."tipo" is not new."tipo" or old."valor" is not new."valor" or old."numerador" is not new."numerador" or old."denominador" is not new."denominador" or old."fecha_corte" is not new."fecha_corte" or old."nota" is not new."nota"
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'mediciones', new."id", 'modificar', json_object('id', old."id", 'sesion_id', old."sesion_id", 'indicador_id', old."indicador_id", 'accion_codigo', old."accion_codigo", 'indicador_texto', old."indicador_texto", 'tipo', old."tipo", 'valor', old."valor", 'numerador', old."numerador", 'denominador', old."denominador", 'fecha_corte', old."fecha_corte", 'nota', old."nota"), json_object('id', new."id", 'sesion_id', new."sesion_id", 'indicador_id', new."indicador_id", 'accion_codigo', new."accion_codigo", 'indicador_texto', new."indicador_texto", 'tipo', new."tipo", 'valor', new."valor", 'numerador', new."numerador", 'denominador', new."denominador", 'fecha_corte', new."fecha_corte", 'nota', new."nota"),
        new."sesion_id", null, null
      from (select mitp_quien() as w);
    end;

-- trigger historial_metas_delete
CREATE TRIGGER "historial_metas_delete" after delete on "metas" 
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'metas', old."id", 'borrar', json_object('id', old."id", 'accion_id', old."accion_id", 'texto', old."texto", 'plazo', old."plazo", 'orden', old."orden", 'rotulo', old."rotulo"), null,
        null, old."accion_id", null
      from (select mitp_quien() as w);
    end;

-- trigger historial_metas_insert
CREATE TRIGGER "historial_metas_insert" after insert on "metas" 
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'metas', new."id", 'crear', null, json_object('id', new."id", 'accion_id', new."accion_id", 'texto', new."texto", 'plazo', new."plazo", 'orden', new."orden", 'rotulo', new."rotulo"),
        null, new."accion_id", null
      from (select mitp_quien() as w);
    end;

-- trigger historial_metas_update
CREATE TRIGGER "historial_metas_update" after update on "metas" when old."id" is not new."id" or old."accion_id" is not new."accion_id" or old."texto" is not new."texto" or old."plazo" is not new."plazo" or old."orden" is not new."orden" or old."rotulo" is not new."rotulo"
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'metas', new."id", 'modificar', json_object('id', old."id", 'accion_id', old."accion_id", 'texto', old."texto", 'plazo', old."plazo", 'orden', old."orden", 'rotulo', old."rotulo"), json_object('id', new."id", 'accion_id', new."accion_id", 'texto', new."texto", 'plazo', new."plazo", 'orden', new."orden", 'rotulo', new."rotulo"),
        null, new."accion_id", null
      from (select mitp_quien() as w);
    end;

-- trigger historial_miembros_delete
CREATE TRIGGER "historial_miembros_delete" after delete on "miembros" 
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'miembros', old."id", 'borrar', json_object('id', old."id", 'instancia_id', old."instancia_id", 'persona_id', old."persona_id", 'calidad', old."calidad"), null,
        null, null, null
      from (select mitp_quien() as w);
    end;

-- trigger historial_miembros_insert
CREATE TRIGGER "historial_miembros_insert" after insert on "miembros" 
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'miembros', new."id", 'crear', null, json_object('id', new."id", 'instancia_id', new."instancia_id", 'persona_id', new."persona_id", 'calidad', new."calidad"),
        null, null, null
      from (select mitp_quien() as w);
    end;

-- trigger historial_miembros_update
CREATE TRIGGER "historial_miembros_update" after update on "miembros" when old."id" is not new."id" or old."instancia_id" is not new."instancia_id" or old."persona_id" is not new."persona_id" or old."calidad" is not new."calidad"
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'miembros', new."id", 'modificar', json_object('id', old."id", 'instancia_id', old."instancia_id", 'persona_id', old."persona_id", 'calidad', old."calidad"), json_object('id', new."id", 'instancia_id', new."instancia_id", 'persona_id', new."persona_id", 'calidad', new."calidad"),
        null, null, null
      from (select mitp_quien() as w);
    end;

-- trigger historial_objetivos_delete
CREATE TRIGGER "historial_objetivos_delete" after delete on "objetivos" 
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'objetivos', old."id", 'borrar', json_object('id', old."id", 'plan_id', old."plan_id", 'eje_id', old."eje_id", 'codigo', old."codigo", 'texto', old."texto", 'orden', old."orden"), null,
        null, null, null
      from (select mitp_quien() as w);
    end;

-- trigger historial_objetivos_insert
CREATE TRIGGER "historial_objetivos_insert" after insert on "objetivos" 
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'objetivos', new."id", 'crear', null, json_object('id', new."id", 'plan_id', new."plan_id", 'eje_id', new."eje_id", 'codigo', new."codigo", 'texto', new."texto", 'orden', new."orden"),
        null, null, null
      from (select mitp_quien() as w);
    end;

-- trigger historial_objetivos_update
CREATE TRIGGER "historial_objetivos_update" after update on "objetivos" when old."id" is not new."id" or old."plan_id" is not new."plan_id" or old."eje_id" is not new."eje_id" or old."codigo" is not new."codigo" or old."texto" is not new."texto" or old."orden" is not new."orden"
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'objetivos', new."id", 'modificar', json_object('id', old."id", 'plan_id', old."plan_id", 'eje_id', old."eje_id", 'codigo', old."codigo", 'texto', old."texto", 'orden', old."orden"), json_object('id', new."id", 'plan_id', new."plan_id", 'eje_id', new."eje_id", 'codigo', new."codigo", 'texto', new."texto", 'orden', new."orden"),
        null, null, null
      from (select mitp_quien() as w);
    end;

-- trigger historial_personas_delete
CREATE TRIGGER "historial_personas_delete" after delete on "personas" 
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'personas', old."id", 'borrar', json_object('id', old."id", 'nombre', old."nombre", 'cargo', old."cargo", 'institucion_id', old."institucion_id", 'correo', old."correo", 'telefono', old."telefono"), null,
        null, null, null
      from (select mitp_quien() as w);
    end;

-- trigger historial_personas_insert
CREATE TRIGGER "historial_personas_insert" after insert on "personas" 
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'personas', new."id", 'crear', null, json_object('id', new."id", 'nombre', new."nombre", 'cargo', new."cargo", 'institucion_id', new."institucion_id", 'correo', new."correo", 'telefono', new."telefono"),
        null, null, null
      from (select mitp_quien() as w);
    end;

-- trigger historial_personas_update
CREATE TRIGGER "historial_personas_update" after update on "personas" when old."id" is not new."id" or old."nombre" is not new."nombre" or old."cargo" is not new."cargo" or old."institucion_id" is not new."institucion_id" or old."correo" is not new."correo" or old."telefono" is not new."telefono"
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'personas', new."id", 'modificar', json_object('id', old."id", 'nombre', old."nombre", 'cargo', old."cargo", 'institucion_id', old."institucion_id", 'correo', old."correo", 'telefono', old."telefono"), json_object('id', new."id", 'nombre', new."nombre", 'cargo', new."cargo", 'institucion_id', new."institucion_id", 'correo', new."correo", 'telefono', new."telefono"),
        null, null, null
      from (select mitp_quien() as w);
    end;

-- trigger historial_planes_delete
CREATE TRIGGER historial_planes_delete after delete on planes 
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'planes', old.id, 'borrar', json_object('id', old."id", 'nombre', old."nombre", 'periodo_desde', old."periodo_desde", 'periodo_hasta', old."periodo_hasta", 'cerrado_at', old."cerrado_at"), null, null, null, null
      from (select mitp_quien() as w);
    end;

-- trigger historial_planes_insert
CREATE TRIGGER historial_planes_insert after insert on planes 
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'planes', new.id, 'crear', null, json_object('id', new."id", 'nombre', new."nombre", 'periodo_desde', new."periodo_desde", 'periodo_hasta', new."periodo_hasta", 'cerrado_at', new."cerrado_at"), null, null, null
      from (select mitp_quien() as w);
    end;

-- trigger historial_planes_update
CREATE TRIGGER historial_planes_update after update on planes when old."id" is not new."id" or old."nombre" is not new."nombre" or old."periodo_desde" is not new."periodo_desde" or old."periodo_hasta" is not new."periodo_hasta" or old."cerrado_at" is not new."cerrado_at"
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'planes', new.id, 'modificar', json_object('id', old."id", 'nombre', old."nombre", 'periodo_desde', old."periodo_desde", 'periodo_hasta', old."periodo_hasta", 'cerrado_at', old."cerrado_at"), json_object('id', new."id", 'nombre', new."nombre", 'periodo_desde', new."periodo_desde", 'periodo_hasta', new."periodo_hasta", 'cerrado_at', new."cerrado_at"), null, null, null
      from (select mitp_quien() as w);
    end;

-- trigger historial_puntos_tabla_delete
CREATE TRIGGER "historial_puntos_tabla_delete" after delete on "puntos_tabla" 
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'puntos_tabla', old."id", 'borrar', json_object('id', old."id", 'sesion_id', old."sesion_id", 'titulo', old."titulo", 'desarrollo', old."desarrollo", 'tipo', old."tipo", 'orden', old."orden"), null,
        old."sesion_id", null, null
      from (select mitp_quien() as w);
    end;

-- trigger historial_puntos_tabla_insert
CREATE TRIGGER "historial_puntos_tabla_insert" after insert on "puntos_tabla" 
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'puntos_tabla', new."id", 'crear', null, json_object('id', new."id", 'sesion_id', new."sesion_id", 'titulo', new."titulo", 'desarrollo', new."desarrollo", 'tipo', new."tipo", 'orden', new."orden"),
        new."sesion_id", null, null
      from (select mitp_quien() as w);
    end;

-- trigger historial_puntos_tabla_update
CREATE TRIGGER "historial_puntos_tabla_update" after update on "puntos_tabla" when old."id" is not new."id" or old."sesion_id" is not new."sesion_id" or old."titulo" is not new."titulo" or old."desarrollo" is not new."desarrollo" or old."tipo" is not new."tipo" or old."orden" is not new."orden"
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'puntos_tabla', new."id", 'modificar', json_object('id', old."id", 'sesion_id', old."sesion_id", 'titulo', old."titulo", 'desarrollo', old."desarrollo", 'tipo', old."tipo", 'orden', old."orden"), json_object('id', new."id", 'sesion_id', new."sesion_id", 'titulo', new."titulo", 'desarrollo', new."desarrollo", 'tipo', new."tipo", 'orden', new."orden"),
        new."sesion_id", null, null
      from (select mitp_quien() as w);
    end;

-- trigger historial_seguimientos_delete
CREATE TRIGGER "historial_seguimientos_delete" after delete on "seguimientos" 
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'seguimientos', old."id", 'borrar', json_object('id', old."id", 'acuerdo_id', old."acuerdo_id", 'sesion_id', old."sesion_id", 'estado', old."estado", 'nota', old."nota"), null,
        old."sesion_id", null, old."acuerdo_id"
      from (select mitp_quien() as w);
    end;

-- trigger historial_seguimientos_insert
CREATE TRIGGER "historial_seguimientos_insert" after insert on "seguimientos" 
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'seguimientos', new."id", 'crear', null, json_object('id', new."id", 'acuerdo_id', new."acuerdo_id", 'sesion_id', new."sesion_id", 'estado', new."estado", 'nota', new."nota"),
        new."sesion_id", null, new."acuerdo_id"
      from (select mitp_quien() as w);
    end;

-- trigger historial_seguimientos_update
CREATE TRIGGER "historial_seguimientos_update" after update on "seguimientos" when old."id" is not new."id" or old."acuerdo_id" is not new."acuerdo_id" or old."sesion_id" is not new."sesion_id" or old."estado" is not new."estado" or old."nota" is not new."nota"
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'seguimientos', new."id", 'modificar', json_object('id', old."id", 'acuerdo_id', old."acuerdo_id", 'sesion_id', old."sesion_id", 'estado', old."estado", 'nota', old."nota"), json_object('id', new."id", 'acuerdo_id', new."acuerdo_id", 'sesion_id', new."sesion_id", 'estado', new."estado", 'nota', new."nota"),
        new."sesion_id", null, new."acuerdo_id"
      from (select mitp_quien() as w);
    end;

-- trigger historial_sesiones_delete
CREATE TRIGGER "historial_sesiones_delete" after delete on "sesiones" 
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'sesiones', old."id", 'borrar', json_object('id', old."id", 'instancia_id', old."instancia_id", 'tipo', old."tipo", 'numero', old."numero", 'anio', old."anio", 'fecha', old."fecha", 'hora_inicio', old."hora_inicio", 'hora_termino', old."hora_termino", 'lugar', old."lugar", 'modalidad', old."modalidad", 'preside', old."preside", 'estado', old."estado", 'proxima_fecha', old."proxima_fecha", 'proxima_lugar', old."proxima_lugar", 'cerrada_at', old."cerrada_at", 'aprobada_at', old."aprobada_at", 'aprobada_en_sesion_id', old."aprobada_en_sesion_id", 'observaciones_aprobacion', old."observaciones_aprobacion", 'hash', old."hash", 'aprobada_en_titulo', old."aprobada_en_titulo", 'aprobada_secretaria', old."aprobada_secretaria", 'hash_anterior', old."hash_anterior", 'secretaria_subrogante_id', old."secretaria_subrogante_id", 'presidente_id', old."presidente_id"), null,
        old."id", null, null
      from (select mitp_quien() as w);
    end;

-- trigger historial_sesiones_insert
CREATE TRIGGER "historial_sesiones_insert" after insert on "sesiones" 
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'sesiones', new."id", 'crear', null, json_object('id', new."id", 'instancia_id', new."instancia_id", 'tipo', new."tipo", 'numero', new."numero", 'anio', new."anio", 'fecha', new."fecha", 'hora_inicio', new."hora_inicio", 'hora_termino', new."hora_termino", 'lugar', new."lugar", 'modalidad', new."modalidad", 'preside', new."preside", 'estado', new."estado", 'proxima_fecha', new."proxima_fecha", 'proxima_lugar', new."proxima_lugar", 'cerrada_at', new."cerrada_at", 'aprobada_at', new."aprobada_at", 'aprobada_en_sesion_id', new."aprobada_en_sesion_id", 'observaciones_aprobacion', new."observaciones_aprobacion", 'hash', new."hash", 'aprobada_en_titulo', new."aprobada_en_titulo", 'aprobada_secretaria', new."aprobada_secretaria", 'hash_anterior', new."hash_anterior", 'secretaria_subrogante_id', new."secretaria_subrogante_id", 'presidente_id', new."presidente_id"),
        new."id", null, null
      from (select mitp_quien() as w);
    end;

-- trigger historial_sesiones_update
CREATE TRIGGER "historial_sesiones_update" after update on "sesiones" when old."id" is not new."id" or old."instancia_id" is not new."instancia_id" or old."tipo" is not new."tipo" or old."numero" is not new."numero" or old."anio" is not new."anio" or old."fecha" is not new."fecha" or old."hora_inicio" is not new."hora_inicio" or old."hora_termino" is not new."hora_termino" or old."lugar" is not new."lugar" or old."modalidad" is not new."modalidad" or old."preside" is not new."preside" or old."estado" is not new."estado" or old."proxima_fecha" is not new."proxima_fecha" or old."proxima_lugar" is not new."proxima_lugar" or old."cerrada_at" is not new."cerrada_at" or old."aprobada_at" is not new."aprobada_at" or old."aprobada_en_sesion_id" is not new."aprobada_en_sesion_id" or old."observaciones_aprobacion" is not new."observaciones_aprobacion" or old."hash" is not new."hash" or old."aprobada_en_titulo" is not new."aprobada_en_titulo" or old."aprobada_secretaria" is not new."aprobada_secretaria" or old."hash_anterior" is not new."hash_anterior" or old."secretaria_subrogante_id" is not new."secretaria_subrogante_id" or old."presidente_id" is not new."presidente_id"
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'sesiones', new."id", 'modificar', json_object('id', old."id", 'instancia_id', old."instancia_id", 'tipo', old."tipo", 'numero', old."numero", 'anio', old."anio", 'fecha', old."fecha", 'hora_inicio', old."hora_inicio", 'hora_termino', old."hora_termino", 'lugar', old."lugar", 'modalidad', old."modalidad", 'preside', old."preside", 'estado', old."estado", 'proxima_fecha', old."proxima_fecha", 'proxima_lugar', old."proxima_lugar", 'cerrada_at', old."cerrada_at", 'aprobada_at', old."aprobada_at", 'aprobada_en_sesion_id', old."aprobada_en_sesion_id", 'observaciones_aprobacion', old."observaciones_aprobacion", 'hash', old."hash", 'aprobada_en_titulo', old."aprobada_en_titulo", 'aprobada_secretaria', old."aprobada_secretaria", 'hash_anterior', old."hash_anterior", 'secretaria_subrogante_id', old."secretaria_subrogante_id", 'presidente_id', old."presidente_id"), json_object('id', new."id", 'instancia_id', new."instancia_id", 'tipo', new."tipo", 'numero', new."numero", 'anio', new."anio", 'fecha', new."fecha", 'hora_inicio', new."hora_inicio", 'hora_termino', new."hora_termino", 'lugar', new."lugar", 'modalidad', new."modalidad", 'preside', new."preside", 'estado', new."estado", 'proxima_fecha', new."proxima_fecha", 'proxima_lugar', new."proxima_lugar", 'cerrada_at', new."cerrada_at", 'aprobada_at', new."aprobada_at", 'aprobada_en_sesion_id', new."aprobada_en_sesion_id", 'observaciones_aprobacion', new."observaciones_aprobacion", 'hash', new."hash", 'aprobada_en_titulo', new."aprobada_en_titulo", 'aprobada_secretaria', new."aprobada_secretaria", 'hash_anterior', new."hash_anterior", 'secretaria_subrogante_id', new."secretaria_subrogante_id", 'presidente_id', new."presidente_id"),
        new."id", null, null
      from (select mitp_quien() as w);
    end;

-- trigger historial_sin_delete
CREATE TRIGGER historial_sin_delete before delete on historial
      begin select raise(abort, 'historial_inmutable'); end;

-- trigger historial_sin_update
CREATE TRIGGER historial_sin_update before update on historial
      begin select raise(abort, 'historial_inmutable'); end;

-- trigger indicadores_cerrado_del
CREATE TRIGGER indicadores_cerrado_del before delete on indicadores when (select cerrado_at from planes where id = (select plan_id from acciones where id = OLD.accion_id)) is not null begin select raise(abort, 'plan_cerrado'); end;

-- trigger indicadores_cerrado_ins
CREATE TRIGGER indicadores_cerrado_ins before insert on indicadores when (select cerrado_at from planes where id = (select plan_id from acciones where id = NEW.accion_id)) is not null begin select raise(abort, 'plan_cerrado'); end;

-- trigger indicadores_cerrado_upd
CREATE TRIGGER indicadores_cerrado_upd before update of id, accion_id, texto, tipo, numerador, denominador, orden, created_at, updated_at, vineta, meta_valor on indicadores
       when (select cerrado_at from planes where id = (select plan_id from acciones where id = OLD.accion_id)) is not null or (select cerrado_at from planes where id = (select plan_id from acciones where id = NEW.accion_id)) is not null begin select raise(abort, 'plan_cerrado'); end;

-- trigger mediciones_sellada_del
CREATE TRIGGER mediciones_sellada_del before delete on mediciones when (select estado from sesiones where id = OLD.sesion_id) = 'aprobada' begin select raise(abort, 'acta_aprobada'); end;

-- trigger mediciones_sellada_ins
CREATE TRIGGER mediciones_sellada_ins before insert on mediciones when (select estado from sesiones where id = NEW.sesion_id) = 'aprobada' begin select raise(abort, 'acta_aprobada'); end;

-- trigger mediciones_sellada_upd
CREATE TRIGGER mediciones_sellada_upd before update of sesion_id, accion_codigo, indicador_texto, tipo, valor, numerador, denominador, fecha_corte, nota, created_at, updated_at on mediciones when (select estado from sesiones where id = OLD.sesion_id) = 'aprobada' or (select estado from sesiones where id = NEW.sesion_id) = 'aprobada' begin select raise(abort, 'acta_aprobada'); end;

-- trigger metas_cerrado_del
CREATE TRIGGER metas_cerrado_del before delete on metas when (select cerrado_at from planes where id = (select plan_id from acciones where id = OLD.accion_id)) is not null begin select raise(abort, 'plan_cerrado'); end;

-- trigger metas_cerrado_ins
CREATE TRIGGER metas_cerrado_ins before insert on metas when (select cerrado_at from planes where id = (select plan_id from acciones where id = NEW.accion_id)) is not null begin select raise(abort, 'plan_cerrado'); end;

-- trigger metas_cerrado_upd
CREATE TRIGGER metas_cerrado_upd before update of id, accion_id, texto, plazo, orden, created_at, updated_at, rotulo on metas
       when (select cerrado_at from planes where id = (select plan_id from acciones where id = OLD.accion_id)) is not null or (select cerrado_at from planes where id = (select plan_id from acciones where id = NEW.accion_id)) is not null begin select raise(abort, 'plan_cerrado'); end;

-- trigger objetivos_cerrado_del
CREATE TRIGGER objetivos_cerrado_del before delete on objetivos when (select cerrado_at from planes where id = OLD.plan_id) is not null begin select raise(abort, 'plan_cerrado'); end;

-- trigger objetivos_cerrado_ins
CREATE TRIGGER objetivos_cerrado_ins before insert on objetivos when (select cerrado_at from planes where id = NEW.plan_id) is not null begin select raise(abort, 'plan_cerrado'); end;

-- trigger objetivos_cerrado_upd
CREATE TRIGGER objetivos_cerrado_upd before update of id, plan_id, eje_id, codigo, texto, orden, created_at, updated_at on objetivos
       when (select cerrado_at from planes where id = OLD.plan_id) is not null or (select cerrado_at from planes where id = NEW.plan_id) is not null begin select raise(abort, 'plan_cerrado'); end;

-- trigger planes_cerrado_del
CREATE TRIGGER planes_cerrado_del before delete on planes
           when OLD.cerrado_at is not null begin select raise(abort, 'plan_cerrado'); end;

-- trigger planes_cerrado_upd
CREATE TRIGGER planes_cerrado_upd before update on planes
           when OLD.cerrado_at is not null begin select raise(abort, 'plan_cerrado'); end;

-- trigger puntos_tabla_sellada_del
CREATE TRIGGER puntos_tabla_sellada_del before delete on puntos_tabla when (select estado from sesiones where id = OLD.sesion_id) = 'aprobada' begin select raise(abort, 'acta_aprobada'); end;

-- trigger puntos_tabla_sellada_ins
CREATE TRIGGER puntos_tabla_sellada_ins before insert on puntos_tabla when (select estado from sesiones where id = NEW.sesion_id) = 'aprobada' begin select raise(abort, 'acta_aprobada'); end;

-- trigger puntos_tabla_sellada_upd
CREATE TRIGGER puntos_tabla_sellada_upd before update of sesion_id, titulo, desarrollo, tipo, orden, created_at, updated_at on puntos_tabla when (select estado from sesiones where id = OLD.sesion_id) = 'aprobada' or (select estado from sesiones where id = NEW.sesion_id) = 'aprobada' begin select raise(abort, 'acta_aprobada'); end;

-- trigger seguimientos_cierre_del
CREATE TRIGGER seguimientos_cierre_del after delete on seguimientos begin
     update acuerdos_cierre set cerrado_en = coalesce((
    select case when sg.estado = 'cumplido' then s.fecha || ' ' || s.created_at else '~' end
    from seguimientos sg join sesiones s on s.id = sg.sesion_id
    where sg.acuerdo_id = old.acuerdo_id
    order by s.fecha desc, sg.created_at desc limit 1), '~') where acuerdo_id = old.acuerdo_id;
   end;

-- trigger seguimientos_cierre_ins
CREATE TRIGGER seguimientos_cierre_ins after insert on seguimientos begin
     update acuerdos_cierre set cerrado_en = coalesce((
    select case when sg.estado = 'cumplido' then s.fecha || ' ' || s.created_at else '~' end
    from seguimientos sg join sesiones s on s.id = sg.sesion_id
    where sg.acuerdo_id = new.acuerdo_id
    order by s.fecha desc, sg.created_at desc limit 1), '~') where acuerdo_id = new.acuerdo_id;
   end;

-- trigger seguimientos_cierre_upd
CREATE TRIGGER seguimientos_cierre_upd after update on seguimientos begin
     update acuerdos_cierre set cerrado_en = coalesce((
    select case when sg.estado = 'cumplido' then s.fecha || ' ' || s.created_at else '~' end
    from seguimientos sg join sesiones s on s.id = sg.sesion_id
    where sg.acuerdo_id = old.acuerdo_id
    order by s.fecha desc, sg.created_at desc limit 1), '~') where acuerdo_id = old.acuerdo_id;
     update acuerdos_cierre set cerrado_en = coalesce((
    select case when sg.estado = 'cumplido' then s.fecha || ' ' || s.created_at else '~' end
    from seguimientos sg join sesiones s on s.id = sg.sesion_id
    where sg.acuerdo_id = new.acuerdo_id
    order by s.fecha desc, sg.created_at desc limit 1), '~') where acuerdo_id = new.acuerdo_id;
   end;

-- trigger seguimientos_sellada_del
CREATE TRIGGER seguimientos_sellada_del before delete on seguimientos when (select estado from sesiones where id = OLD.sesion_id) = 'aprobada' begin select raise(abort, 'acta_aprobada'); end;

-- trigger seguimientos_sellada_ins
CREATE TRIGGER seguimientos_sellada_ins before insert on seguimientos when (select estado from sesiones where id = NEW.sesion_id) = 'aprobada' begin select raise(abort, 'acta_aprobada'); end;

-- trigger seguimientos_sellada_upd
CREATE TRIGGER seguimientos_sellada_upd before update of acuerdo_id, sesion_id, estado, nota, created_at, updated_at on seguimientos when (select estado from sesiones where id = OLD.sesion_id) = 'aprobada' or (select estado from sesiones where id = NEW.sesion_id) = 'aprobada' begin select raise(abort, 'acta_aprobada'); end;

-- trigger sellos_acciones_delete
CREATE TRIGGER "sellos_acciones_delete" after delete on "acciones"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
     select 'acciones', old.id, '_borrado', mitp_sello((select id from instalacion), (select max(sello) from sellos)) where true
     on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
     end;

-- trigger sellos_acciones_insert
CREATE TRIGGER "sellos_acciones_insert" after insert on "acciones"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
     select 'acciones', new.id, '*', mitp_sello((select id from instalacion), (select max(sello) from sellos)) where true
     on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
       update sellos set sello = (select sello from sellos where tabla = 'acciones' and fila_id = new.id
           and campo = '*')
         where tabla = 'acciones' and fila_id = new.id and campo = '_borrado';
     end;

-- trigger sellos_acciones_update
CREATE TRIGGER "sellos_acciones_update" after update on "acciones" when old."plan_id" is not new."plan_id" or old."objetivo_id" is not new."objetivo_id" or old."codigo" is not new."codigo" or old."texto" is not new."texto" or old."instancia_id" is not new."instancia_id" or old."responsables" is not new."responsables" or old."orden" is not new."orden" or old."rotulo_indicadores" is not new."rotulo_indicadores" or old."separador_codigo" is not new."separador_codigo"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
         select 'acciones', new.id, c.column1, s.sello
         from (select mitp_sello((select id from instalacion), (select max(sello) from sellos)) as sello) s, (values ('plan_id', old."plan_id" is not new."plan_id"), ('objetivo_id', old."objetivo_id" is not new."objetivo_id"), ('codigo', old."codigo" is not new."codigo"), ('texto', old."texto" is not new."texto"), ('instancia_id', old."instancia_id" is not new."instancia_id"), ('responsables', old."responsables" is not new."responsables"), ('orden', old."orden" is not new."orden"), ('rotulo_indicadores', old."rotulo_indicadores" is not new."rotulo_indicadores"), ('separador_codigo', old."separador_codigo" is not new."separador_codigo")) c
         where c.column2
         on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
     end;

-- trigger sellos_acuerdos_delete
CREATE TRIGGER "sellos_acuerdos_delete" after delete on "acuerdos"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
     select 'acuerdos', old.id, '_borrado', mitp_sello((select id from instalacion), (select max(sello) from sellos)) where true
     on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
     end;

-- trigger sellos_acuerdos_insert
CREATE TRIGGER "sellos_acuerdos_insert" after insert on "acuerdos"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
     select 'acuerdos', new.id, '*', mitp_sello((select id from instalacion), (select max(sello) from sellos)) where true
     on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
       update sellos set sello = (select sello from sellos where tabla = 'acuerdos' and fila_id = new.id
           and campo = '*')
         where tabla = 'acuerdos' and fila_id = new.id and campo = '_borrado';
     end;

-- trigger sellos_acuerdos_update
CREATE TRIGGER "sellos_acuerdos_update" after update on "acuerdos" when old."sesion_id" is not new."sesion_id" or old."numero" is not new."numero" or old."texto" is not new."texto" or old."institucion_id" is not new."institucion_id" or old."persona_id" is not new."persona_id" or old."responsable" is not new."responsable" or old."plazo" is not new."plazo" or old."accion_id" is not new."accion_id" or old."accion_codigo" is not new."accion_codigo"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
         select 'acuerdos', new.id, c.column1, s.sello
         from (select mitp_sello((select id from instalacion), (select max(sello) from sellos)) as sello) s, (values ('sesion_id', old."sesion_id" is not new."sesion_id"), ('numero', old."numero" is not new."numero"), ('texto', old."texto" is not new."texto"), ('institucion_id', old."institucion_id" is not new."institucion_id"), ('persona_id', old."persona_id" is not new."persona_id"), ('responsable', old."responsable" is not new."responsable"), ('plazo', old."plazo" is not new."plazo"), ('accion_id', old."accion_id" is not new."accion_id"), ('accion_codigo', old."accion_codigo" is not new."accion_codigo")) c
         where c.column2
         on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
     end;

-- trigger sellos_asistencias_delete
CREATE TRIGGER "sellos_asistencias_delete" after delete on "asistencias"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
     select 'asistencias', old.id, '_borrado', mitp_sello((select id from instalacion), (select max(sello) from sellos)) where true
     on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
     end;

-- trigger sellos_asistencias_insert
CREATE TRIGGER "sellos_asistencias_insert" after insert on "asistencias"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
     select 'asistencias', new.id, '*', mitp_sello((select id from instalacion), (select max(sello) from sellos)) where true
     on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
       update sellos set sello = (select sello from sellos where tabla = 'asistencias' and fila_id = new.id
           and campo = '*')
         where tabla = 'asistencias' and fila_id = new.id and campo = '_borrado';
     end;

-- trigger sellos_asistencias_update
CREATE TRIGGER "sellos_asistencias_update" after update on "asistencias" when old."sesion_id" is not new."sesion_id" or old."persona_id" is not new."persona_id" or old."nombre" is not new."nombre" or old."cargo" is not new."cargo" or old."institucion" is not new."institucion" or old."calidad" is not new."calidad" or old."estado" is not new."estado" or old."motivo" is not new."motivo" or old."orden" is not new."orden"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
         select 'asistencias', new.id, c.column1, s.sello
         from (select mitp_sello((select id from instalacion), (select max(sello) from sellos)) as sello) s, (values ('sesion_id', old."sesion_id" is not new."sesion_id"), ('persona_id', old."persona_id" is not new."persona_id"), ('nombre', old."nombre" is not new."nombre"), ('cargo', old."cargo" is not new."cargo"), ('institucion', old."institucion" is not new."institucion"), ('calidad', old."calidad" is not new."calidad"), ('estado', old."estado" is not new."estado"), ('motivo', old."motivo" is not new."motivo"), ('orden', old."orden" is not new."orden")) c
         where c.column2
         on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
     end;

-- trigger sellos_avances_delete
CREATE TRIGGER "sellos_avances_delete" after delete on "avances"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
     select 'avances', old.id, '_borrado', mitp_sello((select id from instalacion), (select max(sello) from sellos)) where true
     on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
     end;

-- trigger sellos_avances_insert
CREATE TRIGGER "sellos_avances_insert" after insert on "avances"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
     select 'avances', new.id, '*', mitp_sello((select id from instalacion), (select max(sello) from sellos)) where true
     on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
       update sellos set sello = (select sello from sellos where tabla = 'avances' and fila_id = new.id
           and campo = '*')
         where tabla = 'avances' and fila_id = new.id and campo = '_borrado';
     end;

-- trigger sellos_avances_update
CREATE TRIGGER "sellos_avances_update" after update on "avances" when old."sesion_id" is not new."sesion_id" or old."accion_id" is not new."accion_id" or old."accion_codigo" is not new."accion_codigo" or old."estado" is not new."estado" or old."porcentaje" is not new."porcentaje" or old."reporte" is not new."reporte"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
         select 'avances', new.id, c.column1, s.sello
         from (select mitp_sello((select id from instalacion), (select max(sello) from sellos)) as sello) s, (values ('sesion_id', old."sesion_id" is not new."sesion_id"), ('accion_id', old."accion_id" is not new."accion_id"), ('accion_codigo', old."accion_codigo" is not new."accion_codigo"), ('estado', old."estado" is not new."estado"), ('porcentaje', old."porcentaje" is not new."porcentaje"), ('reporte', old."reporte" is not new."reporte")) c
         where c.column2
         on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
     end;

-- trigger sellos_ejes_delete
CREATE TRIGGER "sellos_ejes_delete" after delete on "ejes"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
     select 'ejes', old.id, '_borrado', mitp_sello((select id from instalacion), (select max(sello) from sellos)) where true
     on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
     end;

-- trigger sellos_ejes_insert
CREATE TRIGGER "sellos_ejes_insert" after insert on "ejes"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
     select 'ejes', new.id, '*', mitp_sello((select id from instalacion), (select max(sello) from sellos)) where true
     on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
       update sellos set sello = (select sello from sellos where tabla = 'ejes' and fila_id = new.id
           and campo = '*')
         where tabla = 'ejes' and fila_id = new.id and campo = '_borrado';
     end;

-- trigger sellos_ejes_update
CREATE TRIGGER "sellos_ejes_update" after update on "ejes" when old."plan_id" is not new."plan_id" or old."codigo" is not new."codigo" or old."nombre" is not new."nombre" or old."orden" is not new."orden"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
         select 'ejes', new.id, c.column1, s.sello
         from (select mitp_sello((select id from instalacion), (select max(sello) from sellos)) as sello) s, (values ('plan_id', old."plan_id" is not new."plan_id"), ('codigo', old."codigo" is not new."codigo"), ('nombre', old."nombre" is not new."nombre"), ('orden', old."orden" is not new."orden")) c
         where c.column2
         on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
     end;

-- trigger sellos_fe_erratas_delete
CREATE TRIGGER "sellos_fe_erratas_delete" after delete on "fe_erratas"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
     select 'fe_erratas', old.id, '_borrado', mitp_sello((select id from instalacion), (select max(sello) from sellos)) where true
     on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
     end;

-- trigger sellos_fe_erratas_insert
CREATE TRIGGER "sellos_fe_erratas_insert" after insert on "fe_erratas"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
     select 'fe_erratas', new.id, '*', mitp_sello((select id from instalacion), (select max(sello) from sellos)) where true
     on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
       update sellos set sello = (select sello from sellos where tabla = 'fe_erratas' and fila_id = new.id
           and campo = '*')
         where tabla = 'fe_erratas' and fila_id = new.id and campo = '_borrado';
     end;

-- trigger sellos_fe_erratas_update
CREATE TRIGGER "sellos_fe_erratas_update" after update on "fe_erratas" when old."sesion_id" is not new."sesion_id" or old."texto" is not new."texto" or old."fecha" is not new."fecha"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
         select 'fe_erratas', new.id, c.column1, s.sello
         from (select mitp_sello((select id from instalacion), (select max(sello) from sellos)) as sello) s, (values ('sesion_id', old."sesion_id" is not new."sesion_id"), ('texto', old."texto" is not new."texto"), ('fecha', old."fecha" is not new."fecha")) c
         where c.column2
         on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
     end;

-- trigger sellos_indicadores_delete
CREATE TRIGGER "sellos_indicadores_delete" after delete on "indicadores"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
     select 'indicadores', old.id, '_borrado', mitp_sello((select id from instalacion), (select max(sello) from sellos)) where true
     on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
     end;

-- trigger sellos_indicadores_insert
CREATE TRIGGER "sellos_indicadores_insert" after insert on "indicadores"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
     select 'indicadores', new.id, '*', mitp_sello((select id from instalacion), (select max(sello) from sellos)) where true
     on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
       update sellos set sello = (select sello from sellos where tabla = 'indicadores' and fila_id = new.id
           and campo = '*')
         where tabla = 'indicadores' and fila_id = new.id and campo = '_borrado';
     end;

-- trigger sellos_indicadores_update
CREATE TRIGGER "sellos_indicadores_update" after update on "indicadores" when old."accion_id" is not new."accion_id" or old."texto" is not new."texto" or old."tipo" is not new."tipo" or old."numerador" is not new."numerador" or old."denominador" is not new."denominador" or old."orden" is not new."orden" or old."vineta" is not new."vineta" or old."meta_valor" is not new."meta_valor"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
         select 'indicadores', new.id, c.column1, s.sello
         from (select mitp_sello((select id from instalacion), (select max(sello) from sellos)) as sello) s, (values ('accion_id', old."accion_id" is not new."accion_id"), ('texto', old."texto" is not new."texto"), ('tipo', old."tipo" is not new."tipo"), ('numerador', old."numerador" is not new."numerador"), ('denominador', old."denominador" is not new."denominador"), ('orden', old."orden" is not new."orden"), ('vineta', old."vineta" is not new."vineta"), ('meta_valor', old."meta_valor" is not new."meta_valor")) c
         where c.column2
         on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
     end;

-- trigger sellos_instancias_delete
CREATE TRIGGER "sellos_instancias_delete" after delete on "instancias"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
     select 'instancias', old.id, '_borrado', mitp_sello((select id from instalacion), (select max(sello) from sellos)) where true
     on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
     end;

-- trigger sellos_instancias_insert
CREATE TRIGGER "sellos_instancias_insert" after insert on "instancias"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
     select 'instancias', new.id, '*', mitp_sello((select id from instalacion), (select max(sello) from sellos)) where true
     on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
       update sellos set sello = (select sello from sellos where tabla = 'instancias' and fila_id = new.id
           and campo = '*')
         where tabla = 'instancias' and fila_id = new.id and campo = '_borrado';
     end;

-- trigger sellos_instancias_update
CREATE TRIGGER "sellos_instancias_update" after update on "instancias" when old."codigo" is not new."codigo" or old."nombre" is not new."nombre" or old."coordinador" is not new."coordinador" or old."secretaria_actas" is not new."secretaria_actas" or old."orden" is not new."orden"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
         select 'instancias', new.id, c.column1, s.sello
         from (select mitp_sello((select id from instalacion), (select max(sello) from sellos)) as sello) s, (values ('codigo', old."codigo" is not new."codigo"), ('nombre', old."nombre" is not new."nombre"), ('coordinador', old."coordinador" is not new."coordinador"), ('secretaria_actas', old."secretaria_actas" is not new."secretaria_actas"), ('orden', old."orden" is not new."orden")) c
         where c.column2
         on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
     end;

-- trigger sellos_instituciones_delete
CREATE TRIGGER "sellos_instituciones_delete" after delete on "instituciones"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
     select 'instituciones', old.id, '_borrado', mitp_sello((select id from instalacion), (select max(sello) from sellos)) where true
     on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
     end;

-- trigger sellos_instituciones_insert
CREATE TRIGGER "sellos_instituciones_insert" after insert on "instituciones"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
     select 'instituciones', new.id, '*', mitp_sello((select id from instalacion), (select max(sello) from sellos)) where true
     on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
       update sellos set sello = (select sello from sellos where tabla = 'instituciones' and fila_id = new.id
           and campo = '*')
         where tabla = 'instituciones' and fila_id = new.id and campo = '_borrado';
     end;

-- trigger sellos_instituciones_update
CREATE TRIGGER "sellos_instituciones_update" after update on "instituciones" when old."sigla" is not new."sigla" or old."nombre" is not new."nombre" or old."orden" is not new."orden"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
         select 'instituciones', new.id, c.column1, s.sello
         from (select mitp_sello((select id from instalacion), (select max(sello) from sellos)) as sello) s, (values ('sigla', old."sigla" is not new."sigla"), ('nombre', old."nombre" is not new."nombre"), ('orden', old."orden" is not new."orden")) c
         where c.column2
         on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
     end;

-- trigger sellos_mediciones_delete
CREATE TRIGGER "sellos_mediciones_delete" after delete on "mediciones"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
     select 'mediciones', old.id, '_borrado', mitp_sello((select id from instalacion), (select max(sello) from sellos)) where true
     on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
     end;

-- trigger sellos_mediciones_insert
CREATE TRIGGER "sellos_mediciones_insert" after insert on "mediciones"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
     select 'mediciones', new.id, '*', mitp_sello((select id from instalacion), (select max(sello) from sellos)) where true
     on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
       update sellos set sello = (select sello from sellos where tabla = 'mediciones' and fila_id = new.id
           and campo = '*')
         where tabla = 'mediciones' and fila_id = new.id and campo = '_borrado';
     end;

-- trigger sellos_mediciones_update
CREATE TRIGGER "sellos_mediciones_update" after update on "mediciones" when old."sesion_id" is not new."sesion_id" or old."indicador_id" is not new."indicador_id" or old."accion_codigo" is not new."accion_codigo" or old."indicador_texto" is not new."indicador_texto" or old."tipo" is not new."tipo" or old."valor" is not new."valor" or old."numerador" is not new."numerador" or old."denominador" is not new."denominador" or old."fecha_corte" is not new."fecha_corte" or old."nota" is not new."nota"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
         select 'mediciones', new.id, c.column1, s.sello
         from (select mitp_sello((select id from instalacion), (select max(sello) from sellos)) as sello) s, (values ('sesion_id', old."sesion_id" is not new."sesion_id"), ('indicador_id', old."indicador_id" is not new."indicador_id"), ('accion_codigo', old."accion_codigo" is not new."accion_codigo"), ('indicador_texto', old."indicador_texto" is not new."indicador_texto"), ('tipo', old."tipo" is not new."tipo"), ('valor', old."valor" is not new."valor"), ('numerador', old."numerador" is not new."numerador"), ('denominador', old."denominador" is not new."denominador"), ('fecha_corte', old."fecha_corte" is not new."fecha_corte"), ('nota', old."nota" is not new."nota")) c
         where c.column2
         on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
     end;

-- trigger sellos_metas_delete
CREATE TRIGGER "sellos_metas_delete" after delete on "metas"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
     select 'metas', old.id, '_borrado', mitp_sello((select id from instalacion), (select max(sello) from sellos)) where true
     on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
     end;

-- trigger sellos_metas_insert
CREATE TRIGGER "sellos_metas_insert" after insert on "metas"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
     select 'metas', new.id, '*', mitp_sello((select id from instalacion), (select max(sello) from sellos)) where true
     on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
       update sellos set sello = (select sello from sellos where tabla = 'metas' and fila_id = new.id
           and campo = '*')
         where tabla = 'metas' and fila_id = new.id and campo = '_borrado';
     end;

-- trigger sellos_metas_update
CREATE TRIGGER "sellos_metas_update" after update on "metas" when old."accion_id" is not new."accion_id" or old."texto" is not new."texto" or old."plazo" is not new."plazo" or old."orden" is not new."orden" or old."rotulo" is not new."rotulo"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
         select 'metas', new.id, c.column1, s.sello
         from (select mitp_sello((select id from instalacion), (select max(sello) from sellos)) as sello) s, (values ('accion_id', old."accion_id" is not new."accion_id"), ('texto', old."texto" is not new."texto"), ('plazo', old."plazo" is not new."plazo"), ('orden', old."orden" is not new."orden"), ('rotulo', old."rotulo" is not new."rotulo")) c
         where c.column2
         on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
     end;

-- trigger sellos_miembros_delete
CREATE TRIGGER "sellos_miembros_delete" after delete on "miembros"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
     select 'miembros', old.id, '_borrado', mitp_sello((select id from instalacion), (select max(sello) from sellos)) where true
     on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
     end;

-- trigger sellos_miembros_insert
CREATE TRIGGER "sellos_miembros_insert" after insert on "miembros"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
     select 'miembros', new.id, '*', mitp_sello((select id from instalacion), (select max(sello) from sellos)) where true
     on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
       update sellos set sello = (select sello from sellos where tabla = 'miembros' and fila_id = new.id
           and campo = '*')
         where tabla = 'miembros' and fila_id = new.id and campo = '_borrado';
     end;

-- trigger sellos_miembros_update
CREATE TRIGGER "sellos_miembros_update" after update on "miembros" when old."instancia_id" is not new."instancia_id" or old."persona_id" is not new."persona_id" or old."calidad" is not new."calidad"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
         select 'miembros', new.id, c.column1, s.sello
         from (select mitp_sello((select id from instalacion), (select max(sello) from sellos)) as sello) s, (values ('instancia_id', old."instancia_id" is not new."instancia_id"), ('persona_id', old."persona_id" is not new."persona_id"), ('calidad', old."calidad" is not new."calidad")) c
         where c.column2
         on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
     end;

-- trigger sellos_objetivos_delete
CREATE TRIGGER "sellos_objetivos_delete" after delete on "objetivos"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
     select 'objetivos', old.id, '_borrado', mitp_sello((select id from instalacion), (select max(sello) from sellos)) where true
     on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
     end;

-- trigger sellos_objetivos_insert
CREATE TRIGGER "sellos_objetivos_insert" after insert on "objetivos"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
     select 'objetivos', new.id, '*', mitp_sello((select id from instalacion), (select max(sello) from sellos)) where true
     on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
       update sellos set sello = (select sello from sellos where tabla = 'objetivos' and fila_id = new.id
           and campo = '*')
         where tabla = 'objetivos' and fila_id = new.id and campo = '_borrado';
     end;

-- trigger sellos_objetivos_update
CREATE TRIGGER "sellos_objetivos_update" after update on "objetivos" when old."plan_id" is not new."plan_id" or old."eje_id" is not new."eje_id" or old."codigo" is not new."codigo" or old."texto" is not new."texto" or old."orden" is not new."orden"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
         select 'objetivos', new.id, c.column1, s.sello
         from (select mitp_sello((select id from instalacion), (select max(sello) from sellos)) as sello) s, (values ('plan_id', old."plan_id" is not new."plan_id"), ('eje_id', old."eje_id" is not new."eje_id"), ('codigo', old."codigo" is not new."codigo"), ('texto', old."texto" is not new."texto"), ('orden', old."orden" is not new."orden")) c
         where c.column2
         on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
     end;

-- trigger sellos_personas_delete
CREATE TRIGGER "sellos_personas_delete" after delete on "personas"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
     select 'personas', old.id, '_borrado', mitp_sello((select id from instalacion), (select max(sello) from sellos)) where true
     on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
     end;

-- trigger sellos_personas_insert
CREATE TRIGGER "sellos_personas_insert" after insert on "personas"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
     select 'personas', new.id, '*', mitp_sello((select id from instalacion), (select max(sello) from sellos)) where true
     on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
       update sellos set sello = (select sello from sellos where tabla = 'personas' and fila_id = new.id
           and campo = '*')
         where tabla = 'personas' and fila_id = new.id and campo = '_borrado';
     end;

-- trigger sellos_personas_update
CREATE TRIGGER "sellos_personas_update" after update on "personas" when old."nombre" is not new."nombre" or old."cargo" is not new."cargo" or old."institucion_id" is not new."institucion_id" or old."correo" is not new."correo" or old."telefono" is not new."telefono"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
         select 'personas', new.id, c.column1, s.sello
         from (select mitp_sello((select id from instalacion), (select max(sello) from sellos)) as sello) s, (values ('nombre', old."nombre" is not new."nombre"), ('cargo', old."cargo" is not new."cargo"), ('institucion_id', old."institucion_id" is not new."institucion_id"), ('correo', old."correo" is not new."correo"), ('telefono', old."telefono" is not new."telefono")) c
         where c.column2
         on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
     end;

-- trigger sellos_planes_delete
CREATE TRIGGER "sellos_planes_delete" after delete on "planes"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
     select 'planes', old.id, '_borrado', mitp_sello((select id from instalacion), (select max(sello) from sellos)) where true
     on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
     end;

-- trigger sellos_planes_insert
CREATE TRIGGER "sellos_planes_insert" after insert on "planes"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
     select 'planes', new.id, '*', mitp_sello((select id from instalacion), (select max(sello) from sellos)) where true
     on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
       update sellos set sello = (select sello from sellos where tabla = 'planes' and fila_id = new.id
           and campo = '*')
         where tabla = 'planes' and fila_id = new.id and campo = '_borrado';
     end;

-- trigger sellos_planes_update
CREATE TRIGGER "sellos_planes_update" after update on "planes" when old."nombre" is not new."nombre" or old."periodo_desde" is not new."periodo_desde" or old."periodo_hasta" is not new."periodo_hasta" or old."cerrado_at" is not new."cerrado_at"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
         select 'planes', new.id, c.column1, s.sello
         from (select mitp_sello((select id from instalacion), (select max(sello) from sellos)) as sello) s, (values ('nombre', old."nombre" is not new."nombre"), ('periodo_desde', old."periodo_desde" is not new."periodo_desde"), ('periodo_hasta', old."periodo_hasta" is not new."periodo_hasta"), ('cerrado_at', old."cerrado_at" is not new."cerrado_at")) c
         where c.column2
         on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
     end;

-- trigger sellos_puntos_tabla_delete
CREATE TRIGGER "sellos_puntos_tabla_delete" after delete on "puntos_tabla"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
     select 'puntos_tabla', old.id, '_borrado', mitp_sello((select id from instalacion), (select max(sello) from sellos)) where true
     on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
     end;

-- trigger sellos_puntos_tabla_insert
CREATE TRIGGER "sellos_puntos_tabla_insert" after insert on "puntos_tabla"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
     select 'puntos_tabla', new.id, '*', mitp_sello((select id from instalacion), (select max(sello) from sellos)) where true
     on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
       update sellos set sello = (select sello from sellos where tabla = 'puntos_tabla' and fila_id = new.id
           and campo = '*')
         where tabla = 'puntos_tabla' and fila_id = new.id and campo = '_borrado';
     end;

-- trigger sellos_puntos_tabla_update
CREATE TRIGGER "sellos_puntos_tabla_update" after update on "puntos_tabla" when old."sesion_id" is not new."sesion_id" or old."titulo" is not new."titulo" or old."desarrollo" is not new."desarrollo" or old."tipo" is not new."tipo" or old."orden" is not new."orden"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
         select 'puntos_tabla', new.id, c.column1, s.sello
         from (select mitp_sello((select id from instalacion), (select max(sello) from sellos)) as sello) s, (values ('sesion_id', old."sesion_id" is not new."sesion_id"), ('titulo', old."titulo" is not new."titulo"), ('desarrollo', old."desarrollo" is not new."desarrollo"), ('tipo', old."tipo" is not new."tipo"), ('orden', old."orden" is not new."orden")) c
         where c.column2
         on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
     end;

-- trigger sellos_seguimientos_delete
CREATE TRIGGER "sellos_seguimientos_delete" after delete on "seguimientos"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
     select 'seguimientos', old.id, '_borrado', mitp_sello((select id from instalacion), (select max(sello) from sellos)) where true
     on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
     end;

-- trigger sellos_seguimientos_insert
CREATE TRIGGER "sellos_seguimientos_insert" after insert on "seguimientos"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
     select 'seguimientos', new.id, '*', mitp_sello((select id from instalacion), (select max(sello) from sellos)) where true
     on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
       update sellos set sello = (select sello from sellos where tabla = 'seguimientos' and fila_id = new.id
           and campo = '*')
         where tabla = 'seguimientos' and fila_id = new.id and campo = '_borrado';
     end;

-- trigger sellos_seguimientos_update
CREATE TRIGGER "sellos_seguimientos_update" after update on "seguimientos" when old."acuerdo_id" is not new."acuerdo_id" or old."sesion_id" is not new."sesion_id" or old."estado" is not new."estado" or old."nota" is not new."nota"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
         select 'seguimientos', new.id, c.column1, s.sello
         from (select mitp_sello((select id from instalacion), (select max(sello) from sellos)) as sello) s, (values ('acuerdo_id', old."acuerdo_id" is not new."acuerdo_id"), ('sesion_id', old."sesion_id" is not new."sesion_id"), ('estado', old."estado" is not new."estado"), ('nota', old."nota" is not new."nota")) c
         where c.column2
         on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
     end;

-- trigger sellos_sesiones_delete
CREATE TRIGGER "sellos_sesiones_delete" after delete on "sesiones"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
     select 'sesiones', old.id, '_borrado', mitp_sello((select id from instalacion), (select max(sello) from sellos)) where true
     on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
     end;

-- trigger sellos_sesiones_insert
CREATE TRIGGER "sellos_sesiones_insert" after insert on "sesiones"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
     select 'sesiones', new.id, '*', mitp_sello((select id from instalacion), (select max(sello) from sellos)) where true
     on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
       update sellos set sello = (select sello from sellos where tabla = 'sesiones' and fila_id = new.id
           and campo = '*')
         where tabla = 'sesiones' and fila_id = new.id and campo = '_borrado';
     end;

-- trigger sellos_sesiones_update
CREATE TRIGGER "sellos_sesiones_update" after update on "sesiones" when old."instancia_id" is not new."instancia_id" or old."tipo" is not new."tipo" or old."numero" is not new."numero" or old."anio" is not new."anio" or old."fecha" is not new."fecha" or old."hora_inicio" is not new."hora_inicio" or old."hora_termino" is not new."hora_termino" or old."lugar" is not new."lugar" or old."modalidad" is not new."modalidad" or old."preside" is not new."preside" or old."estado" is not new."estado" or old."proxima_fecha" is not new."proxima_fecha" or old."proxima_lugar" is not new."proxima_lugar" or old."cerrada_at" is not new."cerrada_at" or old."aprobada_at" is not new."aprobada_at" or old."aprobada_en_sesion_id" is not new."aprobada_en_sesion_id" or old."observaciones_aprobacion" is not new."observaciones_aprobacion" or old."hash" is not new."hash" or old."contenido_aprobado" is not new."contenido_aprobado" or old."aprobada_en_titulo" is not new."aprobada_en_titulo" or old."aprobada_secretaria" is not new."aprobada_secretaria" or old."hash_anterior" is not new."hash_anterior" or old."secretaria_subrogante_id" is not new."secretaria_subrogante_id" or old."presidente_id" is not new."presidente_id"
     begin
       insert into sellos (tabla, fila_id, campo, sello)
         select 'sesiones', new.id, c.column1, s.sello
         from (select mitp_sello((select id from instalacion), (select max(sello) from sellos)) as sello) s, (values ('instancia_id', old."instancia_id" is not new."instancia_id"), ('tipo', old."tipo" is not new."tipo"), ('numero', old."numero" is not new."numero"), ('anio', old."anio" is not new."anio"), ('fecha', old."fecha" is not new."fecha"), ('hora_inicio', old."hora_inicio" is not new."hora_inicio"), ('hora_termino', old."hora_termino" is not new."hora_termino"), ('lugar', old."lugar" is not new."lugar"), ('modalidad', old."modalidad" is not new."modalidad"), ('preside', old."preside" is not new."preside"), ('estado', old."estado" is not new."estado"), ('proxima_fecha', old."proxima_fecha" is not new."proxima_fecha"), ('proxima_lugar', old."proxima_lugar" is not new."proxima_lugar"), ('cerrada_at', old."cerrada_at" is not new."cerrada_at"), ('aprobada_at', old."aprobada_at" is not new."aprobada_at"), ('aprobada_en_sesion_id', old."aprobada_en_sesion_id" is not new."aprobada_en_sesion_id"), ('observaciones_aprobacion', old."observaciones_aprobacion" is not new."observaciones_aprobacion"), ('hash', old."hash" is not new."hash"), ('contenido_aprobado', old."contenido_aprobado" is not new."contenido_aprobado"), ('aprobada_en_titulo', old."aprobada_en_titulo" is not new."aprobada_en_titulo"), ('aprobada_secretaria', old."aprobada_secretaria" is not new."aprobada_secretaria"), ('hash_anterior', old."hash_anterior" is not new."hash_anterior"), ('secretaria_subrogante_id', old."secretaria_subrogante_id" is not new."secretaria_subrogante_id"), ('presidente_id', old."presidente_id" is not new."presidente_id")) c
         where c.column2
         on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
     end;

-- trigger sesiones_cierre_fecha
CREATE TRIGGER sesiones_cierre_fecha after update of fecha, created_at on sesiones begin
     update acuerdos_cierre set cerrado_en = coalesce((
    select case when sg.estado = 'cumplido' then s.fecha || ' ' || s.created_at else '~' end
    from seguimientos sg join sesiones s on s.id = sg.sesion_id
    where sg.acuerdo_id = acuerdos_cierre.acuerdo_id
    order by s.fecha desc, sg.created_at desc limit 1), '~')
     where acuerdo_id in (select acuerdo_id from seguimientos where sesion_id = new.id);
   end;

-- trigger sesiones_sellada_del
CREATE TRIGGER sesiones_sellada_del before delete on sesiones when OLD.estado = 'aprobada' begin select raise(abort, 'acta_aprobada'); end;

-- trigger sesiones_sellada_upd
CREATE TRIGGER sesiones_sellada_upd before update on sesiones when OLD.estado = 'aprobada' begin select raise(abort, 'acta_aprobada'); end;

-- trigger sesiones_sello_ins
CREATE TRIGGER sesiones_sello_ins before insert on sesiones when NEW.estado = 'aprobada' and (NEW.hash is null or NEW.contenido_aprobado is null) begin select raise(abort, 'acta_sin_sello'); end;

-- trigger sesiones_sello_requerido
CREATE TRIGGER sesiones_sello_requerido before update of estado on sesiones when NEW.estado = 'aprobada' and (NEW.hash is null or NEW.contenido_aprobado is null) begin select raise(abort, 'acta_sin_sello'); end;

-- trigger sesiones_vida
CREATE TRIGGER sesiones_vida after update of fecha, created_at, instancia_id on sesiones begin
     update acuerdos_cierre set abierto_en = new.fecha || ' ' || new.created_at,
       instancia_id = new.instancia_id
     where acuerdo_id in (select id from acuerdos where sesion_id = new.id);
   end;
