import type { ApiHandlers, Channel } from '../../../shared/api/contract'
import { esLectura } from '../../../shared/api/channels'
import type { CoreContext } from '../contexto'
import { enNombreDe, quienActual, type Quien } from '../db/quien'
import { obtenerPerfil } from './perfil.service'

/**
 * Who a write is made by: the user the host already set for this call, otherwise the profile of
 * whoever uses this copy (on a server, this notebook's own). The time is the host's clock.
 */
async function quienEscribe(ctx: CoreContext, canal: Channel): Promise<Quien> {
  const puesto = quienActual()
  if (puesto) return { ...puesto, canal }
  const perfil = await obtenerPerfil(ctx.db, ctx.env.perfil)
  return {
    nombre: perfil?.nombre ?? null,
    institucion: perfil?.institucion ?? null,
    canal,
    en: ctx.env.reloj().toISOString()
  }
}

/**
 * Every write channel runs on behalf of its actor, so the history triggers (migration 0011)
 * record who made each change, in the same transaction as the change. Reads run as they are.
 */
export function conQuien(ctx: CoreContext, handlers: ApiHandlers): ApiHandlers {
  const out: Record<string, (input: unknown) => Promise<unknown>> = {}
  for (const [canal, handler] of Object.entries(handlers) as [
    Channel,
    (input: unknown) => Promise<unknown>
  ][]) {
    out[canal] = esLectura(canal)
      ? handler
      : async (input) => enNombreDe(await quienEscribe(ctx, canal), () => handler(input))
  }
  return out as ApiHandlers
}
