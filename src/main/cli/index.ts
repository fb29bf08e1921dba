import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { DatabaseOpenError } from '../core/db/open'
import { esUrlPostgres } from '../core/db/destino'
import type { Logger } from '../core/dispatch'
import { AppError } from '../core/errors'
import { causaDe, explicar } from '../core/causas'
import { comprobarDestino, respaldarArchivo, verificarArchivo } from '../core/respaldos'
import { restaurar } from '../core/restaurar'
import { MENSAJE_RESPALDO_INUTIL, motivoRespaldoInutil } from '../core/respaldo-usable'
import { marcarEnUso } from '../core/en-uso'
import { revisarActasSinTocar } from '../core/actas/revision'
import { COMMANDS, UsageError, contexto, type Out, type Values } from './comandos'
import { abrirDb } from './conexion'
import { archivoEnServidor } from './servidor'
import { migrarCli } from './migrar'

const USO = `Uso: npm run cli -- <comando> [opciones]

Comandos:
  plan --db ARCHIVO [--json]       Muestra el plan de acción (crea y siembra ARCHIVO si no existe).
  acta --db ARCHIVO --sesion ID --format docx|pdf --out ARCHIVO
                                   Escribe el acta de una sesión.
  buscar --db ARCHIVO [--json] [--] "texto"
                                   Busca en el plan, las actas, las personas y las instituciones
                                   (sin distinguir tildes ni mayúsculas); los 50 mejores resultados.
                                   Un texto que empieza con "-" va después de "--".
  informe --db ARCHIVO --anio AAAA --out ARCHIVO.docx|.pdf [--periodo ID]
                                   Escribe el informe anual del plan vigente (o del plan ID): avance por
                                   eje y objetivo, indicadores, sesiones, acuerdos y asistencia del año.
  demo --db ARCHIVO                Llena ARCHIVO con sesiones de ejemplo de 2014 para probar la aplicación.
  export --db ARCHIVO --out LIBRO.xlsx [--seguimiento] [--papel carta|oficio|a4]
                                   Escribe la matriz del plan (con seguimiento: avance, sesiones, acuerdos);
                                   sin --papel, en el papel elegido en Configuración.
  import --db ARCHIVO --in LIBRO.xlsx [--dry-run] [--nuevo "Nombre" --desde AAAA-MM-DD --hasta AAAA-MM-DD]
                                   Muestra lo que cambiaría y lo aplica al plan vigente (o crea un plan nuevo).
  paquete exportar --db ARCHIVO --para NOMBRE --out PAQUETE.mitp [--todo]
                                   Escribe lo que el otro equipo aún no tiene (con --todo, todo).
  paquete importar --db ARCHIVO --in PAQUETE.mitp [--dry-run] [--elegir mio|suyo|CLAVE=mio|suyo ...]
                                   Muestra lo que se agregaría, cambiaría o borraría, y los conflictos;
                                   lo importa tras un respaldo verificado. Sale con 1 si lo rechaza.
                                   Con conflictos, importa solo si se elige en cada uno qué versión
                                   queda: --elegir mio (o suyo) para todos, o --elegir CLAVE=suyo.
  migrar --desde ORIGEN --a DESTINO
                                   Copia una base entera a otra vacía (un archivo a un servidor o al
                                   revés), en una sola transacción, y compara filas y sumas (sha256)
                                   de cada tabla. Sale con 1 si el destino ya tiene datos (no escribe
                                   nada) o si la comparación encuentra una diferencia.

Respaldos (no abren ni modifican la base de datos de origen):
  check --db ARCHIVO               Revisa el archivo (integridad, versión, filas); sale con 1 si está dañado.
                                   En un servidor: versión, protecciones y filas.
  backup --db ARCHIVO --out RESPALDO.db
                                   Respaldo verificado con la API de respaldo de SQLite.
  restore --db ARCHIVO --from RESPALDO.db
                                   Restaura un respaldo verificado; el archivo actual se conserva aparte.
                                   (backup y restore son para archivos; un servidor lo respalda
                                   informática con pg_dump y pg_restore.)

--db (y --desde, --a) acepta un archivo o una base en un servidor PostgreSQL:
  postgres://usuario@servidor:puerto/base
La contraseña del servidor se toma de la variable PGPASSWORD o se pide en la terminal; nunca se
escribe en la dirección. La base de datos también puede indicarse con la variable MITP_DB.`

/** Commands that only read the database: a missing file is a mistake, never a new database. */
const SOLO_LECTURA = new Set(['buscar', 'acta', 'export', 'informe'])

