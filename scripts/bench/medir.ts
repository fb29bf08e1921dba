// Timing helpers and the printed table of the bench.

export interface Cifra {
  p50: number
  p95: number
  n: number
}

export function percentiles(ms: number[]): Cifra {
  const s = [...ms].sort((a, b) => a - b)
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!
  return { p50: at(0.5), p95: at(0.95), n: s.length }
}

/** Runs `f` a few times to warm up, then `n` times, timed one by one. */
export async function medir(f: () => Promise<unknown> | unknown, n = 40): Promise<Cifra> {
  for (let i = 0; i < 3; i++) await f()
  const ms: number[] = []
  for (let i = 0; i < n; i++) {
    const t0 = performance.now()
    await f()
    ms.push(performance.now() - t0)
  }
  return percentiles(ms)
}

export interface Fila {
  grupo: string
  que: string
  diez: string
  x10: string
  /** The target and whether it holds ('' when the row has none). */
  meta: string
  cumple: boolean | null
}

export const ms = (x: number): string => (x < 10 ? x.toFixed(2) : x.toFixed(0))
export const cifra = (c: Cifra): string => `${ms(c.p50)} / ${ms(c.p95)}`
export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`

/** The table as Markdown, as the README shows it. */
export function tabla(filas: Fila[]): string {
  const lineas = [
    '| | qué | 10 años | ×10 | meta | |',
    '|---|---|---|---|---|---|',
    ...filas.map(
      (f) =>
        `| ${f.grupo} | ${f.que} | ${f.diez} | ${f.x10} | ${f.meta} | ${f.cumple === null ? '' : f.cumple ? 'cumple' : '**no cumple**'} |`
    )
  ]
  return lineas.join('\n')
}
