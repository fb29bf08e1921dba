import fc from 'fast-check'
import { z } from 'zod'
import { contract } from '../../src/shared/api/contract'
import { CHANNELS, type Channel } from '../../src/shared/api/channels'
import { isIsoDate } from '../../src/shared/domain/fechas'

/**
 * One fast-check arbitrary per API channel, derived from the channel's zod schema through
 * `z.toJSONSchema`: a new channel gets one automatically, and a schema shape the deriver does
 * not know throws `UnsupportedSchema` (a test derives every channel), so nothing is skipped
 * silently. Valid inputs most of the time, a malformed mutation of one some of the time.
 */

export type JsonSchema = Record<string, unknown>

export class UnsupportedSchema extends Error {}

/** What the caller knows that a schema cannot say: real ids, and real values for some keys. */
export interface DeriveContext {
  /** A real id (mostly) for a uuid field named `key` of `channel`. */
  id: (channel: Channel, key: string) => fc.Arbitrary<string>
  /** Extra values to mix in for a key (a real workbook for `base64`), or undefined. */
  extra?: (channel: Channel, key: string) => fc.Arbitrary<unknown> | undefined
}

/** Every keyword the deriver understands; any other one in a schema fails the derivation. */
const KNOWN = new Set([
  '$schema',
  'type',
  'properties',
  'required',
  'additionalProperties',
  'enum',
  'const',
  'anyOf',
  'oneOf',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'items',
  'minItems',
  'maxItems'
])
const FORMATS = new Set(['uuid', 'date'])

/** fechaSchema is a string refined by isIsoDate: JSON Schema cannot say so, the override can. */
function esFecha(schema: unknown): boolean {
  const checks = (schema as { _zod?: { def?: { checks?: unknown[] } } })._zod?.def?.checks ?? []
  return checks.some(
    (c) => (c as { _zod?: { def?: { fn?: unknown } } })._zod?.def?.fn === isIsoDate
  )
}

/** The input JSON Schema of a zod schema; throws on shapes JSON Schema cannot express. */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'throw',
    override: (ctx) => {
      if (esFecha(ctx.zodSchema)) ctx.jsonSchema.format = 'date'
    }
  }) as JsonSchema
}

export const inputJsonSchema = (channel: Channel): JsonSchema =>
  jsonSchemaOf(contract[channel].input)

const isSchema = (v: unknown): v is JsonSchema => typeof v === 'object' && v !== null
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined)

// Text the minutes really hold: accents, ñ, punctuation, now and then an emoji; no control
// characters (refused on purpose) and no edge spaces (trimmed before the length checks).
const CHARS = [
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789áéíóúñÑü.,;:-()"/°%',
  ' ',
  ' ',
  '😀',
  '«',
  '»'
]
const inner = fc.constantFrom(...CHARS)
const edge = fc.constantFrom(...CHARS.filter((c) => c.trim() === c))

function texto(min: number, max: number): fc.Arbitrary<string> {
  const cap = Math.min(max, Math.max(60, min))
  const normal = fc
    .oneof(
      edge,
      fc
        .tuple(
          edge,
          fc.array(inner, { minLength: Math.max(0, min - 2), maxLength: Math.max(0, cap - 2) }),
          edge
        )
        .map(([a, mid, b]) => a + mid.join('') + b)
    )
    .filter((s) => s.length >= min && s.length <= max)
  // The longest text allowed, to hit the boundary now and then.
  const tope = fc.constant('x'.repeat(max))
  const vacio = min === 0 ? [fc.constant('')] : []
  return fc.oneof(
    { weight: 8, arbitrary: normal },
    { weight: 1, arbitrary: tope },
    ...vacio.map((a) => ({ weight: 1, arbitrary: a }))
  )
}

const fecha = fc
  .date({
    min: new Date('2013-01-01T00:00:00Z'),
    max: new Date('2016-12-31T00:00:00Z'),
    noInvalidDate: true
  })
  .map((d) => d.toISOString().slice(0, 10))

function derive(
  schema: JsonSchema,
  ctx: DeriveContext,
  channel: Channel,
  key: string,
  path: string
): fc.Arbitrary<unknown> {
  for (const k of Object.keys(schema)) {
    if (!KNOWN.has(k)) throw new UnsupportedSchema(`${channel} ${path}: keyword ${k}`)
  }
  const extra = ctx.extra?.(channel, key)
  const base = deriveBase(schema, ctx, channel, key, path)
  return extra ? fc.oneof(base, extra) : base
}

