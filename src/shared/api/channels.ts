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
  'instancia:actualizar',
  'persona:listar',
  'persona:crear',
  'persona:actualizar',
  'persona:eliminar',
  'miembro:listar',
  'miembro:agregar',
  'miembro:quitar',
  'sesion:listar',
  'sesion:crear',
  'sesion:obtener',
  'sesion:actualizar',
  'sesion:cerrar',
  'sesion:reabrir',
  'sesion:aprobar',
  'sesion:eliminar',
  'asistencia:marcar',
  'asistencia:invitar',
  'asistencia:quitar',
  'punto:crear',
  'punto:actualizar',
  'punto:mover',
  'punto:eliminar',
  'avance:guardar',
  'medicion:guardar',
  'acuerdo:crear',
  'acuerdo:actualizar',
  'acuerdo:eliminar',
  'acuerdo:seguimiento',
  'errata:crear',
  'acta:documento',
  'config:obtener',
  'config:guardar',
  'matriz:exportar',
  'matriz:previsualizar',
  'matriz:importar',
  'tarea:estado',
  'tarea:cancelar',
  'respaldo:ahora'
] as const

export type Channel = (typeof CHANNELS)[number]

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value)
}

/** Verbs of methods that never write the database (a test holds every such channel to it). */
const LECTURAS = [
  'info',
  'listar',
  'arbol',
  'obtener',
  'estado',
  'documento',
  'previsualizar',
  'exportar'
] as const

export function esLectura(channel: Channel): boolean {
  return (LECTURAS as readonly string[]).includes(channel.slice(channel.indexOf(':') + 1))
}
