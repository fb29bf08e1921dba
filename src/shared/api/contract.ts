import type { z } from 'zod'
import type { ApiResult } from './result'
import type { Evento } from './eventos'
import type { MethodDef } from './campos'
import { planMetodos } from '../plan/contract'
import { institucionesMetodos } from '../instituciones/contract'
import { personasMetodos } from '../personas/contract'
import { sesionesMetodos } from '../sesiones/contract'
import { asistenciaMetodos } from '../asistencia/contract'
import { tablaMetodos } from '../tabla/contract'
import { avancesMetodos } from '../avances/contract'
import { acuerdosMetodos } from '../acuerdos/contract'
import { tableroMetodos } from '../tablero/contract'
import { actasMetodos } from '../actas/contract'
import { matrizMetodos } from '../matriz/contract'
import { sistemaMetodos } from '../sistema/contract'
import { busquedaMetodos } from '../busqueda/contract'
import { informeMetodos } from '../informe/contract'
import { historialMetodos } from '../historial/contract'
import { intercambioMetodos } from '../intercambio/contract'
import { baseDatosMetodos } from '../base-datos/contract'

export type { MethodDef } from './campos'
export type { AppInfo, RespaldoListo } from '../sistema/contract'
export type { ConfigDocumentos, Documento } from '../actas/contract'

/**
 * The one API contract, composed of each domain's methods: served over IPC in the app and over
 * HTTP in development and tests. Adding a method to a domain's map is the only list to touch.
 */
export const contract = {
  ...sistemaMetodos,
  ...planMetodos,
  ...institucionesMetodos,
  ...personasMetodos,
  ...sesionesMetodos,
  ...asistenciaMetodos,
  ...tablaMetodos,
  ...avancesMetodos,
  ...acuerdosMetodos,
  ...tableroMetodos,
  ...actasMetodos,
  ...matrizMetodos,
  ...busquedaMetodos,
  ...informeMetodos,
  ...historialMetodos,
  ...intercambioMetodos,
  ...baseDatosMetodos
} satisfies Record<`${string}:${string}`, MethodDef<z.ZodType, unknown>>

/** Each domain's methods, as composed above: a name in two of them would hide one (tested). */
export const DOMINIOS = {
  sistema: sistemaMetodos,
  plan: planMetodos,
  instituciones: institucionesMetodos,
  personas: personasMetodos,
  sesiones: sesionesMetodos,
  asistencia: asistenciaMetodos,
  tabla: tablaMetodos,
  avances: avancesMetodos,
  acuerdos: acuerdosMetodos,
  tablero: tableroMetodos,
  actas: actasMetodos,
  matriz: matrizMetodos,
  busqueda: busquedaMetodos,
  informe: informeMetodos,
  historial: historialMetodos,
  intercambio: intercambioMetodos,
  baseDatos: baseDatosMetodos
} as const

export type Contract = typeof contract
/** Every method's name, `domain:verb`. */
export type Channel = keyof Contract

/** What a caller sends. */
export type Input<C extends Channel> = z.input<Contract[C]['input']>
/** What a service receives, after parsing. */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>
export type Output<C extends Channel> =
  Contract[C] extends MethodDef<z.ZodType, infer O> ? O : never

/** The server side of a set of methods: one handler each, given parsed input. */
export type Handlers<M extends Record<string, MethodDef<z.ZodType, unknown>>> = {
  [C in keyof M]: (
    input: z.output<M[C]['input']>
  ) => Promise<M[C] extends MethodDef<z.ZodType, infer O> ? O : never>
}
export type ApiHandlers = Handlers<Contract>

/** The client side, the same over IPC and HTTP: never throws for a refused call. */
export type ApiTransport = <C extends Channel>(
  channel: C,
  input: Input<C>
) => Promise<ApiResult<Output<C>>>

/**
 * What the preload exposes on `window.mitp`: one door for every method of the contract (the
 * main process binds each channel and checks sender and input), so adding a method never
 * touches the preload.
 */
export interface PreloadApi {
  invoke: ApiTransport
  /** Subscribes to the core's events (task progress); returns the unsubscribe. */
  alEvento: (escucha: (evento: Evento) => void) => () => void
}
