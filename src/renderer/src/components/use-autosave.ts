import { useEffect, useLayoutEffect, useRef } from 'react'

/** At most this long between a keystroke and its save. */
export const AUTOSAVE_MS = 700

/**
 * Saves a value a short while after it stops changing, and at once when the component goes
 * away with a change pending (closing a section or the window loses nothing).
 */
export function useAutosave<T>(
  value: T,
  save: (value: T) => Promise<boolean>,
  enabled = true
): { flush: () => void } {
  const saved = useRef(JSON.stringify(value))
  const latest = useRef(value)
  const saveRef = useRef(save)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  // Keep the latest value and save function for the timer and the unmount flush.
  useLayoutEffect(() => {
    latest.current = value
    saveRef.current = save
  })

  const flushRef = useRef(() => {
    clearTimeout(timer.current)
    timer.current = undefined
    const key = JSON.stringify(latest.current)
    if (key === saved.current) return
    saved.current = key
    void saveRef.current(latest.current).then((ok) => {
      // A refused save stays pending, so the next change or flush tries again.
      if (!ok && saved.current === key) saved.current = ''
    })
  })

  useEffect(() => {
    // A change that makes the value unsavable cancels the save still pending for the one before.
    clearTimeout(timer.current)
    timer.current = undefined
    if (!enabled || JSON.stringify(value) === saved.current) return
    timer.current = setTimeout(() => flushRef.current(), AUTOSAVE_MS)
  }, [value, enabled])

  useEffect(() => {
    const flush = flushRef.current
    window.addEventListener('beforeunload', flush)
    return () => {
      window.removeEventListener('beforeunload', flush)
      flush()
    }
  }, [])

  return { flush: () => flushRef.current() }
}
