import type { Channel, Input } from '../../../shared/api/contract'
import type { Escribir } from '../api/escrituras'
import type { FormSpec } from '../components/EntityForm'

/** The form has checked the values against this channel's schema; the main process checks again. */
export const via =
  <C extends Channel>(channel: C): FormSpec['save'] =>
  (escribir: Escribir, input: unknown) =>
    escribir(channel, input as Input<C>)

export const orNull = (v: string | undefined): string | null => (v && v.trim() !== '' ? v : null)
