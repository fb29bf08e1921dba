import type { ReactNode } from 'react'
import { Button, Kbd } from '@mantine/core'
import { busqueda } from './BusquedaSpotlight'

/** The search in the header, for who does not know Ctrl+K yet. */
export function BotonBuscar(): ReactNode {
  return (
    <Button
      variant="default"
      size="xs"
      onClick={busqueda.open}
      rightSection={<Kbd size="xs">Ctrl+K</Kbd>}
      w={320}
      justify="space-between"
    >
      Buscar…
    </Button>
  )
}
