import type { ReactNode } from 'react'
import { Anchor, Divider, Stack, Text, Title } from '@mantine/core'
import { Link } from 'wouter'
import { useApiQuery } from '../api/queries'
import { ExportarPaquete } from './ExportarPaquete'
import { ImportarPaquete } from './ImportarPaquete'

/**
 * Laptop to laptop, with no network: a package (.mitp) carries what the other notebook has not
 * seen, on a USB stick; importing one shows what it brings, and its conflicts, before writing.
 */
export function IntercambioScreen(): ReactNode {
  const instalacion = useApiQuery('instalacion:obtener', undefined)
  return (
    <Stack maw={900}>
      <Title order={1} size="h2">
        Intercambio entre notebooks
      </Title>
      <Text size="sm">
        Esta instalación: <b>{instalacion.data?.nombre ?? '…'}</b> (el nombre se cambia en{' '}
        <Anchor component={Link} href="/configuracion">
          Configuración
        </Anchor>
        ).
      </Text>
      <ExportarPaquete />
      <Divider />
      <ImportarPaquete />
    </Stack>
  )
}
