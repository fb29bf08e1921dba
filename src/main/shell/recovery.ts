import fs from 'node:fs'
import { app, dialog } from 'electron'
import { explicar } from '../core/causas'
import { AppError } from '../core/errors'
import { listarRespaldos, verificarArchivo } from '../core/respaldos'
import { restaurar } from '../core/restaurar'
import {
  MENSAJE_RESPALDO_INUTIL,
  motivoRespaldoInutil,
  ultimoRespaldoUsable
} from '../core/respaldo-usable'

export type Eleccion = { abrir: string } | { salir: true }

/**
 * The recovery screen: says what is wrong and offers to restore the latest good backup, open
 * another file, or quit. The damaged file is set aside by the restore, never overwritten.
 */
export async function recuperar(
  dbPath: string,
  respaldosDir: string,
  problema: string
): Promise<Eleccion> {
  // A stray -wal beside a sound file: moving it is the fix, a restore would lose the newest work.
  const walAjeno = verificarArchivo(dbPath).walAjeno === true
  for (;;) {
    // The same rule as the CLI: a newest backup the app would refuse is never the default.
    const ultimo = await ultimoRespaldoUsable(respaldosDir)
    const { response } = await dialog.showMessageBox({
      type: 'warning',
      title: 'Secretaría MITP — recuperación',
      message: 'No se pudo abrir la base de datos',
      detail: `${problema}\n\n${ultimo ? `Último respaldo válido: ${ultimo.nombre}.` : 'No hay respaldos válidos en la carpeta de respaldos.'}`,
      buttons: [
        'Restaurar el último respaldo',
        'Abrir otro archivo…',
        'Salir',
        'Restaurar desde un archivo…'
      ],
      defaultId: walAjeno ? 2 : ultimo ? 0 : 1,
      cancelId: 2,
      noLink: true
    })
    if (response === 2) return { salir: true }
    if (response === 1) {
      const r = await dialog.showOpenDialog({
        title: 'Abrir base de datos',
        properties: ['openFile'],
        filters: [{ name: 'Base de datos', extensions: ['db', 'sqlite'] }]
      })
      if (!r.canceled && r.filePaths[0]) return { abrir: r.filePaths[0] }
      continue
    }
    const elegido = response === 3 ? await elegirRespaldo() : (ultimo?.archivo ?? null)
    if (elegido && (await restaurarDesde(dbPath, elegido))) return { abrir: dbPath }
  }
}

/** A missing database with backups beside it is probably lost, not new: ask before starting over. */
export async function faltaConRespaldos(dbPath: string, respaldosDir: string): Promise<boolean> {
  return !fs.existsSync(dbPath) && listarRespaldos(respaldosDir).length > 0 && app.isReady()
}

/** An unexpected failure shown in Spanish (never left as an unhandled rejection). */
export async function mostrarFalla(que: string, e: unknown): Promise<void> {
  await dialog.showMessageBox({
    type: 'error',
    message: `No se pudo ${que}`,
    detail:
      e instanceof AppError
        ? e.message
        : (explicar(e, que) ?? `No se pudo ${que} por un error inesperado (${String(e)}).`)
  })
}

/** Asks for a backup file and checks it; null when cancelled or unusable (the user was told). */
export async function elegirRespaldo(): Promise<string | null> {
  try {
    return await elegirRespaldoSinFalla()
  } catch (e) {
    await mostrarFalla('revisar el respaldo elegido', e)
    return null
  }
}

async function elegirRespaldoSinFalla(): Promise<string | null> {
  const r = await dialog.showOpenDialog({
    title: 'Elegir un respaldo',
    properties: ['openFile'],
    filters: [{ name: 'Respaldo', extensions: ['db', 'sqlite'] }]
  })
  const elegido = r.canceled ? undefined : r.filePaths[0]
  if (!elegido) return null
  const v = verificarArchivo(elegido)
  const inutil = v.ok ? await motivoRespaldoInutil(elegido) : null
  if (v.ok && !inutil) return elegido
  await dialog.showMessageBox({
    type: 'error',
    // A stray -wal beside a good backup: the backup itself is fine.
    message: v.walAjeno
      ? 'Ese respaldo no se puede usar todavía'
      : 'Ese archivo no sirve como respaldo',
    detail: inutil ? MENSAJE_RESPALDO_INUTIL(inutil) : (v.motivo ?? '')
  })
  return null
}

/**
 * Replaces the (closed) database with a checked backup, keeping the current file aside. A refusal
 * (the file is open elsewhere, the disk is full) is shown; the database is then as it was.
 */
export async function restaurarDesde(dbPath: string, respaldo: string): Promise<boolean> {
  let copiaAnterior: string | null
  let aviso: string | undefined
  try {
    ;({ copiaAnterior, aviso } = restaurar(dbPath, respaldo))
  } catch (e) {
    await dialog.showMessageBox({
      type: 'error',
      message: 'No se restauró el respaldo',
      detail: e instanceof Error ? e.message : String(e)
    })
    return false
  }
  await dialog.showMessageBox({
    type: 'info',
    message: 'Respaldo restaurado',
    detail: `Se restauró ${respaldo}.${copiaAnterior ? ` El archivo anterior se conservó como ${copiaAnterior}.` : ''}${aviso ? ` ${aviso}` : ''}`
  })
  return true
}
