import crypto from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import type { Migration } from '../migration'
import { contenidoV1, tituloDe } from './0003_contenido_v1'

// Frozen in time: never edit after release; add a new migration instead.
// An approved acta is sealed by the database itself: triggers refuse every write to its rows,
// whichever code path attempts it, and its content is kept as the exact text that was hashed.

/** The message every lock trigger raises; the core turns it into the Spanish refusal. */
const LOCK = 'acta_aprobada'

/** Rows that belong to a session, and the columns that only link to other rows (FK set null). */
const HIJAS: readonly { tabla: string; enlaces: readonly string[]; columnas: readonly string[] }[] =
  [
    {
      tabla: 'asistencias',
      enlaces: ['persona_id'],
      columnas: ['sesion_id', 'nombre', 'cargo', 'institucion', 'calidad', 'estado', 'motivo']
    },
    { tabla: 'puntos_tabla', enlaces: [], columnas: ['sesion_id', 'titulo', 'desarrollo', 'tipo'] },
    {
      tabla: 'avances',
      enlaces: ['accion_id'],
      columnas: ['sesion_id', 'accion_codigo', 'estado', 'porcentaje', 'reporte']
    },
    {
      tabla: 'mediciones',
      enlaces: ['indicador_id'],
      columnas: [
        'sesion_id',
        'accion_codigo',
        'indicador_texto',
        'tipo',
        'valor',
        'numerador',
        'denominador',
        'fecha_corte',
        'nota'
      ]
    },
    {
      tabla: 'acuerdos',
      enlaces: ['institucion_id', 'persona_id', 'accion_id'],
      columnas: ['sesion_id', 'numero', 'texto', 'responsable', 'plazo', 'accion_codigo']
    },
    { tabla: 'seguimientos', enlaces: [], columnas: ['sesion_id', 'acuerdo_id', 'estado', 'nota'] }
  ]

/** The names of the triggers this migration creates: their absence means a tampered file. */
export const TRIGGERS_0003: readonly string[] = [
  ...HIJAS.flatMap((h) => ['ins', 'upd', 'del'].map((op) => `${h.tabla}_sellada_${op}`)),
  'sesiones_sellada_upd',
  'sesiones_sellada_del',
  'sesiones_sello_requerido',
  'sesiones_sello_ins',
  'fe_erratas_sellada_upd',
  'fe_erratas_sellada_del'
]

const aprobada = (ref: string): string =>
  `(select estado from sesiones where id = ${ref}) = 'aprobada'`

function triggersDe(tabla: string, columnas: readonly string[]): string[] {
  // Every column but the link columns: ordering (orden) and stamps are locked too, since an
  // approved acta's rows have no reason to change at all.
  return [
    `create trigger ${tabla}_sellada_ins before insert on ${tabla}
       when ${aprobada('NEW.sesion_id')} begin select raise(abort, '${LOCK}'); end`,
    `create trigger ${tabla}_sellada_upd before update of ${columnas.join(', ')} on ${tabla}
       when ${aprobada('OLD.sesion_id')} or ${aprobada('NEW.sesion_id')}
       begin select raise(abort, '${LOCK}'); end`,
    `create trigger ${tabla}_sellada_del before delete on ${tabla}
       when ${aprobada('OLD.sesion_id')} begin select raise(abort, '${LOCK}'); end`
  ]
}

async function columnasDe(db: Kysely<unknown>, tabla: string): Promise<string[]> {
  const { rows } = await sql<{
    name: string
  }>`select name from pragma_table_info(${tabla})`.execute(db)
  return rows.map((r) => r.name)
}

export const m0003: Migration = {
  version: 3,
  name: 'acta_sellada',
  async up(db: Kysely<unknown>): Promise<void> {
    // What approval freezes besides the hashed content: the approving session's title and the
    // secretary who signs (older actas did not copy the secretary into their content), and the
    // hash version 2 gave an acta whose content that version let drift.
    for (const col of [
      'contenido_aprobado',
      'aprobada_en_titulo',
      'aprobada_secretaria',
      'hash_anterior'
    ])
      await db.schema.alterTable('sesiones').addColumn(col, 'text').execute()

    // Actas approved before this version: their content is rebuilt as version 2 hashed it. Where
    // version 2 let it drift (an instancia renamed, a followed-up acuerdo edited), the content as
    // it reads now is sealed with a new hash and the old one is kept beside it, to be printed.
    const { rows } = await sql<{
      id: string
      hash: string | null
      en: string | null
      secretaria: string | null
    }>`select s.id, s.hash, s.aprobada_en_sesion_id as en, i.secretaria_actas as secretaria
       from sesiones s join instancias i on i.id = s.instancia_id
       where s.estado = 'aprobada'`.execute(db)
    for (const r of rows) {
      const texto = JSON.stringify(await contenidoV1(db, r.id))
      const hash = crypto.createHash('sha256').update(texto, 'utf8').digest('hex')
      await sql`update sesiones set contenido_aprobado = ${texto}, hash = ${hash},
        hash_anterior = ${hash === r.hash ? null : r.hash},
        aprobada_en_titulo = ${r.en ? await tituloDe(db, r.en) : null},
        aprobada_secretaria = ${r.secretaria ?? ''}
        where id = ${r.id}`.execute(db)
    }

    for (const h of HIJAS) {
      const todas = await columnasDe(db, h.tabla)
      const bloqueadas = todas.filter((c) => !h.enlaces.includes(c) && c !== 'id')
      for (const t of triggersDe(h.tabla, bloqueadas))
        await sql.raw(t.replace(/\s+/g, ' ')).execute(db)
    }

    // The session row itself: nothing changes once approved, and approval must carry its sealed
    // content and hash.
    for (const t of [
      `create trigger sesiones_sellada_upd before update on sesiones
         when OLD.estado = 'aprobada' begin select raise(abort, '${LOCK}'); end`,
      `create trigger sesiones_sellada_del before delete on sesiones
         when OLD.estado = 'aprobada' begin select raise(abort, '${LOCK}'); end`,
      `create trigger sesiones_sello_requerido before update of estado on sesiones
         when NEW.estado = 'aprobada' and (NEW.hash is null or NEW.contenido_aprobado is null)
         begin select raise(abort, 'acta_sin_sello'); end`,
      `create trigger sesiones_sello_ins before insert on sesiones
         when NEW.estado = 'aprobada' and (NEW.hash is null or NEW.contenido_aprobado is null)
         begin select raise(abort, 'acta_sin_sello'); end`,
      // A fe de erratas is added to an approved acta, and is itself part of the record.
      `create trigger fe_erratas_sellada_upd before update on fe_erratas
         begin select raise(abort, '${LOCK}'); end`,
      `create trigger fe_erratas_sellada_del before delete on fe_erratas
         when ${aprobada('OLD.sesion_id')} begin select raise(abort, '${LOCK}'); end`
    ])
      await sql.raw(t.replace(/\s+/g, ' ')).execute(db)
  }
}
