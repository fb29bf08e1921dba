import { useEffect, useState, type ReactNode } from 'react'
import {
  Anchor,
  Badge,
  Group,
  Pagination,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title
} from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { Link, useLocation, useSearch } from 'wouter'
import { useApiQuery } from '../api/queries'
import {
  BUSQUEDA_CLASE_LABEL,
  BUSQUEDA_CLASES,
  BUSQUEDA_MAX,
  type BusquedaClase,
  type BusquedaPagina,
  type Resultado
} from '../../../shared/busqueda/contract'
import { Fragmentos } from './Fragmentos'
import { rutaBusqueda, rutaDe } from './destino'

const POR_PAGINA = 20

const esClase = (c: string | null): c is BusquedaClase =>
  (BUSQUEDA_CLASES as readonly string[]).includes(c ?? '')

function ResultadoFila({ r }: { r: Resultado }): ReactNode {
  return (
    <Paper withBorder p="sm" component="article" aria-label={r.titulo}>
      <Anchor component={Link} href={rutaDe(r.destino)} fw={500}>
        {r.titulo}
      </Anchor>
      <Text size="xs" c="dimmed">
        {r.lugar}
      </Text>
      <Fragmentos fragmentos={r.fragmentos} lineas={3} />
    </Paper>
  )
}

/** One page of results, under the heading of each class it holds. */
function Grupos({ pagina }: { pagina: BusquedaPagina }): ReactNode {
  return BUSQUEDA_CLASES.map((c) => {
    const deClase = pagina.resultados.filter((r) => r.clase === c)
    if (deClase.length === 0) return null
    return (
      <section key={c} aria-label={BUSQUEDA_CLASE_LABEL[c]}>
        <Stack gap="xs">
          <Title order={3} size="h5">
            {BUSQUEDA_CLASE_LABEL[c]}
          </Title>
          {deClase.map((r) => (
            <ResultadoFila key={r.id} r={r} />
          ))}
        </Stack>
      </section>
    )
  })
}

/** Every result of a search, paged, grouped by class, with a filter by class. */
export function BusquedaScreen(): ReactNode {
  const params = new URLSearchParams(useSearch())
  const texto = params.get('q') ?? ''
  const clase = esClase(params.get('clase')) ? (params.get('clase') as BusquedaClase) : null
  const numero = Math.max(1, Number(params.get('pagina')) || 1)
  const [, navigate] = useLocation()
  const [escrito, setEscrito] = useState(texto)
  const [debounced] = useDebouncedValue(escrito, 300)
  useEffect(() => {
    if (debounced.trim() !== texto.trim())
      navigate(rutaBusqueda(debounced.slice(0, BUSQUEDA_MAX), clase), { replace: true })
  }, [debounced, texto, clase, navigate])
  const q = useApiQuery(
    'busqueda:buscar',
    {
      texto,
      ...(clase ? { clases: [clase] } : {}),
      limite: POR_PAGINA,
      desde: (numero - 1) * POR_PAGINA
    },
    { enabled: texto.trim().length > 0, mantenerAnterior: true }
  )
  const pagina = q.data
  const todo = pagina ? BUSQUEDA_CLASES.reduce((n, c) => n + pagina.porClase[c], 0) : 0
  return (
    <Stack gap="md">
      <Title order={1} size="h3">
        Búsqueda
      </Title>
      <TextInput
        aria-label="Texto a buscar"
        placeholder="Buscar en el plan, las actas, personas e instituciones…"
        value={escrito}
        onChange={(e) => setEscrito(e.currentTarget.value)}
        maxLength={BUSQUEDA_MAX}
      />
      {pagina && (
        <SegmentedControl
          aria-label="Tipo de resultado"
          value={clase ?? 'todo'}
          onChange={(v) => navigate(rutaBusqueda(texto, v === 'todo' ? null : v))}
          data={[
            { value: 'todo', label: `Todo (${pagina.masDe ? `más de ${todo}` : todo})` },
            // Only the actas' matches are cut to the newest ones (masDe).
            ...BUSQUEDA_CLASES.map((c) => ({
              value: c,
              label: `${BUSQUEDA_CLASE_LABEL[c]} (${pagina.masDe && c === 'acta' ? 'más de ' : ''}${pagina.porClase[c]})`
            }))
          ]}
        />
      )}
      {q.error && <Text c="red">{q.error.message}</Text>}
      {pagina && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed" aria-live="polite">
            {pagina.total === 0
              ? `Sin resultados para «${texto}».`
              : `${pagina.masDe ? `Más de ${pagina.total} resultados (de las actas, los ${pagina.masDe} más recientes)` : `${pagina.total} ${pagina.total === 1 ? 'resultado' : 'resultados'}`}, del ${(numero - 1) * POR_PAGINA + 1} al ${(numero - 1) * POR_PAGINA + pagina.resultados.length}.`}
          </Text>
          {pagina.total > 0 && <Badge variant="light">Ordenados por relevancia</Badge>}
        </Group>
      )}
      {pagina && <Grupos pagina={pagina} />}
      {pagina && pagina.total > POR_PAGINA && (
        <Pagination
          aria-label="Páginas de resultados"
          total={Math.ceil(pagina.total / POR_PAGINA)}
          value={numero}
          onChange={(n) => navigate(rutaBusqueda(texto, clase, n))}
        />
      )}
    </Stack>
  )
}
