import { useEffect } from 'react'
import { notifications } from '@mantine/notifications'
import { alEvento } from '../api/client'

/**
 * What the core reports without being asked and nobody awaits: a backup that failed after an
 * acta was approved (the approval answered before it). Shown until closed: it asks for action.
 */
export function useAvisosDelNucleo(): void {
  useEffect(
    () =>
      alEvento((e) => {
        if (e.tipo === 'respaldo_fallido')
          notifications.show({
            color: 'red',
            title: 'Respaldo no realizado',
            message: e.mensaje,
            autoClose: false
          })
      }),
    []
  )
}
