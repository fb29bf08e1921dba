import { useMemo, useState, type ReactNode } from 'react'
import { Alert, Button, Group, Loader, Select, Stack, Text, TextInput, Title } from '@mantine/core'
import type { Accion, Eje, Objetivo, PlanArbol } from '../../../shared/domain/plan'
import { formatFecha } from '../../../shared/domain/fechas'
import { useQuery } from '../api/use-query'
import { AccionCard } from '../components/AccionCard'
import { useEntityForm, type FormSpec } from '../components/EntityForm'
import { RowActions } from '../components/RowActions'
import { accionForm, ejeForm, objetivoForm, planForm } from '../forms/plan-forms'
import { ExportarDialog } from '../matriz/ExportarDialog'
import { ImportarDialog } from '../matriz/ImportarDialog'

interface Filtros {
  ejeId: string | null
  instanciaId: string | null
  texto: string
}

/** Keeps the acciones that pass the filters, and the objetivos and ejes that still hold one. */
function filtrar(arbol: PlanArbol, f: Filtros): Eje[] {
  const q = f.texto.trim().toLowerCase()
  const pasa = (a: Accion): boolean =>
    (!f.instanciaId || a.instanciaId === f.instanciaId) &&
    (!q || `${a.codigo} ${a.texto} ${a.responsables}`.toLowerCase().includes(q))
  const activo = !!(f.instanciaId || q)
  return arbol.ejes
    .filter((e) => !f.ejeId || e.id === f.ejeId)
    .map((e) => ({
      ...e,
      objetivos: e.objetivos
        .map((o) => ({ ...o, acciones: o.acciones.filter(pasa) }))
        .filter((o) => !activo || o.acciones.length > 0)
    }))
    .filter((e) => !activo || e.objetivos.length > 0)
}

export function PlanScreen(): ReactNode {
  const { data: arbol, error, loading, reload } = useQuery('plan:arbol', {})
  const [filtros, setFiltros] = useState<Filtros>({ ejeId: null, instanciaId: null, texto: '' })
  const [setForm, formModal] = useEntityForm(() => void reload())
  const [dialogo, setDialogo] = useState<'exportar' | 'importar' | null>(null)
  const ejes = useMemo(() => (arbol ? filtrar(arbol, filtros) : []), [arbol, filtros])

  if (error)
    return (
      <Alert color="red" title="No se pudo cargar el plan">
        {error.message}
      </Alert>
    )
  if (!arbol) return loading ? <Loader /> : null

  const instancia = new Map(arbol.instancias.map((i) => [i.id, i]))
  const total = ejes.reduce((n, e) => n + e.objetivos.reduce((m, o) => m + o.acciones.length, 0), 0)

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            {arbol.plan.nombre}
          </Title>
          <Text c="dimmed" size="sm">
            Período: {formatFecha(arbol.plan.periodoDesde)} a {formatFecha(arbol.plan.periodoHasta)}{' '}
            · {total} {total === 1 ? 'acción' : 'acciones'}
          </Text>
        </div>
        <Group>
          <Button variant="default" onClick={() => setDialogo('exportar')}>
            Exportar a Excel
          </Button>
          <Button variant="default" onClick={() => setDialogo('importar')}>
            Importar matriz
          </Button>
          <Button variant="default" onClick={() => setForm(planForm(arbol.plan))}>
            Editar plan
          </Button>
          <Button onClick={() => setForm(ejeForm(arbol.plan.id))}>Nuevo eje</Button>
        </Group>
      </Group>

      <Group grow align="flex-end" role="search">
        <Select
          label="Eje estratégico"
          placeholder="Todos los ejes"
          clearable
          data={arbol.ejes.map((e) => ({ value: e.id, label: `${e.codigo}. ${e.nombre}` }))}
          value={filtros.ejeId}
          onChange={(ejeId) => setFiltros({ ...filtros, ejeId })}
        />
        <Select
          label="Instancia responsable"
          placeholder="Todas las instancias"
          clearable
          data={arbol.instancias.map((i) => ({ value: i.id, label: i.nombre }))}
          value={filtros.instanciaId}
          onChange={(instanciaId) => setFiltros({ ...filtros, instanciaId })}
        />
        <TextInput
          label="Buscar"
          placeholder="Código o texto"
          value={filtros.texto}
          onChange={(e) => setFiltros({ ...filtros, texto: e.currentTarget.value })}
        />
      </Group>

      {ejes.length === 0 && <Text c="dimmed">Ninguna acción coincide con los filtros.</Text>}
      {ejes.map((eje) => (
        <EjeSection key={eje.id} eje={eje} onForm={setForm} onChanged={() => void reload()}>
          {eje.objetivos.map((o) => (
            <ObjetivoSection
              key={o.id}
              eje={eje}
              objetivo={o}
              onForm={setForm}
              onChanged={() => void reload()}
            >
              {o.acciones.map((a) => (
                <AccionCard
                  key={a.id}
                  accion={a}
                  instancia={a.instanciaId ? instancia.get(a.instanciaId) : undefined}
                  onEdit={() => setForm(accionForm(o, arbol.instancias, a))}
                  onChanged={() => void reload()}
                />
              ))}
              <Group>
                <Button
                  size="compact-sm"
                  variant="light"
                  onClick={() => setForm(accionForm(o, arbol.instancias))}
                >
                  Nueva acción en {o.codigo}
                </Button>
              </Group>
            </ObjetivoSection>
          ))}
        </EjeSection>
      ))}
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
        onDone={() => {
          setDialogo(null)
          void reload()
        }}
      />
    </Stack>
  )
}

function EjeSection(props: {
  eje: Eje
  onForm: (f: FormSpec) => void
  onChanged: () => void
  children: ReactNode
}): ReactNode {
  const { eje } = props
  return (
    <Stack component="section" aria-label={`Eje ${eje.codigo}`} gap="sm">
      <Group
        justify="space-between"
        style={{ borderBottom: '2px solid var(--mantine-color-blue-6)' }}
        pb={4}
      >
        <Title order={2} size="h3">
          {eje.codigo}. {eje.nombre}
        </Title>
        <Group gap="xs">
          <Button size="compact-sm" variant="light" onClick={() => props.onForm(objetivoForm(eje))}>
            Nuevo objetivo
          </Button>
          <RowActions
            kind="eje"
            id={eje.id}
            label={`el eje ${eje.codigo}`}
            consecuencia="Se eliminarán también sus objetivos y acciones."
            onEdit={() => props.onForm(ejeForm(eje.planId, eje))}
            onChanged={props.onChanged}
          />
        </Group>
      </Group>
      {props.children}
    </Stack>
  )
}

function ObjetivoSection(props: {
  eje: Eje
  objetivo: Objetivo
  onForm: (f: FormSpec) => void
  onChanged: () => void
  children: ReactNode
}): ReactNode {
  const { objetivo: o } = props
  return (
    <Stack component="section" aria-label={`Objetivo ${o.codigo}`} gap="xs" pl="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Title order={3} size="h5">
          {o.codigo}. {o.texto}
        </Title>
        <RowActions
          kind="objetivo"
          id={o.id}
          label={`el objetivo ${o.codigo}`}
          consecuencia="Se eliminarán también sus acciones."
          onEdit={() => props.onForm(objetivoForm(props.eje, o))}
          onChanged={props.onChanged}
        />
      </Group>
      {props.children}
    </Stack>
  )
}