function deriveBase(
  schema: JsonSchema,
  ctx: DeriveContext,
  channel: Channel,
  key: string,
  path: string
): fc.Arbitrary<unknown> {
  const union = schema.anyOf ?? schema.oneOf
  if (Array.isArray(union)) {
    // Nullable fields: the value most of the time, null some of the time.
    return fc.oneof(
      ...union.map((s, i) => {
        if (!isSchema(s)) throw new UnsupportedSchema(`${channel} ${path}: union member`)
        return {
          weight: s.type === 'null' ? 1 : 3,
          arbitrary: derive(s, ctx, channel, key, `${path}|${i}`)
        }
      })
    )
  }
  if ('const' in schema) return fc.constant(schema.const)
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]))
  if (Array.isArray(schema.type)) {
    return fc.oneof(
      ...schema.type.map((t) => derive({ ...schema, type: t }, ctx, channel, key, path))
    )
  }
  switch (schema.type) {
    case 'null':
      return fc.constant(null)
    case 'boolean':
      return fc.boolean()
    case 'integer':
    case 'number': {
      const min = num(schema.minimum) ?? num(schema.exclusiveMinimum) ?? -1000
      const max = num(schema.maximum) ?? num(schema.exclusiveMaximum) ?? Math.max(min, 0) + 1000
      const exclusive = (v: number): boolean =>
        v !== schema.exclusiveMinimum && v !== schema.exclusiveMaximum
      const arb =
        schema.type === 'integer'
          ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
          : fc.double({ min, max, noNaN: true, noDefaultInfinity: true })
      return arb.filter(exclusive)
    }
    case 'string': {
      const min = num(schema.minLength) ?? 0
      const max = num(schema.maxLength) ?? 200
      if (schema.format !== undefined && !FORMATS.has(String(schema.format))) {
        throw new UnsupportedSchema(`${channel} ${path}: format ${String(schema.format)}`)
      }
      if (schema.format === 'uuid') return ctx.id(channel, key)
      if (schema.format === 'date') return fecha
      if (typeof schema.pattern === 'string') {
        return fc
          .stringMatching(new RegExp(schema.pattern))
          .filter((s) => s.length >= min && s.length <= max)
      }
      return texto(min, max)
    }
    case 'array': {
      if (!isSchema(schema.items)) throw new UnsupportedSchema(`${channel} ${path}: array items`)
      return fc.array(derive(schema.items, ctx, channel, key, `${path}[]`), {
        minLength: num(schema.minItems) ?? 0,
        maxLength: Math.min(num(schema.maxItems) ?? 5, 5)
      })
    }
    case 'object': {
      const props = isSchema(schema.properties) ? schema.properties : {}
      const required = Array.isArray(schema.required) ? (schema.required as string[]) : []
      const model: Record<string, fc.Arbitrary<unknown>> = {}
      for (const [k, s] of Object.entries(props)) {
        if (!isSchema(s)) throw new UnsupportedSchema(`${channel} ${path}.${k}`)
        model[k] = derive(s, ctx, channel, k, `${path}.${k}`)
      }
      return fc.record(model, { requiredKeys: required })
    }
    default:
      throw new UnsupportedSchema(`${channel} ${path}: type ${String(schema.type)}`)
  }
}

/** Valid for the schema's shape (refinements across fields may still refuse a few). */
export function deriveFrom(
  schema: z.ZodType,
  ctx: DeriveContext,
  channel: Channel
): fc.Arbitrary<unknown> {
  const arb = derive(jsonSchemaOf(schema), ctx, channel, '', '$')
  // JSON Schema drops a top-level .optional(); the zod schema itself says whether undefined passes.
  return schema.safeParse(undefined).success ? fc.oneof(arb, fc.constant(undefined)) : arb
}

export const validInput = (channel: Channel, ctx: DeriveContext): fc.Arbitrary<unknown> =>
  deriveFrom(contract[channel].input, ctx, channel)

const MUTATIONS = ['drop', 'wrongType', 'tooLong', 'extraKey', 'anything'] as const

/** A valid input broken one way: a required key dropped, a wrong type, a string too long, ... */
export function malformed(channel: Channel, valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const schema = inputJsonSchema(channel)
  const props = isSchema(schema.properties) ? schema.properties : {}
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : []
  const keys = Object.keys(props)
  return fc
    .tuple(valid, fc.constantFrom(...MUTATIONS), fc.nat(), fc.anything({ maxDepth: 2 }))
    .map(([v, how, n, junk]) => {
      if (how === 'anything' || !isSchema(v) || keys.length === 0) return junk
      const out: Record<string, unknown> = { ...v }
      const key = keys[n % keys.length]!
      const prop = props[key]
      if (how === 'drop' && required.length > 0) delete out[required[n % required.length]!]
      else if (how === 'tooLong' && isSchema(prop) && typeof prop.maxLength === 'number')
        out[key] = 'x'.repeat(prop.maxLength + 1)
      else if (how === 'extraKey') out[`__${key}`] = junk
      else out[key] = typeof out[key] === 'number' ? String(out[key]) : [junk]
      return out
    })
}

/**
 * Valid for the whole schema almost always: rules across fields (a period's order, a
 * percentage's numerator) are invisible in JSON Schema, so draw three and keep the first that
 * the channel's own zod schema accepts.
 */
export function schemaValid(channel: Channel, ctx: DeriveContext): fc.Arbitrary<unknown> {
  const schema = contract[channel].input
  return fc
    .array(validInput(channel, ctx), { minLength: 3, maxLength: 3 })
    .map((list) => list.find((v) => schema.safeParse(v).success) ?? list[0])
}

/** Each channel's arbitrary: valid 9 times in 10, malformed otherwise. Throws if one can't derive. */
export function channelArbitraries(ctx: DeriveContext): Record<Channel, fc.Arbitrary<unknown>> {
  const out: Partial<Record<Channel, fc.Arbitrary<unknown>>> = {}
  for (const c of CHANNELS) {
    const valid = schemaValid(c, ctx)
    out[c] = fc.oneof(
      { weight: 9, arbitrary: valid },
      { weight: 1, arbitrary: malformed(c, valid) }
    )
  }
  return out as Record<Channel, fc.Arbitrary<unknown>>
}

/** One call: a channel (uniformly) and its input. */
export function callArbitrary(
  ctx: DeriveContext
): fc.Arbitrary<{ channel: Channel; input: unknown }> {
  const arbs = channelArbitraries(ctx)
  return fc.oneof(...CHANNELS.map((channel) => arbs[channel].map((input) => ({ channel, input }))))
}
