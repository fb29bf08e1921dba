import { describe, expect, it } from 'vitest'
import { migrate } from '../../../../src/main/core/db/migrator'
import { LATEST_SCHEMA_VERSION } from '../../../../src/main/core/db/migrations'
import { copiaV2, desdeCadaVersion, type Handle } from '../../../helpers/migraciones'
import { revisarActas } from '../../../../src/main/core/actas/sello'

// Migration 0007 (the full-text index, kept by triggers), from every earlier version and from a
// file written by version 2. Its own file: migrations.test.ts is at the size limit.

type Fila = Record<string, string | null>

/** What each indexed table should put in the index, written out here apart from the migration. */
const ESPERADO: Record<
  string,
  { tipo: string; titulo: (r: Fila) => string; cuerpo: (r: Fila) => string }
> = {
  ejes: { tipo: 'eje', titulo: (r) => r.nombre ?? '', cuerpo: () => '' },
  objetivos: { tipo: 'objetivo', titulo: (r) => r.texto ?? '', cuerpo: () => '' },
  acciones: { tipo: 'accion', titulo: (r) => r.texto ?? '', cuerpo: (r) => r.responsables ?? '' },
  metas: { tipo: 'meta', titulo: () => '', cuerpo: (r) => r.texto ?? '' },
  indicadores: {
    tipo: 'indicador',
    titulo: () => '',
    cuerpo: (r) => `${r.texto ?? ''} ${r.numerador ?? ''} ${r.denominador ?? ''}`
  },
  instituciones: { tipo: 'institucion', titulo: (r) => `${r.sigla} ${r.nombre}`, cuerpo: () => '' },
  personas: {
    tipo: 'persona',
    titulo: (r) => r.nombre ?? '',
    cuerpo: (r) => `${r.cargo ?? ''} ${r.correo ?? ''} ${r.institucion ?? ''}`
  },
  sesiones: { tipo: 'sesion', titulo: () => '', cuerpo: (r) => r.observaciones_aprobacion ?? '' },
  puntos_tabla: { tipo: 'punto', titulo: (r) => r.titulo ?? '', cuerpo: (r) => r.desarrollo ?? '' },
  acuerdos: { tipo: 'acuerdo', titulo: (r) => r.texto ?? '', cuerpo: (r) => r.responsable ?? '' },
  seguimientos: { tipo: 'seguimiento', titulo: () => '', cuerpo: (r) => r.nota ?? '' },
  avances: { tipo: 'avance', titulo: () => '', cuerpo: (r) => r.reporte ?? '' },
  mediciones: { tipo: 'medicion', titulo: () => '', cuerpo: (r) => r.nota ?? '' },
  fe_erratas: { tipo: 'errata', titulo: () => '', cuerpo: (r) => r.texto ?? '' }
}

/** The index computed in JavaScript from the rows: "tipo id" → [titulo, cuerpo]. */
function esperado(handle: Handle): Record<string, [string, string]> {
  const out: Record<string, [string, string]> = {}
  for (const [tabla, e] of Object.entries(ESPERADO))
    for (const r of handle
      .prepare(
        tabla === 'personas'
          ? `select p.*, i.sigla || ' ' || i.nombre as institucion
             from personas p left join instituciones i on i.id = p.institucion_id`
          : `select * from ${tabla}`
      )
      .all() as Fila[])
      out[`${e.tipo} ${r.id}`] = [e.titulo(r), e.cuerpo(r)]
  return out
}

function indice(handle: Handle): Record<string, [string, string]> {
  const filas = handle
    .prepare(
      `select f.tipo, f.ref_id, b.titulo, b.cuerpo
       from busqueda_filas f left join busqueda b on b.rowid = f.fila`
    )
    .all() as { tipo: string; ref_id: string; titulo: string; cuerpo: string }[]
  const total = handle.prepare('select count(*) from busqueda').pluck().get()
  expect(total).toBe(filas.length)
  return Object.fromEntries(filas.map((f) => [`${f.tipo} ${f.ref_id}`, [f.titulo, f.cuerpo]]))
}

const buscar = (handle: Handle, q: string): string[] =>
  handle
    .prepare(
      `select f.ref_id from busqueda b join busqueda_filas f on f.fila = b.rowid
       where busqueda match ? order by f.ref_id`
    )
    .pluck()
    .all(q) as string[]

