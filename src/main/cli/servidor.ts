import { describirDestino } from '../core/db/destino'
import { AppError } from '../core/errors'
import { contar } from '../core/db/migrar/leer'
import { abrirDb, destinoDeOpcion } from './conexion'
import type { Out } from './comandos'

// The commands about a database file (check, backup, restore) given a server's URL: a server
// has no file to copy or replace; its backups are IT's, with PostgreSQL's own tools.

const TABLAS_CHECK = ['planes', 'acciones', 'sesiones', 'acuerdos'] as const

const EN_SERVIDOR: Record<string, string> = {
  backup:
    'backup copia un archivo SQLite; una base en un servidor PostgreSQL la respalda informática con pg_dump (vea el README, sección para informática). Para llevarla a un archivo de este equipo use: npm run cli -- migrar --desde postgres://… --a ARCHIVO.db',
  restore:
    'restore reemplaza un archivo SQLite; una base en un servidor PostgreSQL la restaura informática con pg_restore desde un pg_dump. Para subir un archivo a una base vacía del servidor use: npm run cli -- migrar --desde ARCHIVO.db --a postgres://…'
}

/**
 * check on a server: the open itself refuses a newer schema and missing protections (the approved
 * actas' triggers); said with the version and the row counts. Nothing is created or seeded.
 */
async function checkServidor(db: string, out: Out): Promise<number> {
  const app = await abrirDb(db, { seed: false, maximo: 1 })
  try {
    const filas: string[] = []
    for (const t of TABLAS_CHECK) filas.push(`${await contar(app, t)} ${t}`)
    out(
      `${app.path}: correcta (esquema ${app.schemaVersion}; protecciones presentes; ${filas.join(', ')}).`
    )
    out(
      'La integridad de las páginas y de los respaldos de un servidor la revisa informática (pg_dump, pg_amcheck).'
    )
    return 0
  } finally {
    await app.close()
  }
}

/** check, backup or restore with `--db postgres://…`. */
export async function archivoEnServidor(command: string, db: string, out: Out): Promise<number> {
  if (command === 'check') return checkServidor(db, out)
  const donde = describirDestino(destinoDeOpcion(db))
  throw new AppError(
    'entrada_invalida',
    `${donde} es una base en un servidor, no un archivo: ${EN_SERVIDOR[command] ?? `${command} es solo para archivos.`}`
  )
}
