import type { ApiResult } from '../../../shared/api/result'
import type { Evento } from '../../../shared/api/eventos'
import type { OpenFailure } from '../db/open'
import type { Descarga } from '../descargas'
import type { Destino } from '../db/destino'

/** What the host gives the core's worker when it starts it. */
export interface DatosNucleo {
  /** The SQLite file (its backups); for a server, its description (never its password). */
  dbPath: string
  /** What the core opens: the file, or a server with its password (in memory only). */
  destino: Destino
  version: string
  /** Where automatic backups go (daily at start, after each approval); null: none. */
  respaldosDir: string | null
  /** Where «Respaldar ahora» leaves its copy, in either role (the same folder); null: none. */
  respaldosManuales: string | null
  /** On a server, the file where this notebook keeps its user's profile (perfil-local.ts). */
  perfilArchivo: string | null
  /** Whether the host can print PDFs (it is asked through a port message). */
  conPdf: boolean
  nativeBinding: string | null
  /** 'diario' answers everyday calls and must never block; 'pesado' may wait for the lock. */
  rol: 'diario' | 'pesado'
  /** The running imports, counted in memory both threads share (tareas.ts). */
  escrituras: SharedArrayBuffer
}

/** Host → worker. */
export type AlNucleo =
  | { tipo: 'llamada'; seq: number; canal: string; entrada: unknown }
  | { tipo: 'pdf-listo'; seq: number; pdf: Uint8Array }
  | { tipo: 'pdf-fallo'; seq: number; mensaje: string }
  | { tipo: 'descarga'; seq: number; id: string }
  | { tipo: 'cerrar' }

/** Worker → host. */
export type DelNucleo =
  | { tipo: 'listo'; schemaVersion: number; creado: boolean }
  | { tipo: 'fallo'; razon: OpenFailure | 'interno'; mensaje: string }
  | { tipo: 'resultado'; seq: number; resultado: ApiResult<unknown> }
  | { tipo: 'evento'; evento: Evento }
  | { tipo: 'pdf'; seq: number; html: string; pie: string }
  | { tipo: 'log'; mensaje: string; error: string | null }
  | { tipo: 'descarga'; seq: number; descarga: Descarga | null }
  | { tipo: 'cerrado' }
