/**
 * What the user reads when the disk or SQLite refuses: every system (errno) and SQLite error
 * code that can reach a person maps to one cause, named in Spanish, with what to do about it.
 * SQLite's and Node's own messages are English and name no remedy, so they never reach the user.
 */
export type Causa =
  | 'lleno'
  | 'bloqueado'
  | 'sin_permiso'
  | 'danado'
  | 'no_existe'
  | 'es_carpeta'
  | 'no_es_carpeta'
  | 'enlace_ciclico'
  | 'nombre_largo'
  | 'no_se_abre'
  | 'disco'
  | 'memoria'
  | 'diario_pendiente'

export const MENSAJES_CAUSA: Record<Causa, string> = {
  lleno: 'el disco está lleno. Libere espacio en el disco y vuelva a intentarlo',
  bloqueado:
    'el archivo está bloqueado por otro programa (otra ventana de Secretaría MITP, un antivirus o un programa de sincronización). Ciérrelo y vuelva a intentarlo',
  sin_permiso:
    'no hay permiso para leer o escribir el archivo o su carpeta (es de solo lectura o de otro usuario). Copie la base de datos a una carpeta propia, como Documentos',
  danado: 'el archivo está dañado. Restaure el último respaldo',
  no_existe: 'el archivo o su carpeta no existe',
  es_carpeta:
    'la ruta indicada es una carpeta, no un archivo. Indique el archivo mismo (termina en .db)',
  no_es_carpeta:
    'una parte de la ruta es un archivo, no una carpeta. Revise la ruta: sobra algo después del nombre del archivo',
  enlace_ciclico:
    'la ruta pasa por un acceso directo (enlace simbólico) que se apunta a sí mismo o forma un ciclo. Revise la ruta o elimine ese acceso directo',
  nombre_largo:
    'el nombre del archivo o la ruta es demasiado largo. Use un nombre más corto o una carpeta más cercana a la raíz del disco',
  no_se_abre:
    'no se pudo abrir el archivo (la carpeta no existe, no hay permiso o el disco no está conectado)',
  disco:
    'el disco falló al leer o escribir (¿se desconectó una memoria USB o un disco de red?). Revise el disco y vuelva a intentarlo',
  memoria: 'el equipo no tiene memoria suficiente. Cierre otros programas y vuelva a intentarlo',
  diario_pendiente:
    'junto al archivo hay un diario de SQLite (el archivo que termina en -journal) con cambios a medio guardar, y se abrió sólo para leer, así que no se pueden deshacer. Cierre los demás programas y vuelva a abrirlo normalmente; si no es de esta base de datos, muévalo a otra carpeta (no lo borre) y consulte a informática'
}

/** Node's errno codes. */
const ERRNO: Record<string, Causa> = {
  ENOSPC: 'lleno',
  EDQUOT: 'lleno',
  EFBIG: 'lleno',
  EBUSY: 'bloqueado',
  ETXTBSY: 'bloqueado',
  EAGAIN: 'bloqueado',
  EACCES: 'sin_permiso',
  EPERM: 'sin_permiso',
  EROFS: 'sin_permiso',
  ENOENT: 'no_existe',
  ENOTDIR: 'no_es_carpeta',
  EISDIR: 'es_carpeta',
  ELOOP: 'enlace_ciclico',
  ENAMETOOLONG: 'nombre_largo',
  EIO: 'disco',
  ENXIO: 'disco',
  ENODEV: 'disco',
  ESTALE: 'disco',
  ENOMEM: 'memoria'
}

/** SQLite's primary result codes; extended ones (SQLITE_IOERR_WRITE…) fall back to these. */
const SQLITE: Record<string, Causa> = {
  SQLITE_FULL: 'lleno',
  SQLITE_BUSY: 'bloqueado',
  SQLITE_LOCKED: 'bloqueado',
  SQLITE_READONLY: 'sin_permiso',
  SQLITE_PERM: 'sin_permiso',
  SQLITE_AUTH: 'sin_permiso',
  SQLITE_CORRUPT: 'danado',
  SQLITE_NOTADB: 'danado',
  SQLITE_FORMAT: 'danado',
  SQLITE_CANTOPEN: 'no_se_abre',
  SQLITE_IOERR: 'disco',
  SQLITE_PROTOCOL: 'bloqueado',
  SQLITE_NOMEM: 'memoria'
}

// Extended codes that say more than their primary one.
const SQLITE_EXTENDIDOS: Record<string, Causa> = {
  SQLITE_IOERR_NOMEM: 'memoria',
  SQLITE_IOERR_LOCK: 'bloqueado',
  SQLITE_IOERR_RDLOCK: 'bloqueado',
  SQLITE_IOERR_ACCESS: 'sin_permiso',
  // A hot journal that a read-only connection cannot roll back: not a matter of permissions.
  SQLITE_READONLY_ROLLBACK: 'diario_pendiente',
  SQLITE_CANTOPEN_ISDIR: 'es_carpeta',
  SQLITE_CANTOPEN_NOTEMPDIR: 'sin_permiso'
}

function codigo(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null
  return typeof error.code === 'string' ? error.code : null
}

/** The cause of a system or SQLite error, or null for any other error. */
export function causaDe(error: unknown): Causa | null {
  for (let e = error, i = 0; e && i < 5; e = (e as { cause?: unknown }).cause, i++) {
    const c = codigo(e)
    if (!c) continue
    if (c in ERRNO) return ERRNO[c]!
    if (c in SQLITE_EXTENDIDOS) return SQLITE_EXTENDIDOS[c]!
    const primario = /^SQLITE_[A-Z]+/.exec(c)?.[0]
    if (primario && primario in SQLITE) return SQLITE[primario]!
  }
  return null
}

/** "No se pudo <que>: <cause>." for a system or SQLite error; null for any other error. */
export function explicar(error: unknown, que: string): string | null {
  const causa = causaDe(error)
  return causa ? `No se pudo ${que}: ${MENSAJES_CAUSA[causa]}.` : null
}

/** Every code along an error's chain of causes (a driver's error may be wrapped). */
function codigos(error: unknown): string[] {
  const todos: string[] = []
  for (let e = error, i = 0; e && i < 5; e = (e as { cause?: unknown }).cause, i++) {
    const c = codigo(e)
    if (c) todos.push(c)
  }
  return todos
}

/** A unique constraint refused the write: SQLite's code, or PostgreSQL's SQLSTATE 23505. */
export function esViolacionUnica(error: unknown): boolean {
  return codigos(error).some((c) => c === 'SQLITE_CONSTRAINT_UNIQUE' || c === '23505')
}

/**
 * Two writers met: a unique value both computed (esViolacionUnica); SQLite refusing to let a
 * transaction that has read write after another connection took the write lock or committed
 * (SQLITE_BUSY, answered at once then: waiting could deadlock); PostgreSQL's serialization
 * failure or deadlock. Running the transaction again is the remedy. SQLITE_BUSY also comes after
 * waiting for a lock another program holds: callers bound their retries in time, not only count.
 */
export function esCarreraDeEscritura(error: unknown): boolean {
  return (
    esViolacionUnica(error) ||
    codigos(error).some((c) => c.startsWith('SQLITE_BUSY') || c === '40001' || c === '40P01')
  )
}
