-- index acciones_instancia_idx
CREATE INDEX "acciones_instancia_idx" on "acciones" ("instancia_id");

-- index acciones_objetivo_idx
CREATE INDEX "acciones_objetivo_idx" on "acciones" ("objetivo_id");

-- index indicadores_accion_idx
CREATE INDEX "indicadores_accion_idx" on "indicadores" ("accion_id");

-- index metas_accion_idx
CREATE INDEX "metas_accion_idx" on "metas" ("accion_id");

-- index objetivos_eje_idx
CREATE INDEX "objetivos_eje_idx" on "objetivos" ("eje_id");

-- table acciones
CREATE TABLE "acciones" ("id" text primary key, "plan_id" text not null references "planes" ("id") on delete cascade, "objetivo_id" text not null references "objetivos" ("id") on delete cascade, "codigo" text not null, "texto" text not null, "instancia_id" text references "instancias" ("id") on delete set null, "responsables" text default '' not null, "orden" integer not null, "created_at" text not null, "updated_at" text not null, constraint "acciones_plan_codigo_uq" unique ("plan_id", "codigo"));

-- table app_settings
CREATE TABLE "app_settings" ("key" text primary key, "value" text not null, "updated_at" text not null);

-- table ejes
CREATE TABLE "ejes" ("id" text primary key, "plan_id" text not null references "planes" ("id") on delete cascade, "codigo" text not null, "nombre" text not null, "orden" integer not null, "created_at" text not null, "updated_at" text not null, constraint "ejes_plan_codigo_uq" unique ("plan_id", "codigo"));

-- table indicadores
CREATE TABLE "indicadores" ("id" text primary key, "accion_id" text not null references "acciones" ("id") on delete cascade, "texto" text not null, "tipo" text not null check (tipo in ('hito', 'conteo', 'porcentaje')), "numerador" text, "denominador" text, "orden" integer not null, "created_at" text not null, "updated_at" text not null);

-- table instancias
CREATE TABLE "instancias" ("id" text primary key, "codigo" text not null unique, "nombre" text not null, "coordinador" text, "secretaria_actas" text, "orden" integer not null, "created_at" text not null, "updated_at" text not null);

-- table instituciones
CREATE TABLE "instituciones" ("id" text primary key, "sigla" text not null unique, "nombre" text not null, "orden" integer not null, "created_at" text not null, "updated_at" text not null);

-- table metas
CREATE TABLE "metas" ("id" text primary key, "accion_id" text not null references "acciones" ("id") on delete cascade, "texto" text not null, "plazo" text, "orden" integer not null, "created_at" text not null, "updated_at" text not null);

-- table objetivos
CREATE TABLE "objetivos" ("id" text primary key, "plan_id" text not null references "planes" ("id") on delete cascade, "eje_id" text not null references "ejes" ("id") on delete cascade, "codigo" text not null, "texto" text not null, "orden" integer not null, "created_at" text not null, "updated_at" text not null, constraint "objetivos_plan_codigo_uq" unique ("plan_id", "codigo"));

-- table planes
CREATE TABLE "planes" ("id" text primary key, "nombre" text not null, "periodo_desde" text not null, "periodo_hasta" text not null, "created_at" text not null, "updated_at" text not null);

-- table schema_migrations
CREATE TABLE "schema_migrations" ("version" integer primary key, "name" text not null, "applied_at" text not null);

-- table tombstones
CREATE TABLE "tombstones" ("id" text primary key, "tabla" text not null, "deleted_at" text not null);
