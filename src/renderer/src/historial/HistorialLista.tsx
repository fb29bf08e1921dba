import type { ReactNode } from 'react'
import { Alert, Button, Loader, Paper, Stack, Table, Text } from '@mantine/core'
import { useInfiniteQuery } from '@tanstack/react-query'
import {
  LIMITE_HISTORIAL,
  type Cambio,
  type EntidadHistorial
} from '../../../shared/historial/contract'
import {
  etiquetaCampo,
  fechaHoraChile,
  OPERACION_LABEL,
  TABLA_LABEL,
  valorLegible
} from '../../../shared/domain/historial'
import { callOrThrow } from '../api/client'

/** The changes a page at a time: only what the screen shows is asked for. */
export function HistorialLista(props: { entidad: EntidadHistorial; id: string }): ReactNode {
  const q = useInfiniteQuery({
    queryKey: ['historial:listar', { entidad: props.entidad, id: props.id }],
    queryFn: ({ pageParam }) =>
      callOrThrow('historial:listar', {
        entidad: props.entidad,
        id: props.id,
        limite: LIMITE_HISTORIAL,
        antesDe: pageParam
      }),
    initialPageParam: null as number | null,
    getNextPageParam: (ultima) => ultima.siguiente ?? undefined
  })
  if (q.isPending) return <Loader />
  if (q.error) return <Alert color="red">{q.error.message}</Alert>
  const cambios = q.data.pages.flatMap((p) => p.cambios)
  if (cambios.length === 0) return <Text c="dimmed">Sin cambios registrados.</Text>
  return (
    <Stack gap="xs">
      {cambios.map((c) => (
        <CambioFila key={c.id} cambio={c} />
      ))}
      {q.hasNextPage && (
        <Button
          variant="light"
          loading={q.isFetchingNextPage}
          onClick={() => void q.fetchNextPage()}
        >
          Ver cambios anteriores
        </Button>
      )}
    </Stack>
  )
}

function CambioFila({ cambio: c }: { cambio: Cambio }): ReactNode {
  const quien = c.actor
    ? `${c.actor}${c.institucion ? ` (${c.institucion})` : ''}`
    : 'Sin perfil (carga inicial)'
  return (
    <Paper component="section" withBorder p="xs" aria-label="Cambio">
      <Text size="sm">
        <b>{quien}</b> · {fechaHoraChile(c.en)} · {OPERACION_LABEL[c.operacion]}{' '}
        {(TABLA_LABEL[c.tabla] ?? c.tabla).toLowerCase()}
      </Text>
      {c.campos.length > 0 && (
        <Table withRowBorders={false} verticalSpacing={2} fz="sm">
          <Table.Tbody>
            {c.campos.map((f) => (
              <Table.Tr key={f.campo}>
                <Table.Td w="30%" c="dimmed">
                  {etiquetaCampo(f.campo)}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={4}>
                    {c.operacion === 'crear'
                      ? valorLegible(f.despues, f.campo)
                      : c.operacion === 'borrar'
                        ? valorLegible(f.antes, f.campo)
                        : `${valorLegible(f.antes, f.campo)} → ${valorLegible(f.despues, f.campo)}`}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  )
}
