import { useSyncExternalStore } from 'react'

/**
 * Writes of each session still on their way, and when the last one was saved. A screen that
 * mounts while a save left behind by the one before (the unmount flush) is in flight must not
 * show — and let the secretary edit — the session as it was before that save.
 */
interface Estado {
  enCurso: number
  guardadaEn: number
}

const estados = new Map<string, Estado>()
const oyentes = new Set<() => void>()
const avisar = (): void => oyentes.forEach((o) => o())

function estadoDe(sesionId: string): Estado {
  let e = estados.get(sesionId)
  if (!e) estados.set(sesionId, (e = { enCurso: 0, guardadaEn: 0 }))
  return e
}

/** Follows one write of a session: counted while in flight; `guardada` marks its save. */
export async function seguirEscritura<T>(
  sesionId: string | undefined,
  escritura: Promise<T>,
  guardada: (r: T) => boolean
): Promise<T> {
  if (!sesionId) return escritura
  const e = estadoDe(sesionId)
  e.enCurso++
  avisar()
  try {
    const r = await escritura
    if (guardada(r)) e.guardadaEn = Date.now()
    return r
  } finally {
    e.enCurso--
    avisar()
  }
}

function suscribir(oyente: () => void): () => void {
  oyentes.add(oyente)
  return () => oyentes.delete(oyente)
}

/** "enCurso:guardadaEn" of a session, re-rendering when a write starts or ends. */
export function useEscriturasDe(sesionId: string): Estado {
  const clave = useSyncExternalStore(suscribir, () => {
    const e = estados.get(sesionId)
    return e ? `${e.enCurso}:${e.guardadaEn}` : '0:0'
  })
  const [enCurso, guardadaEn] = clave.split(':').map(Number)
  return { enCurso, guardadaEn }
}
