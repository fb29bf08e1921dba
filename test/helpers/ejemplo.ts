import { z } from 'zod'
import { contract } from '../../src/shared/api/contract'
import type { Channel } from '../../src/shared/api/channels'

/**
 * A valid input for any channel, built from its zod schema (through zod's JSON Schema), with
 * every id field taken from `idPara(campo)`. Used to walk the whole contract: a new channel
 * gets an input without anyone writing one. Returns null when the schema rejects what was
 * built, so a test can say which channel it could not reach.
 */
export function ejemploValido(
  channel: Channel,
  idPara: (campo: string) => string | null
): { input: unknown } | null {
  const input = ejemploSinRevisar(channel, idPara)
  return contract[channel].input.safeParse(input).success ? { input } : null
}

/** The input `ejemploValido` builds, before its schema is asked: a test may complete it. */
export function ejemploSinRevisar(
  channel: Channel,
  idPara: (campo: string) => string | null
): unknown {
  const json = z.toJSONSchema(contract[channel].input, { unrepresentable: 'any', io: 'input' })
  return valor(json as Js, '', idPara)
}

interface Js {
  type?: string | string[]
  properties?: Record<string, Js>
  anyOf?: Js[]
  oneOf?: Js[]
  enum?: unknown[]
  const?: unknown
  format?: string
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
}

// Dates and times by field name: the schemas check them with refinements JSON Schema cannot say.
const FECHAS = /^(fecha|plazo|desde|hasta|periodoDesde|periodoHasta|proximaFecha|fechaCorte)$/
const HORAS = /^hora/

function valor(js: Js, campo: string, idPara: (campo: string) => string | null): unknown {
  const opciones = js.anyOf ?? js.oneOf
  if (opciones) {
    // Prefer a real value over null, so the handler has something to work on.
    const noNula = opciones.find((o) => o.type !== 'null') ?? opciones[0]!
    return valor(noNula, campo, idPara)
  }
  if (Array.isArray(js.type)) {
    const tipo = js.type.find((t) => t !== 'null') ?? 'null'
    return valor({ ...js, type: tipo }, campo, idPara)
  }
  if (js.const !== undefined) return js.const
  if (js.enum) return js.enum[0]
  switch (js.type) {
    case 'object': {
      const out: Record<string, unknown> = {}
      // No `antes`: an example is a caller that never read the row (campos.ts antesDe).
      for (const [k, v] of Object.entries(js.properties ?? {}))
        if (k !== 'antes') out[k] = valor(v, k, idPara)
      return out
    }
    case 'string':
      return texto(js, campo, idPara)
    case 'integer':
    case 'number':
      return js.minimum !== undefined && js.minimum > 0 ? js.minimum : Math.min(1, js.maximum ?? 1)
    case 'boolean':
      return false
    case 'null':
      return null
    default:
      return undefined
  }
}

function texto(js: Js, campo: string, idPara: (campo: string) => string | null): string | null {
  if (js.format === 'uuid' || /(^id|Id)$/.test(campo)) return idPara(campo)
  if (FECHAS.test(campo)) return '2014-06-30'
  if (HORAS.test(campo)) return '10:00'
  if (campo === 'base64') return ''
  const base = `Texto de prueba ${campo}`
  return base.slice(0, js.maxLength ?? base.length).padEnd(js.minLength ?? 0, 'x')
}
