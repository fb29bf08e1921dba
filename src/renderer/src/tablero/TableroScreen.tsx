import { useState, type ReactNode } from 'react'
import { Alert, Group, Loader, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { formatFecha } from '../../../shared/domain/fechas'
import { useApiQuery } from '../api/queries'
import { opcionesPlanes } from '../plan/opciones'
import { EstadosCard } from './EstadosCard'
import { MetasVencidasCard } from './MetasVencidasCard'
import { AcuerdosCard } from './AcuerdosCard'
import { SesionesCard } from './SesionesCard'
import { InformeBoton } from '../informe/InformeDialog'

/** Where the plan stands at a glance: the home screen. */
export function TableroScreen(): ReactNode {
  const [planId, setPlanId] = useState<string | null>(null)
  const [instanciaId, setInstanciaId] = useState<string | null>(null)
  const { data: t, error } = useApiQuery(
    'tablero:obtener',
    { planId: planId ?? undefined, instanciaId: instanciaId ?? undefined },
    { mantenerAnterior: true }
  )
  if (error)
    return (
      <Alert color="red" title="No se pudo cargar el tablero">
        {error.message}
      </Alert>
    )
  if (!t) return <Loader />
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h3">
            Tablero del plan
          </Title>
          <Text size="sm" c="dimmed">
            Al {formatFecha(t.hoy)}. Estados y porcentajes según las actas aprobadas.
          </Text>
        </div>
        <Group align="flex-end">
          <TableroFiltros
            planId={planId ?? t.planId}
            instanciaId={instanciaId}
            onPlan={setPlanId}
            onInstancia={setInstanciaId}
          />
          <InformeBoton planId={t.planId} hoy={t.hoy} />
        </Group>
      </Group>
      <Stack gap="md">
        <EstadosCard
          titulo="Acciones por eje"
          grupo="eje"
          filas={t.porEje}
          planId={t.planId}
          instanciaId={instanciaId}
        />
        <EstadosCard
          titulo="Acciones por instancia"
          grupo="instancia"
          filas={t.porInstancia}
          planId={t.planId}
          instanciaId={instanciaId}
        />
      </Stack>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <MetasVencidasCard
          total={t.metasVencidas.total}
          filas={t.metasVencidas.filas}
          planId={t.planId}
          instanciaId={instanciaId}
        />
        <AcuerdosCard tablero={t} instanciaId={instanciaId} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <SesionesCard
          titulo="Próximas sesiones"
          vacio="No hay sesiones programadas."
          sesiones={t.proximasSesiones}
        />
        <SesionesCard
          titulo="Actas por aprobar"
          vacio="Todas las actas de sesiones pasadas están aprobadas."
          sesiones={t.actasPorAprobar.filas}
          total={t.actasPorAprobar.total}
        />
      </SimpleGrid>
    </Stack>
  )
}

/** The plan (its period) and the instancia the whole dashboard is about. */
function TableroFiltros(props: {
  planId: string
  instanciaId: string | null
  onPlan: (id: string | null) => void
  onInstancia: (id: string | null) => void
}): ReactNode {
  const planes = useApiQuery('plan:listar', undefined)
  const instancias = useApiQuery('instancia:listar', undefined)
  return (
    <Group role="search" aria-label="Filtros del tablero">
      <Select
        label="Plan (período)"
        data={opcionesPlanes(planes.data)}
        value={props.planId}
        onChange={props.onPlan}
        allowDeselect={false}
        w={320}
      />
      <Select
        label="Instancia"
        placeholder="Todas las instancias"
        clearable
        data={(instancias.data ?? []).map((i) => ({ value: i.id, label: i.nombre }))}
        value={props.instanciaId}
        onChange={props.onInstancia}
        w={260}
      />
    </Group>
  )
}
