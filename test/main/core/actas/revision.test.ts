import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../../../src/main/cli/index'
import {
  huella,
  leerSellado,
  MENSAJE_FILAS,
  MENSAJE_HUELLA,
  revisarActas
} from '../../../../src/main/core/actas/sello'
import { AVISO_RESELLADA, MENSAJE_V2 } from '../../../../src/main/core/actas/revision'
import { MENSAJE_SIN_PROTECCION } from '../../../../src/main/core/db/protecciones'
import { openAppDatabase } from '../../../../src/main/core/db/open'
import { actaDocumento } from '../../../../src/main/core/actas/documentos/modelo'
import { openSqlite } from '../../../../src/main/core/db/sqlite'
import { openTestApp, tempDir, type TestApp } from '../../../helpers/db'
import { caller } from '../../../helpers/sesiones'
import { actaAprobada, type ActaAprobadaFixture } from '../../../helpers/acta-aprobada'

/** `cli check` on a file, output collected. */
async function check(file: string): Promise<{ code: number; out: string }> {
  const out: string[] = []
  const code = await runCli(
    ['check', '--db', file],
    (l) => out.push(l),
    (l) => out.push(l)
  )
  return { code, out: out.join('\n') }
}

describe('an approved acta checked again', () => {
  let t: TestApp
  let f: ActaAprobadaFixture
  beforeEach(async () => {
    t = await openTestApp()
    f = await actaAprobada(t)
  })
  afterEach(() => t.close())
  const checkpoint = () => t.app.handle.pragma('wal_checkpoint(TRUNCATE)')

  it('`cli check` passes a file only this app wrote', async () => {
    checkpoint()
    const r = await check(t.file)
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/correcta/)
    expect(r.out).not.toMatch(/Sesión/)
  })

  it('a sealed copy altered outside the app is refused on print and fails the check', async () => {
    t.app.handle.exec('drop trigger sesiones_sellada_upd')
    t.app.handle
      .prepare(
        "update sesiones set contenido_aprobado = replace(contenido_aprobado, 'En diseño.', 'Terminado.') where id = ?"
      )
      .run(f.aprobada.sesion)
    expect(
      await caller(t).call('acta:documento', { sesionId: f.aprobada.sesion, formato: 'docx' })
    ).toMatchObject({ ok: false, error: { code: 'integridad', message: MENSAJE_HUELLA } })
    expect((await revisarActas(t.app.db)).alteradas).toEqual([
      { sesionId: f.aprobada.sesion, titulo: 'Sesión Ordinaria N° 2/2014' }
    ])
    checkpoint()
    const r = await check(t.file)
    expect(r.code).toBe(1)
    expect(r.out).toContain(`Sesión Ordinaria N° 2/2014: ${MENSAJE_HUELLA}`)
    expect(r.out).toContain(MENSAJE_SIN_PROTECCION)
  })

  it('a copy that matches its hash but is not an acta is refused', () => {
    const texto = JSON.stringify({ sesion: { titulo: 'x' } })
    expect(() =>
      leerSellado({ estado: 'aprobada', hash: huella(texto), contenido_aprobado: texto })
    ).toThrow(MENSAJE_HUELLA)
    expect(() =>
      leerSellado({ estado: 'aprobada', hash: huella('{'), contenido_aprobado: '{' })
    ).toThrow(MENSAJE_HUELLA)
  })

  it('rows edited behind dropped triggers: the file will not open, the check names both', async () => {
    const h = t.app.handle
    for (const { name } of h
      .prepare("select name from sqlite_master where type = 'trigger'")
      .all() as { name: string }[])
      h.exec(`drop trigger ${name}`)
    h.prepare("update asistencias set nombre = 'IMPOSTOR' where sesion_id = ?").run(
      f.aprobada.sesion
    )
    expect((await revisarActas(t.app.db)).distintas).toHaveLength(1)
    checkpoint()
    await t.app.close()
    await expect(openAppDatabase(t.file)).rejects.toThrow(MENSAJE_SIN_PROTECCION)
    const r = await check(t.file)
    expect(r.code).toBe(1)
    expect(r.out).toContain(`Sesión Ordinaria N° 2/2014: ${MENSAJE_FILAS}`)
    t.app = await openAppDatabase(path.join(path.dirname(t.file), 'otra.db'))
  })
})

describe('a file written by version 2', () => {
  let dir: ReturnType<typeof tempDir>
  beforeEach(() => {
    dir = tempDir()
  })
  afterEach(() => dir.cleanup())
  const copia = (nombre: string): string => {
    const file = path.join(dir.dir, nombre)
    fs.copyFileSync(path.join(__dirname, '../../../fixtures/v2-demo.db'), file)
    return file
  }
  const sql = (file: string, q: string): void => {
    const h = openSqlite(file)
    h.exec(q)
    h.close()
  }

  it('is checked as version 2 hashed it: a clean file passes, an edited acta fails', async () => {
    const limpio = copia('limpio.db')
    expect((await check(limpio)).code).toBe(0)
    const editado = copia('editado.db')
    sql(
      editado,
      "update asistencias set nombre = 'IMPOSTOR' where sesion_id = (select id from sesiones where estado = 'aprobada' order by fecha, id limit 1)"
    )
    const r = await check(editado)
    expect(r.code).toBe(1)
    expect(r.out).toContain(MENSAJE_V2)
  })

  it('an acta version 2 let drift is sealed again on upgrade, printable, and says so', async () => {
    const file = copia('deriva.db')
    sql(file, "update instancias set nombre = 'Renombrada' where codigo = 'RAV'")
    const app = await openAppDatabase(file)
    const rav = await app.db
      .selectFrom('sesiones')
      .innerJoin('instancias', 'instancias.id', 'sesiones.instancia_id')
      .select(['sesiones.id', 'sesiones.hash_anterior'])
      .where('instancias.codigo', '=', 'RAV')
      .where('sesiones.estado', '=', 'aprobada')
      .execute()
    expect(rav.length).toBeGreaterThan(0)
    const doc = await actaDocumento(app.db, rav[0]!.id)
    expect(doc.instancia).toBe('Renombrada')
    expect(doc.aprobacion).toContain(`huella registrada al aprobarla: ${rav[0]!.hash_anterior}`)
    await app.close()
    const r = await check(file)
    expect(r.code).toBe(0)
    expect(r.out).toContain(AVISO_RESELLADA)
  })
})
