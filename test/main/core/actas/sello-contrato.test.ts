import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { CHANNELS, esLectura, type Channel } from '../../../../src/shared/api/channels'
import { contract } from '../../../../src/shared/api/contract'
import { dispatch } from '../../../../src/main/core/dispatch'
import { openAppDatabase } from '../../../../src/main/core/db/open'
import { createAppApi } from '../../../../src/main/core/api'
import { MENSAJE_SELLADA } from '../../../../src/main/core/sesiones/acta-guard'
import { actaDocumento } from '../../../../src/main/core/actas/documentos/modelo'
import { dbSnapshot, openTestApp, tempDir } from '../../../helpers/db'
import { actaAprobada, type ActaAprobadaFixture } from '../../../helpers/acta-aprobada'
import { idsDelFixture, type IdPara } from '../../../helpers/contrato-ids'
import { ejemploValido } from '../../../helpers/ejemplo'
import type { Kysely } from 'kysely'
import type { Database } from '../../../../src/main/core/db/schema'

/**
 * Walks the whole contract against a database with an approved acta. Every channel that
 * addresses a session (a `sesionId`, or an `id` in one of the acta's domains) must refuse the
 * approved acta with the service's own message, and accept the same input on a draft; no
 * channel at all may change what the approved acta says. A new channel is walked without
 * anyone listing it.
 */
const DOMINIOS_ACTA = ['sesion', 'asistencia', 'punto', 'avance', 'medicion', 'acuerdo']
// Writes that address an approved acta on purpose: a fe de erratas is added to it.
const AGREGAN_A_APROBADA: readonly Channel[] = ['errata:crear']

const dir = tempDir('mitp-sello-')
const plantilla = path.join(dir.dir, 'plantilla.db')
let f: ActaAprobadaFixture
let idPara: IdPara

beforeAll(async () => {
  const t = await openTestApp()
  f = await actaAprobada(t)
  idPara = idsDelFixture(t, f)
  await t.app.close()
  fs.copyFileSync(t.file, plantilla)
  await t.close()
}, 60_000)
afterAll(() => dir.cleanup())

/** What the approved acta is: its row, its rows (less the links to other rows), its document. */
async function estadoActa(db: Kysely<Database>): Promise<string> {
  const id = f.aprobada.sesion
  const sesion = await db
    .selectFrom('sesiones')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  const links = new Set(['persona_id', 'accion_id', 'indicador_id', 'institucion_id'])
  const filas: unknown[] = []
  for (const tabla of [
    'asistencias',
    'puntos_tabla',
    'avances',
    'mediciones',
    'acuerdos',
    'seguimientos'
  ] as const) {
    const rows = await db
      .selectFrom(tabla)
      .selectAll()
      .where('sesion_id', '=', id)
      .orderBy('id')
      .execute()
    filas.push(rows.map((r) => Object.entries(r).filter(([k]) => !links.has(k))))
  }
  // What its documents print, less the letterhead (presentation, taken from Configuración) and
  // the fe de erratas (the one way to correct it, added after approval).
  const { encabezado: _e, logo: _l, erratas: _x, ...documento } = await actaDocumento(db, id)
  return JSON.stringify({ sesion, filas, documento })
}

/** Whether a channel addresses a session, read from its schema's fields. */
const esActa = (canal: Channel): boolean => {
  if (esLectura(canal) || AGREGAN_A_APROBADA.includes(canal)) return false
  const json = z.toJSONSchema(contract[canal].input, { unrepresentable: 'any', io: 'input' })
  const campos = Object.keys((json as { properties?: object }).properties ?? {})
  return (
    campos.includes('sesionId') ||
    (DOMINIOS_ACTA.includes(canal.split(':')[0]!) && campos.includes('id'))
  )
}

describe('an approved acta, through every channel of the contract', () => {
  it('classifies the session channels (the walk below is not vacuous)', () => {
    const actas = CHANNELS.filter(esActa)
    expect(actas.length).toBeGreaterThanOrEqual(18)
    expect(actas).toEqual(
      expect.arrayContaining([
        'medicion:guardar',
        'acuerdo:seguimiento',
        'asistencia:quitar',
        'punto:mover'
      ])
    )
  })

  it.each([...CHANNELS])('%s', async (canal) => {
    const copia = path.join(dir.dir, `${canal.replace(':', '-')}.db`)
    fs.copyFileSync(plantilla, copia)
    const app = await openAppDatabase(copia, { seed: false })
    const internos: unknown[] = []
    const api = createAppApi(app, {
      version: 'test',
      printPdf: null,
      log: (_m, e) => internos.push(e)
    })
    const call = (input: unknown) => dispatch(api, canal, input, (_m, e) => internos.push(e))
    try {
      const enAprobada = ejemploValido(canal, idPara(canal, f.aprobada))
      const enBorrador = ejemploValido(canal, idPara(canal, f.borrador))
      const antes = await estadoActa(app.db)
      const todo = await dbSnapshot(app.db)
      if (esActa(canal)) {
        // Every id field resolved: the refusal below is about approval, not a bad input.
        expect(enAprobada, `no se pudo construir una entrada válida para ${canal}`).not.toBeNull()
        const r = await call(enAprobada!.input)
        expect(r.ok).toBe(false)
        if (!r.ok) {
          expect(r.error.code).toBe('solo_lectura')
          // The service's own check answered, not only the database's trigger.
          expect(r.error.message).not.toBe(MENSAJE_SELLADA)
        }
        expect(await dbSnapshot(app.db)).toBe(todo)
        const enDraft = await call(enBorrador!.input)
        if (!enDraft.ok)
          expect(['solo_lectura', 'entrada_invalida']).not.toContain(enDraft.error.code)
      } else {
        for (const e of [enAprobada, enBorrador]) if (e) await call(e.input)
        if (esLectura(canal)) expect(await dbSnapshot(app.db)).toBe(todo)
      }
      expect(await estadoActa(app.db)).toBe(antes)
      expect(internos).toEqual([])
    } finally {
      await app.close()
    }
  })
})
