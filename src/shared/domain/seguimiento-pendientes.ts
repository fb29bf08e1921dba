/**
 * The Seguimiento tab's counter: always the acuerdos still waiting for follow-up, never the
 * total, so "Seguimiento 3" cannot be read both ways ("0 pendientes" when all are followed).
 */
export function seguimientoPendientes(seguimiento: readonly { enEstaSesion: unknown }[]): string {
  const n = seguimiento.filter((a) => !a.enEstaSesion).length
  return `${n} pendiente${n === 1 ? '' : 's'}`
}
