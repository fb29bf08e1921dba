import { useState, type ReactNode } from 'react'
import { Badge, Group, Loader, Stack, Text } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { createSpotlight, Spotlight } from '@mantine/spotlight'
import { useLocation } from 'wouter'
import { useApiQuery } from '../api/queries'
import {
  BUSQUEDA_CLASE_LABEL,
  BUSQUEDA_MAX,
  type Resultado
} from '../../../shared/busqueda/contract'
import { Fragmentos } from './Fragmentos'
import { rutaBusqueda, rutaDe } from './destino'

/** The spotlight's own store, so the search can be opened from a button too. */
export const [busquedaStore, busqueda] = createSpotlight()

/** Words shorter than this find too much to be worth a query while typing. */
const MINIMO = 2
const EN_SPOTLIGHT = 8

function ResultadoBreve({ r }: { r: Resultado }): ReactNode {
  return (
    <Stack gap={2} w="100%">
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text fw={500} size="sm" lineClamp={1}>
          {r.titulo}
        </Text>
        <Badge size="xs" variant="light">
          {BUSQUEDA_CLASE_LABEL[r.clase]}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed" lineClamp={1}>
        {r.lugar}
      </Text>
      <Fragmentos fragmentos={r.fragmentos} lineas={1} />
    </Stack>
  )
}

/**
 * Ctrl+K from anywhere (also while typing in a field): the best results as one types, each
 * opening its place; Enter on the first line, selected by default, opens every result.
 */
export function BusquedaSpotlight(): ReactNode {
  const [texto, setTexto] = useState('')
  const [consulta] = useDebouncedValue(texto.slice(0, BUSQUEDA_MAX).trim(), 200)
  const [, navigate] = useLocation()
  const activa = consulta.length >= MINIMO
  const q = useApiQuery(
    'busqueda:buscar',
    { texto: consulta, limite: EN_SPOTLIGHT },
    { enabled: activa, mantenerAnterior: true }
  )
  const pagina = activa ? q.data : undefined
  return (
    <Spotlight.Root
      store={busquedaStore}
      query={texto}
      onQueryChange={setTexto}
      shortcut={['mod + K']}
      tagsToIgnore={[]}
      scrollable
      maxHeight={520}
    >
      <Spotlight.Search
        placeholder="Buscar en el plan, las actas, personas e instituciones…"
        aria-label="Buscar"
        rightSection={activa && q.isFetching ? <Loader size="xs" /> : null}
      />
      <Spotlight.ActionsList aria-label="Resultados de la búsqueda">
        {texto.trim().length > 0 && (
          <Spotlight.Action
            onClick={() => navigate(rutaBusqueda(texto.slice(0, BUSQUEDA_MAX).trim()))}
            label={`Ver todos los resultados de «${texto.trim()}»`}
            description={
              pagina
                ? `${pagina.masDe ? `más de ${pagina.total}` : pagina.total} en total (Enter)`
                : 'Enter'
            }
          />
        )}
        {pagina?.resultados.map((r) => (
          <Spotlight.Action key={r.id} onClick={() => navigate(rutaDe(r.destino))}>
            <ResultadoBreve r={r} />
          </Spotlight.Action>
        ))}
        {pagina && pagina.total === 0 && <Spotlight.Empty>Sin resultados.</Spotlight.Empty>}
      </Spotlight.ActionsList>
      <Spotlight.Footer>
        <Text size="xs" c="dimmed">
          Sin distinguir tildes ni mayúsculas. ↑ ↓ eligen, Enter abre, Esc cierra.
        </Text>
      </Spotlight.Footer>
    </Spotlight.Root>
  )
}
