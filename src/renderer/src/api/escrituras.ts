import { useCallback } from 'react'
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query'
import type { Channel, Input, Output } from '../../../shared/api/contract'
import { esDesactualizado, type ApiResult } from '../../../shared/api/result'
import { call } from './client'
import { seguirEscritura } from './pendientes'
import { invalidarDesdeLaPrimera } from './desde-la-primera'

type Clave = readonly unknown[]

export interface Escritura {
  channel: Channel
  input: Input<Channel>
  /** The session a write belongs to when its input names only a row of it (a punto, an acuerdo). */
  sesionId?: string
}

const PLAN = ['plan', 'eje', 'objetivo', 'accion', 'meta', 'indicador', 'matriz']
const RENUMERAN: Channel[] = [
  'sesion:crear',
  'sesion:actualizar',
  'sesion:eliminar',
  'sesion:aprobar'
]
const ACTA = ['sesion', 'acuerdo', 'asistencia', 'punto', 'avance', 'medicion', 'errata']
// The dashboard and an acción's story read the plan and the actas together.
const SEGUIMIENTO: Clave[] = [
  ['tablero:obtener'],
  ['metavencida:listar'],
  ['accionestado:listar'],
  ['trayectoria:obtener'],
  ['acuerdo:listar'],
  ['aviso:listar']
]

function campo(input: unknown, nombre: string): string | undefined {
  if (typeof input !== 'object' || input === null || !(nombre in input)) return undefined
  const v = (input as Record<string, unknown>)[nombre]
  return typeof v === 'string' ? v : undefined
}

function sesionDe(e: Escritura): string | undefined {
  if (e.sesionId) return e.sesionId
  return (
    campo(e.input, 'sesionId') ??
    (e.channel.startsWith('sesion:') ? campo(e.input, 'id') : undefined)
  )
}

/** The cached reads a successful write makes stale (a key prefix matches every input). */
export function afectadas(e: Escritura): Clave[] {
  const dominio = e.channel.slice(0, e.channel.indexOf(':'))
  // A session's date renumbers the others of its year; an approval changes an earlier session.
  if (RENUMERAN.includes(e.channel)) return [['sesion:obtener'], ['sesion:listar'], ...SEGUIMIENTO]
  if (ACTA.includes(dominio)) {
    const id = sesionDe(e)
    // Acuerdos and avances of one session show up in the later ones, and in the list's counts.
    return [id ? ['sesion:obtener', { id }] : ['sesion:obtener'], ['sesion:listar'], ...SEGUIMIENTO]
  }
  // The acta's avances list the plan's acciones and indicadores.
  if (PLAN.includes(dominio))
    return [
      ['plan:arbol'],
      ['plan:listar'],
      ['periodos:comparar'],
      ['accion:obtener'],
      ['sesion:obtener'],
      ...SEGUIMIENTO
    ]
  switch (dominio) {
    case 'institucion':
      return [['institucion:listar'], ['persona:listar'], ['miembro:listar'], ['sesion:obtener']]
    case 'instancia':
      return [['instancia:listar'], ['plan:arbol'], ['accion:obtener'], ['sesion:listar']]
    case 'persona':
      return [['persona:listar'], ['miembro:listar']]
    case 'miembro':
      return [['miembro:listar']]
    case 'config':
      return [['config:obtener']]
    case 'perfil':
      return [['perfil:obtener']]
    case 'instalacion':
      return [['instalacion:obtener']]
    default:
      return []
  }
}

export function invalidar(qc: QueryClient, e: Escritura): Promise<void> {
  // Every write adds to some history: an open Historial reads its first page again.
  const claves = [...afectadas(e), ['historial:listar']]
  return Promise.all(claves.map((queryKey) => invalidarDesdeLaPrimera(qc, queryKey))).then(
    () => undefined
  )
}

/**
 * What a screen sends: an update always with `antes`, what it last read of the fields it sends
 * (shared/api/campos.ts antesDe). Optional in the contract for the CLI and imports; a screen has
 * always read what it edits, so here it is required.
 */
export type EntradaPantalla<C extends Channel> = 'antes' extends keyof NonNullable<Input<C>>
  ? Input<C> & { antes: NonNullable<NonNullable<Input<C>>['antes']> }
  : Input<C>

/**
 * A write through the contract: same ApiResult as `call`, and what it touched is read again;
 * also when it was refused as based on a stale read (someone else changed it): the screen shows
 * what is stored now.
 */
export type Escribir = <C extends Channel>(
  channel: C,
  input: EntradaPantalla<C>
) => Promise<ApiResult<Output<C>>>

export function useEscribir(sesionId?: string): Escribir {
  const qc = useQueryClient()
  const { mutateAsync } = useMutation({
    mutationFn: (e: Escritura) => call(e.channel, e.input),
    // Not awaited: the save counts as done when the service answers, not when the re-read does.
    onSuccess: (r, e) => {
      if (r.ok || esDesactualizado(r.error)) void invalidar(qc, e)
    }
  })
  return useCallback(
    <C extends Channel>(channel: C, input: EntradaPantalla<C>) => {
      const e: Escritura = { channel, input: input as Input<C>, sesionId }
      // The re-read is asked for (onSuccess) before the write stops counting as in flight.
      return seguirEscritura(sesionDe(e), mutateAsync(e), (r) => r.ok) as Promise<
        ApiResult<Output<C>>
      >
    },
    [mutateAsync, sesionId]
  )
}

/** Marks stale what a write made elsewhere (a long task's import) touched. */
export function useInvalidar(): (e: Escritura) => Promise<void> {
  const qc = useQueryClient()
  return useCallback((e: Escritura) => invalidar(qc, e), [qc])
}