/** Commands on database files that must not open (and so migrate) the database. */
const ARCHIVOS: Record<string, (db: string, v: Values, out: Out) => Promise<number>> = {
  check: async (db, _v, out) => {
    const v = verificarArchivo(db)
    if (!v.ok) throw new AppError('entrada_invalida', `${db}: ${v.motivo}`)
    // Every approved acta is checked again (triggers, hash, rows); a mismatch fails the check.
    // Read like the file check (nothing written beside it), and said only once both are done.
    const actas = await revisarActasSinTocar(db, v.schemaVersion)
    out(
      `${db}: correcta (esquema ${v.schemaVersion}; ${Object.entries(v.filas)
        .map(([t, n]) => `${n} ${t}`)
        .join(', ')}).`
    )
    for (const l of actas.lineas) out(l)
    return actas.ok ? 0 : 1
  },
  backup: async (db, v, out) => {
    if (!v.out) throw new UsageError('backup necesita --out RESPALDO.db.')
    comprobarDestino(db, path.resolve(v.out))
    const origen = verificarArchivo(db)
    if (!origen.ok)
      throw new AppError(
        'entrada_invalida',
        `${db}: ${origen.motivo} No se escribió ningún respaldo.`
      )
    const r = await respaldarArchivo(db, path.resolve(v.out))
    out(
      `Respaldo verificado en ${path.resolve(v.out)} (${Object.entries(r.filas)
        .map(([t, n]) => `${n} ${t}`)
        .join(', ')}).`
    )
    return 0
  },
  restore: async (db, v, out) => {
    if (!v.from) throw new UsageError('restore necesita --from RESPALDO.db.')
    const inutil = await motivoRespaldoInutil(path.resolve(v.from))
    if (inutil) throw new AppError('entrada_invalida', MENSAJE_RESPALDO_INUTIL(inutil))
    const { copiaAnterior, aviso } = restaurar(path.resolve(db), path.resolve(v.from))
    out(
      `Restaurado desde ${path.resolve(v.from)}.${copiaAnterior ? ` El archivo anterior quedó en ${copiaAnterior}.` : ''}${aviso ? ` ${aviso}` : ''}`
    )
    return 0
  }
}

/** An unexpected error's detail, for the person at the terminal (dispatch shows a generic one). */
const logDe =
  (err: Out): Logger =>
  (mensaje, error) => {
    // A known cause (a full disk) is said in Spanish by the command's own message, just after.
    if (causaDe(error)) return
    err(`${mensaje}: ${error instanceof Error ? error.message : String(error)}`)
  }

/** node:util's parseArgs refusals (English) said in Spanish, by their code. */
function errorDeArgumentos(e: unknown): string {
  const { code, message } = e as { code?: string; message?: string }
  const opcion = /'([^' ]+)/.exec(message ?? '')?.[1] ?? ''
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
    return `Opción desconocida: '${opcion}'. Un texto que empieza con '-' va al final, después de '--' (por ejemplo: buscar --db ARCHIVO -- "${opcion}").`
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
    return `Valor no válido para la opción '${opcion}': indique un valor después de ella.`
  return `Argumentos no válidos: ${message ?? String(e)}`
}

/** The options every command may take (parseArgs refuses any other). */
const OPCIONES = {
  db: { type: 'string' },
  a: { type: 'string' },
  json: { type: 'boolean' },
  sesion: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  in: { type: 'string' },
  seguimiento: { type: 'boolean' },
  papel: { type: 'string' },
  'dry-run': { type: 'boolean' },
  from: { type: 'string' },
  nuevo: { type: 'string' },
  desde: { type: 'string' },
  hasta: { type: 'string' },
  anio: { type: 'string' },
  periodo: { type: 'string' },
  para: { type: 'string' },
  todo: { type: 'boolean' },
  elegir: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' }
} as const

/** Runs one CLI command; returns the exit code. Output goes to the given writers. */
export async function runCli(argv: string[], out: Out, err: Out): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: OPCIONES
    })
  } catch (e) {
    err(`${errorDeArgumentos(e)}\n\n${USO}`)
    return 2
  }
  const [command] = parsed.positionals
  if (parsed.values.help || !command) {
    out(USO)
    return command || parsed.values.help ? 0 : 2
  }
  const run = COMMANDS[command]
  if (!run && !ARCHIVOS[command] && command !== 'migrar') {
    err(`Comando desconocido: ${command}\n\n${USO}`)
    return 2
  }
  const dbPath = parsed.values.db ?? process.env.MITP_DB
  if (!dbPath && command !== 'migrar') {
    err(`Falta --db ARCHIVO.\n\n${USO}`)
    return 2
  }
  try {
    if (command === 'migrar') return await migrarCli(parsed.values, out)
    const v = { ...parsed.values, argumentos: parsed.positionals.slice(1) }
    return await ejecutar(command, dbPath!, v, out, err)
  } catch (e) {
    return codigoDeError(e, err)
  }
}

/** One command on `db` (a file or a server's URL). */
async function ejecutar(command: string, db: string, v: Values, out: Out, err: Out) {
  const archivo = ARCHIVOS[command]
  const servidor = esUrlPostgres(db)
  if (archivo) return servidor ? archivoEnServidor(command, db, out) : archivo(db, v, out)
  if (!servidor && SOLO_LECTURA.has(command) && !fs.existsSync(db))
    throw new AppError('no_encontrado', `No existe el archivo ${db}; revise --db.`)
  // The same in-use mark as the app's core: no restore while a command has the file open.
  const soltar = servidor ? () => {} : marcarEnUso(db)
  try {
    const app = await abrirDb(db)
    try {
      await COMMANDS[command]!(contexto(app, logDe(err)), v, out)
      return 0
    } finally {
      await app.close()
    }
  } finally {
    soltar()
  }
}

/** A failed command's message and exit code: 2 for a wrong command line, else 1. */
function codigoDeError(e: unknown, err: Out): number {
  if (e instanceof UsageError) {
    err(`${e.message}\n\n${USO}`)
    return 2
  }
  if (e instanceof DatabaseOpenError || e instanceof AppError) {
    err(`Error: ${e.message}`)
    return 1
  }
  // SQLite's and Node's English ("database is locked", "ENOSPC") is said by its cause.
  err(
    `Error: ${explicar(e, 'completar la operación') ?? (e instanceof Error ? e.message : String(e))}`
  )
  return 1
}
