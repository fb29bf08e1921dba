import fs from 'node:fs'
import path from 'node:path'
import { describirDestino, type Destino } from '../core/db/destino'
import type { AppDatabase } from '../core/db/open'
import { marcarEnUso } from '../core/en-uso'
import { AppError } from '../core/errors'
import { migrar, type ResultadoMigrar } from '../core/db/migrar'
import type { Progreso } from '../core/db/migrar/copiar'
import { abrirDb, destinoDeOpcion } from './conexion'
import { UsageError, type Out, type Values } from './comandos'

// `migrar --desde ORIGEN --a DESTINO`: an embedded database to a PostgreSQL server, or back.

const USO_MIGRAR =
  'migrar necesita --desde ORIGEN y --a DESTINO (cada uno un archivo .db o postgres://usuario@servidor:puerto/base).'

// Long tables say how far they are every so many rows.
const CADA = 10_000

function progresoCli(out: Out): Progreso {
  let ultimo = 0
  return (tabla, copiadas, total) => {
    if (copiadas === 0) ultimo = 0
    if (copiadas === total) return out(`  ${tabla}: ${total} filas copiadas`)
    if (copiadas - ultimo >= CADA) {
      ultimo = copiadas
      out(`  ${tabla}: ${copiadas} de ${total} filas…`)
    }
  }
}

/** The per-table comparison, as a table for the terminal. */
export function tablaComparacion(r: ResultadoMigrar): string {
  const filas = [
    ['Tabla', 'Filas origen', 'Filas destino', 'Suma origen', 'Suma destino', ''],
    ...r.tablas.map((t) => [
      t.tabla,
      String(t.origen.filas),
      String(t.destino.filas),
      t.origen.suma.slice(0, 16),
      t.destino.suma.slice(0, 16),
      t.igual ? 'igual' : 'DISTINTA'
    ])
  ]
  const anchos = filas[0]!.map((_, i) => Math.max(...filas.map((f) => f[i]!.length)))
  return filas
    .map((f) =>
      f
        .map((c, i) => (i === 1 || i === 2 ? c.padStart(anchos[i]!) : c.padEnd(anchos[i]!)))
        .join('  ')
        .trimEnd()
    )
    .join('\n')
}

const archivoDe = (d: Destino): string | null =>
  d.tipo === 'sqlite' ? path.resolve(d.archivo) : null

/** A target file this command created is removed when the copy fails: as it was, absent. */
function quitarCreado(archivo: string): void {
  for (const f of [archivo, `${archivo}-wal`, `${archivo}-shm`, `${archivo}-journal`])
    fs.rmSync(f, { force: true })
}

async function copiarYVerificar(origen: AppDatabase, destino: AppDatabase, out: Out) {
  out(`Copiando ${origen.path} → ${destino.path} (una sola transacción)…`)
  const r = await migrar(origen, destino, progresoCli(out))
  out('')
  out(tablaComparacion(r))
  out('')
  const distintas = r.tablas.filter((t) => !t.igual).map((t) => t.tabla)
  if (distintas.length === 0) {
    out(
      `Verificado: las ${r.tablas.length} tablas tienen las mismas filas y la misma suma (sha256) en ${origen.path} y ${destino.path}.`
    )
    return 0
  }
  out(
    `La verificación FALLÓ en: ${distintas.join(', ')}. La copia en ${destino.path} no es igual al origen: no la use; avise a informática.`
  )
  return 1
}

/** Runs `migrar`; the exit code is 1 when the check after the copy found a difference. */
export async function migrarCli(v: Values, out: Out): Promise<number> {
  if (!v.desde || !v.a) throw new UsageError(USO_MIGRAR)
  const desde = destinoDeOpcion(v.desde)
  const a = destinoDeOpcion(v.a)
  const misma =
    desde.tipo === 'sqlite'
      ? archivoDe(desde) === archivoDe(a)
      : describirDestino(desde) === describirDestino(a)
  if (misma) throw new AppError('entrada_invalida', 'El origen y el destino son la misma base.')
  const archivoOrigen = archivoDe(desde)
  if (archivoOrigen && !fs.existsSync(archivoOrigen))
    throw new AppError('no_encontrado', `No existe el archivo ${archivoOrigen}; revise --desde.`)
  const marcas = [archivoOrigen, archivoDe(a)].flatMap((f) => (f ? [marcarEnUso(f)] : []))
  try {
    const origen = await abrirDb(v.desde, { seed: false })
    try {
      const destino = await abrirDb(v.a, { seed: false })
      const creado = destino.dialecto === 'sqlite' && destino.created ? destino.path : null
      let fallo = false
      try {
        return await copiarYVerificar(origen, destino, out)
      } catch (e) {
        fallo = true
        throw e
      } finally {
        await destino.close()
        if (fallo && creado) quitarCreado(creado)
      }
    } finally {
      await origen.close()
    }
  } finally {
    for (const soltar of marcas) soltar()
  }
}
