import { useMemo, useState, type ReactNode } from 'react'
import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core'
import type { PlanArbol } from '../../../shared/domain/plan'
import { formatFecha } from '../../../shared/domain/fechas'
import { useApiQuery } from '../api/queries'
import { useEntityForm, type FormSpec } from '../components/EntityForm'
import { ejeForm, planForm } from '../forms/plan-forms'
import { ExportarDialog } from '../matriz/ExportarDialog'
import { ImportarDialog } from '../matriz/ImportarDialog'
import { PlanEjes } from '../plan/PlanEjes'
import { filtrar, PlanFiltros, SIN_FILTROS, type Filtros } from '../plan/filtros'
import { useMetasVencidas } from '../plan/use-metas-vencidas'
import { useSearch } from 'wouter'
import { Periodos } from '../plan/Periodos'

type Dialogo = 'exportar' | 'importar'

export function PlanScreen(): ReactNode {
  // The period shown: ?plan=ID, the current one without it.
  const planId = new URLSearchParams(useSearch()).get('plan')
  const { data: arbol, error } = useApiQuery('plan:arbol', planId ? { planId } : {})
  const [filtros, setFiltros] = useState<Filtros>(SIN_FILTROS)
  const [setForm, formModal] = useEntityForm()
  const [dialogo, setDialogo] = useState<Dialogo | null>(null)
  const ejes = useMemo(() => (arbol ? filtrar(arbol, filtros) : []), [arbol, filtros])
  const vencidas = useMetasVencidas(arbol?.plan.id)

  if (error)
    return (
      <Alert color="red" title="No se pudo cargar el plan">
        {error.message}
      </Alert>
    )
  if (!arbol) return <Loader />

  const total = ejes.reduce((n, e) => n + e.objetivos.reduce((m, o) => m + o.acciones.length, 0), 0)

  return (
    <Stack gap="md">
      <PlanEncabezado arbol={arbol} total={total} onForm={setForm} onDialogo={setDialogo} />
      <Periodos plan={arbol.plan} onForm={setForm} />
      <PlanFiltros arbol={arbol} filtros={filtros} onChange={setFiltros} />
      {ejes.length === 0 && <Text c="dimmed">Ninguna acción coincide con los filtros.</Text>}
      {/* A closed period is read-only (the database refuses): its edit buttons are disabled. */}
      <fieldset disabled={!!arbol.plan.cerradoAt} style={{ border: 0, margin: 0, padding: 0 }}>
        <PlanEjes ejes={ejes} instancias={arbol.instancias} vencidas={vencidas} onForm={setForm} />
      </fieldset>
      {formModal}
      <ExportarDialog
        opened={dialogo === 'exportar'}
        planId={arbol.plan.id}
        instancias={arbol.instancias}
        onClose={() => setDialogo(null)}
      />
      <ImportarDialog
        opened={dialogo === 'importar'}
        planId={arbol.plan.id}
        onClose={() => setDialogo(null)}
        onDone={() => setDialogo(null)}
      />
    </Stack>
  )
}

/** The plan's name and period, how many acciones are shown, and what can be done with it. */
function PlanEncabezado(props: {
  arbol: PlanArbol
  total: number
  onForm: (f: FormSpec) => void
  onDialogo: (d: Dialogo) => void
}): ReactNode {
  const { plan } = props.arbol
  const { total } = props
  return (
    <Group justify="space-between" align="flex-end">
      <div>
        <Title order={1} size="h2">
          {plan.nombre}
        </Title>
        <Text c="dimmed" size="sm">
          Período: {formatFecha(plan.periodoDesde)} a {formatFecha(plan.periodoHasta)} · {total}{' '}
          {total === 1 ? 'acción' : 'acciones'}
        </Text>
      </div>
      <Group>
        <Button variant="default" onClick={() => props.onDialogo('exportar')}>
          Exportar a Excel
        </Button>
        <Button variant="default" onClick={() => props.onDialogo('importar')}>
          Importar matriz
        </Button>
        {!plan.cerradoAt && (
          <>
            <Button variant="default" onClick={() => props.onForm(planForm(plan))}>
              Editar plan
            </Button>
            <Button onClick={() => props.onForm(ejeForm(plan.id))}>Nuevo eje</Button>
          </>
        )}
      </Group>
    </Group>
  )
}
