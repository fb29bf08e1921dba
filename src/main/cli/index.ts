import { parseArgs } from 'node:util'
import { openAppDatabase, DatabaseOpenError } from '../core/db/open'
import { planArbol } from '../core/services/plan.service'
import { listarInstituciones } from '../core/services/instituciones.service'
import { planText, toPlanJson } from './plan-json'

const USO = `Uso: npm run cli -- <comando> [opciones]

Comandos:
  plan --db ARCHIVO [--json]   Muestra el plan de acción (crea y siembra ARCHIVO si no existe).

La base de datos también puede indicarse con la variable MITP_DB.`

/** Runs one CLI command; returns the exit code. Output goes to the given writers. */
export async function runCli(
  argv: string[],
  out: (s: string) => void,
  err: (s: string) => void
): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' }
      }
    })
  } catch (e) {
    err(`${e instanceof Error ? e.message : String(e)}\n\n${USO}`)
    return 2
  }
  const [command] = parsed.positionals
  if (parsed.values.help || !command) {
    out(USO)
    return command || parsed.values.help ? 0 : 2
  }
  if (command !== 'plan') {
    err(`Comando desconocido: ${command}\n\n${USO}`)
    return 2
  }
  const dbPath = parsed.values.db ?? process.env.MITP_DB
  if (!dbPath) {
    err(`Falta --db ARCHIVO.\n\n${USO}`)
    return 2
  }
  try {
    const app = await openAppDatabase(dbPath)
    try {
      const json = toPlanJson(await planArbol(app.db), await listarInstituciones(app.db))
      out(parsed.values.json ? JSON.stringify(json, null, 2) : planText(json))
      return 0
    } finally {
      await app.close()
    }
  } catch (e) {
    if (e instanceof DatabaseOpenError) {
      err(`Error: ${e.message}`)
      return 1
    }
    err(`Error inesperado: ${e instanceof Error ? e.message : String(e)}`)
    return 1
  }
}