describe('migration 0007: the full-text index', () => {
  it('from a file written by version 2 (through 6): every row of every indexed table is in the index, no row changes, sealed actas still verify', async () => {
    const { handle, db } = copiaV2()
    await migrate(db, 6)
    const tablas = Object.keys(ESPERADO)
    const filas = (t: string) => handle.prepare(`select * from ${t} order by rowid`).all()
    const antes = tablas.map(filas)
    expect(await migrate(db, 7)).toEqual({ from: 6, to: 7 })
    expect(tablas.map(filas)).toEqual(antes)
    const e = esperado(handle)
    expect(Object.keys(e).length).toBeGreaterThan(300)
    expect(indice(handle)).toEqual(e)
    // Folding: case and accents.
    expect(buscar(handle, 'proteccion').length).toBeGreaterThan(0)
    expect(buscar(handle, 'PROTECCIÓN')).toEqual(buscar(handle, 'proteccion'))
    expect(await revisarActas(db)).toEqual({ alteradas: [], distintas: [], reselladas: [] })
    await db.destroy()
  })

  it('from every earlier version to the latest, with the plan seeded at version 1', async () => {
    await desdeCadaVersion(
      7,
      async ({ handle, db, desde }) => {
        expect(await migrate(db)).toEqual({ from: desde, to: LATEST_SCHEMA_VERSION })
        const i = indice(handle)
        expect(Object.keys(i).length).toBeGreaterThan(100)
        expect(i).toEqual(esperado(handle))
      },
      { sembrada: true }
    )
  })

  it('the triggers follow every insert, update and delete, cascades included; a write refused by an approved acta leaves its entry as it was', async () => {
    const { handle, db } = copiaV2()
    await migrate(db)
    const borrador = handle
      .prepare("select id from sesiones where estado = 'borrador' order by fecha desc limit 1")
      .pluck()
      .get() as string
    const revisar = () => expect(indice(handle)).toEqual(esperado(handle))
    handle
      .prepare(
        `insert into puntos_tabla (id, sesion_id, titulo, desarrollo, tipo, orden, created_at, updated_at)
         values ('pt-t', ?, 'Zarzaparrilla', 'Ñandú en el desarrollo', 'otro', 99, 'x', 'x')`
      )
      .run(borrador)
    expect(buscar(handle, 'zarzaparrilla')).toEqual(['pt-t'])
    expect(buscar(handle, 'nandu')).toEqual(['pt-t'])
    revisar()
    handle.prepare("update puntos_tabla set desarrollo = 'Ornitorrinco' where id = 'pt-t'").run()
    expect(buscar(handle, 'nandu')).toEqual([])
    expect(buscar(handle, 'ornitorrinco')).toEqual(['pt-t'])
    revisar()
    handle.prepare("delete from puntos_tabla where id = 'pt-t'").run()
    expect(buscar(handle, 'ornitorrinco')).toEqual([])
    revisar()
    // Removing a draft session removes its rows' entries through the foreign keys' cascade.
    handle
      .prepare(
        `insert into sesiones (id, instancia_id, tipo, numero, anio, fecha, modalidad,
           observaciones_aprobacion, created_at, updated_at)
         select 'ses-t', instancia_id, tipo, 99, anio, fecha, modalidad, 'Quetzal', 'x', 'x'
         from sesiones where id = ?`
      )
      .run(borrador)
    handle
      .prepare(
        `insert into acuerdos (id, sesion_id, numero, texto, created_at, updated_at)
         values ('ac-t', 'ses-t', 1, 'Acuerdo del quetzal', 'x', 'x')`
      )
      .run()
    expect(buscar(handle, 'quetzal')).toEqual(['ac-t', 'ses-t'])
    revisar()
    handle.prepare("delete from sesiones where id = 'ses-t'").run()
    expect(buscar(handle, 'quetzal')).toEqual([])
    revisar()
    // An approved acta's row: the seal refuses the write, and its entry stays.
    const sellado = handle
      .prepare(
        `select p.id from puntos_tabla p join sesiones s on s.id = p.sesion_id
         where s.estado = 'aprobada' limit 1`
      )
      .pluck()
      .get() as string
    expect(() =>
      handle
        .prepare("update puntos_tabla set desarrollo = 'Ornitorrinco' where id = ?")
        .run(sellado)
    ).toThrow(/acta_aprobada/)
    expect(() => handle.prepare('delete from puntos_tabla where id = ?').run(sellado)).toThrow(
      /acta_aprobada/
    )
    expect(buscar(handle, 'ornitorrinco')).toEqual([])
    revisar()
    // A persona and an institución, renamed.
    handle.prepare("update personas set cargo = 'Jefa de Ñuble' where rowid = 1").run()
    expect(buscar(handle, 'nuble')).toHaveLength(1)
    // An institución renamed renames it in its people's entries; removed, it leaves them.
    const sernam = handle
      .prepare("select id from instituciones where sigla = 'SERNAM'")
      .pluck()
      .get() as string
    handle.prepare('update personas set institucion_id = ? where rowid in (1, 2)').run(sernam)
    handle.prepare("update instituciones set sigla = 'XYZW' where id = ?").run(sernam)
    const suyas = handle
      .prepare('select id from personas where institucion_id = ?')
      .pluck()
      .all(sernam) as string[]
    expect(suyas.length).toBeGreaterThan(1)
    expect(buscar(handle, 'xyzw')).toEqual([sernam, ...suyas].sort())
    expect(buscar(handle, 'sernam')).not.toContain(sernam)
    revisar()
    handle.prepare('delete from instituciones where id = ?').run(sernam)
    expect(buscar(handle, 'xyzw')).toEqual([])
    revisar()
    expect(await revisarActas(db)).toEqual({ alteradas: [], distintas: [], reselladas: [] })
    await db.destroy()
  })
})
