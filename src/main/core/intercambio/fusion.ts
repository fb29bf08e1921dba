// How one row received in a package meets the same row here, field by field. Each field carries
// the stamp of its last change (the stamp names the installation that made it). Each side keeps
// a vector: for every installation, the highest stamp of it whose changes it has all received.
// A field is taken when the sender had already seen our version; left when we had already seen
// theirs; and when neither saw the other's change, the two values are a conflict for the user.
// Deletion is the field BORRADO: a row deleted on one side and edited on the other is a conflict
// of the whole row, so no edit disappears with a deletion nobody chose.

import { leer } from './hlc'

export const BORRADO = '_borrado'

/** For each installation id, the highest stamp of it that this side has seen with all before. */
export type Vector = Readonly<Record<string, string>>

export interface Version {
  /** The value as JSON text, so values compare the same on both sides. */
  readonly valor: string
  readonly sello: string
}

export type Fila = Readonly<Record<string, Version>>

export type Decision = 'tomar' | 'dejar' | 'conflicto'

export function conoce(v: Vector, sello: string): boolean {
  const visto = v[leer(sello).instalacion]
  return visto !== undefined && sello <= visto
}

export function unir(a: Vector, b: Vector): Vector {
  const r: Record<string, string> = { ...a }
  for (const [k, s] of Object.entries(b)) if (!(k in r) || s > r[k]!) r[k] = s
  return r
}

/** One field: the version here, the one received, what we have seen and what the sender had. */
export function decidirCampo(
  local: Version | undefined,
  remota: Version,
  mio: Vector,
  suyo: Vector
): Decision {
  if (!local) return 'tomar'
  if (local.sello === remota.sello || conoce(mio, remota.sello)) return 'dejar'
  if (conoce(suyo, local.sello)) return 'tomar'
  // Both changed it unseen by the other; the same value is no conflict: keep the later stamp.
  if (local.valor === remota.valor) return remota.sello > local.sello ? 'tomar' : 'dejar'
  return 'conflicto'
}

const borrada = (f: Fila | undefined): boolean => f?.[BORRADO]?.valor === 'true'

/** Fields of `f` changed where `otro` (that side's vector) has not seen them. */
function cambiosNoVistos(f: Fila, otro: Vector): boolean {
  return Object.entries(f).some(([c, v]) => c !== BORRADO && !conoce(otro, v.sello))
}

export interface DecisionFila {
  readonly tomar: readonly string[]
  readonly conflictos: readonly string[]
}

/** Every field of a received row; a deletion against unseen edits is one conflict on BORRADO. */
export function decidirFila(
  local: Fila | undefined,
  remota: Fila,
  mio: Vector,
  suyo: Vector
): DecisionFila {
  const tomar: string[] = []
  const conflictos: string[] = []
  for (const [campo, v] of Object.entries(remota)) {
    const d = decidirCampo(local?.[campo], v, mio, suyo)
    if (d === 'tomar') tomar.push(campo)
    else if (d === 'conflicto') conflictos.push(campo)
  }
  if (local && !conflictos.includes(BORRADO)) {
    const borraEllos = tomar.includes(BORRADO) && borrada(remota)
    const borroYo = borrada(local) && !conoce(suyo, local[BORRADO]!.sello)
    const choca =
      (borraEllos && cambiosNoVistos(local, suyo)) || (borroYo && cambiosNoVistos(remota, mio))
    if (choca) {
      return { tomar: tomar.filter((c) => c !== BORRADO), conflictos: [...conflictos, BORRADO] }
    }
  }
  return { tomar, conflictos }
}
