import { useCallback, useEffect, useLayoutEffect, useRef } from 'react'

const igual = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)
// The core trims some texts: what was typed ("Hola ", the next word on its way) is not replaced
// by what it stored ("Hola") under the cursor.
const mismoTexto = (a: unknown, b: unknown): boolean =>
  typeof a === 'string' && typeof b === 'string' && a.trim() === b.trim()

/**
 * What a form last read of the row it edits: the `antes` its update sends (shared/api/campos.ts),
 * so the core refuses a write over someone else's change instead of losing it.
 *
 * When the row is read again, a field the user has not touched takes the new value, and so does
 * the read; a field the user changed keeps both their text and the old read (their save will be
 * refused if someone else changed it meanwhile). After such a refusal (`recargar`, the screen
 * reads the row again) the fields someone else changed take the stored value; what the user typed
 * in the others stays, and is saved by the next autosave. `guardar` sends one save with the read
 * (`antes`, in the form's shape) and, once saved, takes what it sent as read.
 */
export function useLeido<T extends object>(
  servidor: T,
  valores: T,
  poner: (cambios: Partial<T>) => void
): {
  guardar: (enviados: T, f: (antes: T) => Promise<boolean>) => Promise<boolean>
  recargar: () => void
} {
  const base = useRef<T>(servidor)
  const recargando = useRef(false)
  const cola = useRef<Promise<unknown>>(Promise.resolve())
  const actual = useRef({ servidor, valores, poner })
  useLayoutEffect(() => {
    actual.current = { servidor, valores, poner }
  })

  const alinear = useCallback(() => {
    const { servidor: s, valores: v, poner: p } = actual.current
    const cambios: Partial<T> = {}
    let recargado = false
    for (const k of Object.keys(s) as (keyof T & string)[]) {
      const b = base.current[k]
      if (igual(v[k], s[k]) || mismoTexto(v[k], s[k])) base.current = { ...base.current, [k]: s[k] }
      else if (igual(v[k], b) || (recargando.current && !igual(b, s[k]))) {
        recargado ||= !igual(v[k], b)
        cambios[k] = s[k]
        base.current = { ...base.current, [k]: s[k] }
      }
    }
    if (recargado) recargando.current = false
    if (Object.keys(cambios).length) p(cambios)
  }, [])

  const clave = JSON.stringify(servidor)
  useEffect(() => alinear(), [clave, alinear])

  return {
    // One save at a time, each sent with the read the previous one left: a save still on its
    // way when the next starts would otherwise be refused as stale by the first.
    guardar: useCallback((enviados: T, f: (antes: T) => Promise<boolean>) => {
      const hecho = cola.current.then(async () => {
        // Only what someone else changed was taken in: nothing of this person's to save.
        const leidos = base.current
        if (Object.keys(enviados).every((k) => igual(enviados[k as keyof T], leidos[k as keyof T])))
          return true
        const ok = await f(base.current)
        if (ok) base.current = { ...base.current, ...enviados }
        return ok
      })
      cola.current = hecho.catch(() => undefined)
      return hecho
    }, []),
    recargar: useCallback(() => {
      recargando.current = true
      alinear()
    }, [alinear])
  }
}
