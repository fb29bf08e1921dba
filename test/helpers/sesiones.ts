import { dispatch } from '../../src/main/core/dispatch'
import type { Channel } from '../../src/shared/api/channels'
import type { Input, Output } from '../../src/shared/api/contract'
import type { ApiResult } from '../../src/shared/api/result'
import type { AsistenciaEstado } from '../../src/shared/domain/sesiones'
import { llamador } from '../../src/main/core/cliente'
import { nombrarFirmantes } from '../../src/main/core/seed/firmantes'
import type { TestApp } from './db'

/** Calls through the same entrance the transports use: parse, run, typed result. */
export function caller(t: TestApp) {
  const call = <C extends Channel>(channel: C, input: Input<C>) =>
    dispatch(t.api, channel, input, (m, e) => {
      throw new Error(`internal error in ${m}: ${String(e)}`)
    }) as Promise<ApiResult<Output<C>>>
  const ok = async <C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> => {
    const r = await call(channel, input)
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`)
    return r.value
  }
  return { call, ok }
}

type TipoSesion = 'ordinaria' | 'extraordinaria'

/** What sesion:crear takes for a presencial session of the instancia on `fecha`. */
export const entradaSesion = (
  instanciaId: string,
  fecha: string,
  tipo: TipoSesion = 'ordinaria',
  fueraDeOrden?: boolean
) => ({
  instanciaId,
  tipo,
  fecha,
  modalidad: 'presencial' as const,
  ...(fueraDeOrden === undefined ? {} : { fueraDeOrden })
})

/** What sesion:actualizar takes to move a session to `fecha`, its other fields left empty. */
export const sesionMovida = (id: string, fecha: string, fueraDeOrden?: boolean) => ({
  id,
  fecha,
  horaInicio: null,
  horaTermino: null,
  lugar: '',
  modalidad: 'presencial' as const,
  preside: '',
  proximaFecha: null,
  proximaLugar: '',
  ...(fueraDeOrden === undefined ? {} : { fueraDeOrden })
})

/** A row of the numbering rule (numerosEnOrden): created in the order of its id. */
export const filaSesion = (id: string, fecha: string, numero: number, estado = 'borrador') => ({
  id,
  fecha,
  numero,
  estado: estado as 'borrador' | 'aprobada',
  created_at: id
})

/** A subcommission with members from three institutions (two people from SERNAM). */
export async function prevencionConMiembros(t: TestApp) {
  const { ok } = caller(t)
  const instancias = await ok('instancia:listar', undefined)
  const prevencion = instancias.find((i) => i.codigo === 'PREVENCION')!
  const inst = new Map((await ok('institucion:listar', undefined)).map((i) => [i.sigla, i.id]))
  const personas = []
  for (const [nombre, sigla, calidad] of [
    ['Ana Rojas Soto', 'SERNAM', 'titular'],
    ['Berta Díaz Muñoz', 'SERNAM', 'suplente'],
    ['Carlos Pérez Silva', 'PDI', 'titular'],
    ['Diego Fuentes Araya', 'MININT', 'titular']
  ] as const) {
    const p = await ok('persona:crear', {
      nombre,
      cargo: 'Profesional',
      institucionId: inst.get(sigla)!,
      correo: null,
      telefono: null
    })
    await ok('miembro:agregar', { instanciaId: prevencion.id, personaId: p.id, calidad })
    personas.push(p)
  }
  const arbol = await ok('plan:arbol', {})
  const acciones = arbol.ejes.flatMap((e) => e.objetivos.flatMap((o) => o.acciones))
  return {
    prevencion,
    inst,
    personas,
    acciones,
    accion: (c: string) => acciones.find((a) => a.codigo === c)!
  }
}

/**
 * An ordinaria of that subcommission with its attendance marked (an excuse gives "Viaje";
 * everyone else stays ausente): `fila(nombre)` is the attendance row of its first member so named.
 * Without `ctx` the four members are added again (each session then has its own).
 */
export async function sesionMarcada(
  t: TestApp,
  fecha: string,
  estados: Record<string, AsistenciaEstado>,
  dado?: Awaited<ReturnType<typeof prevencionConMiembros>>
) {
  const { ok } = caller(t)
  const ctx = dado ?? (await prevencionConMiembros(t))
  const { id } = await ok('sesion:crear', {
    instanciaId: ctx.prevencion.id,
    tipo: 'ordinaria',
    fecha,
    modalidad: 'presencial'
  })
  const { asistencia } = await ok('sesion:obtener', { id })
  const fila = (nombre: string): string => {
    const a = asistencia.find((x) => x.nombre === nombre)
    if (!a) throw new Error(`${nombre} no está en la asistencia`)
    return a.id
  }
  for (const [nombre, estado] of Object.entries(estados))
    await ok('asistencia:marcar', {
      id: fila(nombre),
      estado,
      motivo: estado === 'excusado' ? 'Viaje' : ''
    })
  return { ctx, sesionId: id, fila }
}

/** Creates ordinarias of an instancia, in person, by date: `await nueva('2014-06-11')`. */
export const ordinarias =
  (t: TestApp, instanciaId: string) =>
  (fecha: string): Promise<Output<'sesion:crear'>> =>
    caller(t).ok('sesion:crear', { instanciaId, tipo: 'ordinaria', fecha, modalidad: 'presencial' })

/**
 * What a secretary does before finalizing so that the acta can be approved (it must name who
 * chaired and who acted as secretary): nothing if it already names both; else members are marked
 * present and chosen as nombrarFirmantes does with `marcar`. The session must still be a draft.
 */
export const conFirmantes = (t: TestApp, id: string): Promise<void> =>
  nombrarFirmantes(llamador(t.api), id, { marcar: true })

/** `ordinarias`, each with who signs its acta present or chosen (conFirmantes): approvable. */
export const ordinariasFirmadas =
  (t: TestApp, instanciaId: string) =>
  async (fecha: string): Promise<Output<'sesion:crear'>> => {
    const s = await ordinarias(t, instanciaId)(fecha)
    await conFirmantes(t, s.id)
    return s
  }

/**
 * Closes a session and approves its acta, as the core requires, in a later session of its
 * instancia: an extraordinaria of the next year, so the numbering of the session's year stays.
 */
export async function cerrarYAprobar(
  t: TestApp,
  id: string,
  observaciones = ''
): Promise<Output<'sesion:aprobar'>> {
  const { ok } = caller(t)
  await conFirmantes(t, id)
  const s = await ok('sesion:cerrar', { id })
  const en = await ok('sesion:crear', {
    instanciaId: s.instanciaId,
    tipo: 'extraordinaria',
    fecha: `${s.anio + 1}-01-15`,
    modalidad: 'remota'
  })
  return ok('sesion:aprobar', { id, enSesionId: en.id, observaciones })
}

/**
 * Approves the session's acta, then tries to clear who chaired or who acted as secretary: the
 * core must refuse it as read-only. Returns the refusal's code and the session's row as stored.
 */
export async function aprobarYQuitarRol(
  t: TestApp,
  sesionId: string,
  canal: 'asistencia:presidente' | 'asistencia:secretaria'
) {
  await cerrarYAprobar(t, sesionId)
  const r = await caller(t).call(canal, { sesionId, asistenciaId: null })
  const fila = await t.app.db
    .selectFrom('sesiones')
    .selectAll()
    .where('id', '=', sesionId)
    .executeTakeFirstOrThrow()
  return { codigo: r.ok ? null : r.error.code, fila }
}
