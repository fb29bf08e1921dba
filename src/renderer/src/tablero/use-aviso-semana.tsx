import { useEffect } from 'react'
import { Anchor, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useLocation } from 'wouter'
import { callOrThrow } from '../api/client'
import { formatFecha } from '../../../shared/domain/fechas'
import type { AvisoSemana } from '../../../shared/tablero/contract'
import { enlaceAcuerdos } from './AcuerdosCard'

const ID = 'acuerdos-semana'
const LARGO = 70

/** An acuerdo's text cut to a line of the notice. */
const corto = (texto: string): string =>
  texto.length <= LARGO ? texto : `${texto.slice(0, LARGO - 1).trimEnd()}…`

/** At start-up, once: the open acuerdos that fall due this week (today to Sunday). */
export function useAvisoSemana(): void {
  const [, navigate] = useLocation()
  useEffect(() => {
    let vigente = true
    callOrThrow('aviso:listar', undefined)
      .then((a) => {
        if (!vigente || a.total === 0) return
        notifications.show({
          id: ID,
          color: 'orange',
          title:
            a.total === 1
              ? 'Un acuerdo vence esta semana'
              : `${a.total} acuerdos vencen esta semana`,
          message: <Aviso aviso={a} onAbrir={navigate} />,
          autoClose: 15_000
        })
      })
      .catch(() => {
        // A notice that could not be read is not worth an error at start-up.
      })
    return () => {
      vigente = false
    }
  }, [navigate])
}

/** Each acuerdo with its instancia, short, and a link to all of them in the list. */
function Aviso(props: { aviso: AvisoSemana; onAbrir: (ruta: string) => void }) {
  const { aviso: a } = props
  // The same acuerdos as the notice: open, plazo from today to Sunday.
  const ruta = enlaceAcuerdos({ situacion: 'abierto', plazoDesde: a.hoy, plazoHasta: a.hasta })
  return (
    <Stack gap={4} data-testid="aviso-semana">
      <Text size="sm">Hasta el {formatFecha(a.hasta)}:</Text>
      {a.acuerdos.map((x) => (
        <Text size="sm" key={x.id}>
          {x.instancia}, N° {x.numero} ({x.plazo ? formatFecha(x.plazo) : 'sin plazo'}):{' '}
          {corto(x.texto)}
        </Text>
      ))}
      {a.total > a.acuerdos.length && (
        <Text size="xs" c="dimmed">
          y {a.total - a.acuerdos.length} más
        </Text>
      )}
      <Anchor
        size="sm"
        href={`#${ruta}`}
        onClick={(e) => {
          e.preventDefault()
          notifications.hide(ID)
          props.onAbrir(ruta)
        }}
      >
        Ver en la lista de acuerdos
      </Anchor>
    </Stack>
  )
}
