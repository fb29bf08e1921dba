import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { contract, type Channel } from '../../../../src/shared/api/contract'
import { CHANNELS, esLectura } from '../../../../src/shared/api/channels'
import { MENSAJE_DESACTUALIZADO } from '../../../../src/shared/api/result'
import { dosClientes, type Cliente } from '../../../helpers/dos-clientes'
import { escenarios, type Escenario } from '../../../helpers/escenarios-antes'

/**
 * Every update channel of the contract refuses a write based on a stale read (#17), derived from
 * the contract: a channel that takes `antes` is tested here with no list to remember, and a new
 * write channel without it must be named below with why it updates no row someone else edits.
 */
const NO_ACTUALIZAN: Record<string, string> = {
  'perfil:guardar':
    'who uses this copy of the app, for the history: not a row two people edit (kept in the database today: a shared server needs it per person, a matter apart from versions)',
  'instalacion:renombrar':
    "this installation's name for the exchange between laptops (the same caveat on a shared server)",
  'conexion:probar': "tries a connection: this computer's settings, no row of the database",
  'conexion:guardar': "this computer's connection settings, no row of the database",
  'conexion:local': "this computer's connection settings, no row of the database",
  'conexion:certificado': 'picks a file on this computer'
}
const VERBOS_SIN_FILA_EDITADA = [
  'crear',
  'eliminar',
  'mover',
  'copiar',
  'cerrar',
  'reabrir',
  'aprobar',
  'invitar',
  'quitar',
  'agregar',
  'importar',
  'generar',
  'ahora'
]

/** The fields a channel's `antes` names, from its schema; null for a channel without it. */
function camposAntes(channel: Channel): string[] | null {
  const input = contract[channel].input as z.ZodType
  if (!(input instanceof z.ZodObject)) return null
  const antes = (input.shape as Record<string, z.ZodType>).antes
  if (!antes) return null
  const objeto = antes instanceof z.ZodOptional ? antes.unwrap() : antes
  return objeto instanceof z.ZodObject ? Object.keys(objeto.shape as object) : null
}

const escrituras = CHANNELS.filter((c) => !esLectura(c))
const actualizan = escrituras.filter((c) => camposAntes(c) !== null)

describe('the update channels of the contract', () => {
  it('are derived from it: every write is an update with `antes`, or says why not', () => {
    const sinClasificar = escrituras.filter(
      (c) =>
        camposAntes(c) === null &&
        !(c in NO_ACTUALIZAN) &&
        !VERBOS_SIN_FILA_EDITADA.includes(c.slice(c.indexOf(':') + 1))
    )
    expect(sinClasificar).toEqual([])
    expect(actualizan.length).toBeGreaterThanOrEqual(18)
  })

  let a: Cliente, b: Cliente, close: () => Promise<void>
  let casos: Partial<Record<Channel, Escenario>>
  beforeAll(async () => {
    ;({ a, b, close } = await dosClientes())
    casos = await escenarios(a)
  }, 60_000)
  afterAll(() => close())

  it('have each a row to be tested on', () => {
    expect(actualizan.filter((c) => !casos[c])).toEqual([])
  })

  it.each(actualizan)('%s refuses a stale write and keeps the other one', async (channel) => {
    const caso = casos[channel]!
    const campos = camposAntes(channel)!
    const leido = (fila: object) =>
      Object.fromEntries(Object.entries(fila).filter(([k]) => campos.includes(k)))
    const antesA = leido(await caso.leer(a))
    const antesB = leido(await caso.leer(b))
    const escribe = (c: Cliente, antes: Record<string, unknown>, valor: unknown) =>
      c.call(channel, { ...caso.clave, ...antes, [caso.campo]: valor, antes } as never)
    const ra = await escribe(a, antesA, caso.valores[0])
    expect(ra.ok ? 'ok' : ra.error.message).toBe('ok')
    const rb = await escribe(b, antesB, caso.valores[1])
    expect(rb.ok ? 'ok' : [rb.error.code, rb.error.message]).toEqual([
      'conflicto',
      MENSAJE_DESACTUALIZADO
    ])
    expect(Object.entries(await caso.leer(b))).toContainEqual([caso.campo, caso.valores[0]])
  })
})
