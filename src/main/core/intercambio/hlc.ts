// A hybrid logical clock (Kulkarni et al., 2014): wall time in milliseconds plus a counter, so
// that edits on two laptops with skewed clocks still order after what each side has seen. The
// stamp is text that sorts like the clock: fixed-width wall time, fixed-width counter, then the
// installation id that breaks ties, so SQLite and PostgreSQL compare stamps as plain strings.

/** The clock's state: the largest wall time seen and the counter within it. */
export interface Reloj {
  readonly ms: number
  readonly contador: number
}

export interface Sello extends Reloj {
  readonly instalacion: string
}

const ANCHO_MS = 13 // milliseconds until the year 2286
const ANCHO_CONTADOR = 4 // base 36: 1,679,615 stamps within one millisecond
export const MAX_CONTADOR = 36 ** ANCHO_CONTADOR - 1
const FORMA = /^(\d{13})-([0-9a-z]{4})-([0-9A-Za-z-]{1,64})$/

export const RELOJ_CERO: Reloj = { ms: 0, contador: 0 }

export class ErrorReloj extends Error {}

function conContador(ms: number, contador: number): Reloj {
  if (contador > MAX_CONTADOR) throw new ErrorReloj('El reloj lógico se desbordó.')
  return { ms, contador }
}

/** The next stamp for a change made here, at wall time `ahora`. */
export function avanzar(r: Reloj, ahora: number): Reloj {
  const ms = Math.max(r.ms, Math.floor(ahora))
  return conContador(ms, ms === r.ms ? r.contador + 1 : 0)
}

/** The clock after receiving a stamp made elsewhere: never behind what was seen. */
export function recibir(r: Reloj, visto: Reloj, ahora: number): Reloj {
  const ms = Math.max(r.ms, visto.ms, Math.floor(ahora))
  if (ms === r.ms && ms === visto.ms) {
    return conContador(ms, Math.max(r.contador, visto.contador) + 1)
  }
  if (ms === r.ms) return conContador(ms, r.contador + 1)
  if (ms === visto.ms) return conContador(ms, visto.contador + 1)
  return { ms, contador: 0 }
}

export function escribir(s: Sello): string {
  return [
    String(s.ms).padStart(ANCHO_MS, '0'),
    s.contador.toString(36).padStart(ANCHO_CONTADOR, '0'),
    s.instalacion
  ].join('-')
}

export function leer(texto: string): Sello {
  const m = FORMA.exec(texto)
  if (!m) throw new ErrorReloj(`Sello de tiempo inválido: «${texto.slice(0, 80)}».`)
  return { ms: Number(m[1]), contador: parseInt(m[2]!, 36), instalacion: m[3]! }
}
