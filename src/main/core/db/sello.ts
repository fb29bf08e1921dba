import { avanzar, escribir, leer, RELOJ_CERO, type Reloj } from '../intercambio/hlc'
import type { SqliteHandle } from './sqlite'

// Each connection's hybrid logical clock (#16), behind the `mitp_sello()` the stamp triggers call
// (migration 0014). It lives in memory; the triggers hand it the largest stamp stored, so it
// never falls behind a stamp another connection, an import or a restored file wrote.

interface Estado {
  reloj: Reloj
  /** The last stamp this connection gave or adopted, as text (stamps sort as text). */
  ultimo: string
  ahora: () => number
}

const estados = new WeakMap<SqliteHandle, Estado>()

/** The next stamp: after every stamp stored (`mayor`) and every one given here before. */
function siguiente(e: Estado, instalacion: string, mayor: string | null): string {
  if (mayor !== null && mayor > e.ultimo) e.reloj = leer(mayor)
  e.reloj = avanzar(e.reloj, e.ahora())
  e.ultimo = escribir({ ...e.reloj, instalacion })
  return e.ultimo
}

/** Gives a connection the `mitp_sello(instalacion, mayor)` its stamp triggers call. */
export function registrarSello(handle: SqliteHandle): void {
  const e: Estado = { reloj: RELOJ_CERO, ultimo: '', ahora: Date.now }
  estados.set(handle, e)
  handle.function('mitp_sello', { deterministic: false }, (instalacion, mayor) => {
    if (typeof instalacion !== 'string') throw new Error('mitp_sello: falta la instalación')
    return siguiente(e, instalacion, typeof mayor === 'string' ? mayor : null)
  })
}

/** The wall clock a connection's stamps read (a test sets a laptop an hour behind). */
export function fijarRelojSellos(handle: SqliteHandle, ahora: () => number): void {
  const e = estados.get(handle)
  if (!e) throw new Error('La conexión no registró mitp_sello().')
  e.ahora = ahora
}
