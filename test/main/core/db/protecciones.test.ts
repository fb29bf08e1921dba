import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openAppDatabase } from '../../../../src/main/core/db/open'
import {
  MENSAJE_SIN_PROTECCION,
  proteccionesFaltantes
} from '../../../../src/main/core/db/protecciones'
import { LATEST_SCHEMA_VERSION } from '../../../../src/main/core/db/migrations'
import { openTestApp, type TestApp } from '../../../helpers/db'

// A file whose guards were dropped outside the app (sqlite3 shell): one trigger of each kind —
// the approved acta's seal, the history's own lock and a table's history, the closed period,
// the exchange stamps — is noticed; the file will not open and the missing ones are named.

let t: TestApp
beforeEach(async () => {
  t = await openTestApp()
})
afterEach(() => t?.close())

const triggers = (): string[] =>
  (
    t.app.handle.prepare("select name from sqlite_master where type = 'trigger'").all() as {
      name: string
    }[]
  ).map((r) => r.name)

describe('guards dropped outside the app', () => {
  it('a new file has every guard', async () => {
    expect(await proteccionesFaltantes(t.app.db, LATEST_SCHEMA_VERSION)).toEqual([])
  })

  it.each([
    'historial_sin_delete',
    'historial_acciones_update',
    'metas_cerrado_upd',
    'sellos_acuerdos_update'
  ])('%s dropped: named as missing, and the file is refused at open', async (nombre) => {
    expect(triggers()).toContain(nombre)
    t.app.handle.exec(`drop trigger "${nombre}"`)
    expect(await proteccionesFaltantes(t.app.db, LATEST_SCHEMA_VERSION)).toEqual([nombre])
    t.app.handle.pragma('wal_checkpoint(TRUNCATE)')
    await t.app.close()
    await expect(openAppDatabase(t.file)).rejects.toThrow(MENSAJE_SIN_PROTECCION)
    t.app = await openAppDatabase(`${t.file}.otra.db`)
  })
})
