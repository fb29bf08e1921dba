/**
 * The port `npm run dev:web` listens on, and why it could not, in Spanish: Node's own words
 * ("listen EADDRINUSE: address already in use") with a stack are no help to whoever runs it.
 */
export const PUERTO_POR_OMISION = 5174

export class ErrorDeArranque extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ErrorDeArranque'
  }
}

const COMO_OTRO = (sugerido: number): string =>
  `Use otro puerto: npm run dev:web -- --port ${sugerido} (o la variable PORT).`

/** The port asked for (--port, else PORT), or the default; refused when it is not one. */
export function leerPuerto(opcion: string | undefined, entorno: string | undefined): number {
  const texto = opcion ?? entorno
  if (texto === undefined || texto === '') return PUERTO_POR_OMISION
  const n = Number(texto)
  if (!/^\d+$/.test(texto.trim()) || !Number.isInteger(n) || n < 1 || n > 65535)
    throw new ErrorDeArranque(
      `"${texto}" no es un puerto válido: indique un número entre 1 y 65535. ${COMO_OTRO(PUERTO_POR_OMISION)}`
    )
  return n
}

/** The listening error said in Spanish, naming the port and what to do; others unchanged. */
export function errorDeEscucha(e: unknown, puerto: number): unknown {
  const code = (e as NodeJS.ErrnoException | null)?.code
  const otro = puerto >= 65535 ? PUERTO_POR_OMISION : puerto + 1
  if (code === 'EADDRINUSE')
    return new ErrorDeArranque(
      `El puerto ${puerto} ya está en uso: otro programa lo ocupa (quizá otra copia de "npm run dev:web"). Ciérrelo, o ${COMO_OTRO(otro).replace(/^U/, 'u')}`
    )
  if (code === 'EACCES')
    return new ErrorDeArranque(
      `No hay permiso para usar el puerto ${puerto} (los menores que 1024 están reservados). ${COMO_OTRO(PUERTO_POR_OMISION)}`
    )
  if (code === 'EADDRNOTAVAIL')
    return new ErrorDeArranque(
      `No se pudo escuchar en 127.0.0.1:${puerto}: la dirección local no está disponible en este equipo. Revise la configuración de red.`
    )
  return e
}
