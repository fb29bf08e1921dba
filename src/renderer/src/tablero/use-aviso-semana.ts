import { useEffect } from 'react'
import { notifications } from '@mantine/notifications'
import { callOrThrow } from '../api/client'
import { formatFecha } from '../../../shared/domain/fechas'

/** At start-up, once: the open acuerdos that fall due this week (today to Sunday). */
export function useAvisoSemana(): void {
  useEffect(() => {
    let vigente = true
    callOrThrow('aviso:listar', undefined)
      .then((a) => {
        if (!vigente || a.total === 0) return
        const lista = a.acuerdos
          .map((x) => `N° ${x.numero} (${x.sesionTitulo}), plazo ${formatFecha(x.plazo)}`)
          .join('; ')
        notifications.show({
          id: 'acuerdos-semana',
          color: 'orange',
          title:
            a.total === 1
              ? 'Un acuerdo vence esta semana'
              : `${a.total} acuerdos vencen esta semana`,
          message: `Hasta el ${formatFecha(a.hasta)}: ${lista}${a.total > a.acuerdos.length ? '…' : '.'}`,
          autoClose: 15_000
        })
      })
      .catch(() => {
        // A notice that could not be read is not worth an error at start-up.
      })
    return () => {
      vigente = false
    }
  }, [])
}
