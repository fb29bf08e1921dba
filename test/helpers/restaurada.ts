import BetterSqlite3 from 'better-sqlite3'
import { restaurar } from '../../src/main/core/respaldos'
import { openAppDatabase } from '../../src/main/core/db/open'
import { createAppApi } from '../../src/main/core/api'
import type { TestApp } from './db'
import { deps, type Equipo } from './intercambio'

// A restore gives the file a new installation id for the exchange (#16, intercambio/
// restaurada.ts): the restored file is the backup but for that identity, so restore tests
// compare rows, not bytes.

const IDENTIDAD = new Set(['instalacion', 'instalaciones_anteriores'])

/** Every row of every table of a database file, but the installation's id and what it knows. */
export function filasSinIdentidad(file: string): string {
  const h = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
  try {
    const tablas = h
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name"
      )
      .pluck()
      .all() as string[]
    const partes: unknown[] = []
    for (const t of tablas) {
      if (IDENTIDAD.has(t)) continue
      partes.push(t, h.prepare(`select * from "${t}" order by 1`).all())
    }
    if (tablas.includes('instalacion'))
      partes.push(h.prepare('select nombre from instalacion').all())
    return JSON.stringify(partes)
  } finally {
    h.close()
  }
}

/** An installation's file replaced by its backup through the app's restore, then opened again. */
export async function restaurarEn(b: Equipo, bk: string): Promise<Equipo> {
  await b.t.app.close()
  restaurar(b.t.file, bk)
  const app = await openAppDatabase(b.t.file, { seed: false })
  // The same TestApp: the bank closes whichever database it holds at the end.
  const t: TestApp = Object.assign(b.t, {
    app,
    api: createAppApi(app, { version: 'test', printPdf: null })
  })
  return { t, d: deps(t), nombre: b.nombre }
}
