import { sql, type Kysely } from 'kysely'
import type { Migration } from '../migration'

// Frozen in time: never edit after release; add a new migration instead.
// Full-text search over the plan, the actas, personas and instituciones: one FTS5 table with a
// title and a body column per row, folding case and accents ("proteccion" finds "Protección").
// Kept by triggers, so every write that changes a row changes its entry in the same transaction
// whatever code path makes it; a deleted row leaves the index with it. The seal triggers of 0003
// fire before these (BEFORE vs AFTER) and roll the whole statement back, entry included.
// `busqueda_filas` gives each entry a stable integer key (the FTS rowid) and says which row and
// kind it stands for: the source rows have text ids, and their own rowids may move on VACUUM.

/** Each indexed table: its kind, its title and body as SQL over the row `r`, and their columns. */
interface Fuente {
  tabla: string
  tipo: string
  titulo: (r: string) => string
  cuerpo: (r: string) => string
  columnas: readonly string[]
}

const nada = (): string => `''`
const campo = (c: string) => (r: string) => `coalesce(${r}.${c}, '')`
const campos =
  (...cs: string[]) =>
  (r: string) =>
    cs.map((c) => `coalesce(${r}.${c}, '')`).join(` || ' ' || `)

const cuerpoPersona = (r: string) =>
  `${campos('cargo', 'correo')(r)} || ' ' || coalesce((select i.sigla || ' ' || i.nombre
     from instituciones i where i.id = ${r}.institucion_id), '')`

export const FUENTES_0007: readonly Fuente[] = [
  { tabla: 'ejes', tipo: 'eje', titulo: campo('nombre'), cuerpo: nada, columnas: ['nombre'] },
  {
    tabla: 'objetivos',
    tipo: 'objetivo',
    titulo: campo('texto'),
    cuerpo: nada,
    columnas: ['texto']
  },
  {
    tabla: 'acciones',
    tipo: 'accion',
    titulo: campo('texto'),
    cuerpo: campo('responsables'),
    columnas: ['texto', 'responsables']
  },
  { tabla: 'metas', tipo: 'meta', titulo: nada, cuerpo: campo('texto'), columnas: ['texto'] },
  {
    tabla: 'indicadores',
    tipo: 'indicador',
    titulo: nada,
    cuerpo: campos('texto', 'numerador', 'denominador'),
    columnas: ['texto', 'numerador', 'denominador']
  },
  {
    tabla: 'instituciones',
    tipo: 'institucion',
    titulo: campos('sigla', 'nombre'),
    cuerpo: nada,
    columnas: ['sigla', 'nombre']
  },
  {
    // With the institución's name, so "SENAME" finds its people; kept by busqueda_instituciones_upd.
    tabla: 'personas',
    tipo: 'persona',
    titulo: campo('nombre'),
    cuerpo: cuerpoPersona,
    columnas: ['nombre', 'cargo', 'correo', 'institucion_id']
  },
  {
    tabla: 'sesiones',
    tipo: 'sesion',
    titulo: nada,
    cuerpo: campo('observaciones_aprobacion'),
    columnas: ['observaciones_aprobacion']
  },
  {
    tabla: 'puntos_tabla',
    tipo: 'punto',
    titulo: campo('titulo'),
    cuerpo: campo('desarrollo'),
    columnas: ['titulo', 'desarrollo']
  },
  {
    tabla: 'acuerdos',
    tipo: 'acuerdo',
    titulo: campo('texto'),
    cuerpo: campo('responsable'),
    columnas: ['texto', 'responsable']
  },
  {
    tabla: 'seguimientos',
    tipo: 'seguimiento',
    titulo: nada,
    cuerpo: campo('nota'),
    columnas: ['nota']
  },
  {
    tabla: 'avances',
    tipo: 'avance',
    titulo: nada,
    cuerpo: campo('reporte'),
    columnas: ['reporte']
  },
  {
    tabla: 'mediciones',
    tipo: 'medicion',
    titulo: nada,
    cuerpo: campo('nota'),
    columnas: ['nota']
  },
  { tabla: 'fe_erratas', tipo: 'errata', titulo: nada, cuerpo: campo('texto'), columnas: ['texto'] }
]

const fila = (r: string) => `(select fila from busqueda_filas where ref_id = ${r}.id)`

/** A renamed institución renames it in its people's entries too. */
const PERSONAS_DE_INSTITUCION = `create trigger busqueda_instituciones_personas
  after update of sigla, nombre on instituciones begin
    update busqueda set cuerpo = (select ${cuerpoPersona('p')}
      from personas p join busqueda_filas f on f.ref_id = p.id where f.fila = busqueda.rowid)
    where rowid in (select f.fila from personas p join busqueda_filas f on f.ref_id = p.id
      where p.institucion_id = new.id);
  end`

function triggersDe(f: Fuente): string[] {
  return [
    `create trigger busqueda_${f.tabla}_ins after insert on ${f.tabla} begin
       insert into busqueda_filas (tipo, ref_id) values ('${f.tipo}', new.id);
       insert into busqueda (rowid, titulo, cuerpo)
         values (${fila('new')}, ${f.titulo('new')}, ${f.cuerpo('new')});
     end`,
    `create trigger busqueda_${f.tabla}_upd after update of ${f.columnas.join(', ')} on ${f.tabla}
     begin
       update busqueda set titulo = ${f.titulo('new')}, cuerpo = ${f.cuerpo('new')}
         where rowid = ${fila('new')};
     end`,
    `create trigger busqueda_${f.tabla}_del after delete on ${f.tabla} begin
       delete from busqueda where rowid = ${fila('old')};
       delete from busqueda_filas where ref_id = old.id;
     end`
  ]
}

export const TRIGGERS_0007: readonly string[] = [
  ...FUENTES_0007.flatMap((f) => ['ins', 'upd', 'del'].map((op) => `busqueda_${f.tabla}_${op}`)),
  'busqueda_instituciones_personas'
]

export const m0007: Migration = {
  version: 7,
  name: 'busqueda',
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`create table busqueda_filas (
      fila integer primary key,
      tipo text not null,
      ref_id text not null unique
    )`.execute(db)
    // remove_diacritics 2 also folds letters with several accents; unicode61 folds case.
    await sql`create virtual table busqueda using fts5(
      titulo, cuerpo, tokenize = 'unicode61 remove_diacritics 2'
    )`.execute(db)
    for (const f of FUENTES_0007) {
      await sql
        .raw(`insert into busqueda_filas (tipo, ref_id) select '${f.tipo}', r.id from ${f.tabla} r`)
        .execute(db)
      await sql
        .raw(
          `insert into busqueda (rowid, titulo, cuerpo)
           select b.fila, ${f.titulo('r')}, ${f.cuerpo('r')}
           from ${f.tabla} r join busqueda_filas b on b.ref_id = r.id`
        )
        .execute(db)
      for (const t of triggersDe(f)) await sql.raw(t.replace(/\s+/g, ' ')).execute(db)
    }
    await sql.raw(PERSONAS_DE_INSTITUCION.replace(/\s+/g, ' ')).execute(db)
  }
}
