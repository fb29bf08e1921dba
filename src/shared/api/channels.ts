/**
 * Every API channel, `domain:verb`. Kept free of zod so the sandboxed preload can import it
 * without pulling a dependency into its bundle.
 */
export const CHANNELS = [
  'app:info',
  'plan:listar',
  'plan:arbol',
  'plan:actualizar',
  'eje:crear',
  'eje:actualizar',
  'eje:eliminar',
  'eje:mover',
  'objetivo:crear',
  'objetivo:actualizar',
  'objetivo:eliminar',
  'objetivo:mover',
  'accion:obtener',
  'accion:crear',
  'accion:actualizar',
  'accion:eliminar',
  'accion:mover',
  'meta:crear',
  'meta:actualizar',
  'meta:eliminar',
  'meta:mover',
  'indicador:crear',
  'indicador:actualizar',
  'indicador:eliminar',
  'indicador:mover',
  'institucion:listar',
  'institucion:crear',
  'institucion:actualizar',
  'institucion:eliminar',
  'institucion:mover',
  'instancia:listar',
  'instancia:actualizar'
] as const

export type Channel = (typeof CHANNELS)[number]

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value)
}
