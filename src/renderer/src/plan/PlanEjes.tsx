import type { ReactNode } from 'react'
import { Button, Group, Stack, Title } from '@mantine/core'
import type { Eje, Instancia, Objetivo } from '../../../shared/domain/plan'
import { AccionCard } from '../components/AccionCard'
import type { FormSpec } from '../components/EntityForm'
import { RowActions } from '../components/RowActions'
import { accionForm, ejeForm, objetivoForm } from '../forms/plan-forms'

/** The matrix as shown: ejes, their objetivos, and each acción as a card. */
export function PlanEjes(props: {
  ejes: Eje[]
  instancias: Instancia[]
  /** Metas past their plazo today, marked on their cards. */
  vencidas: Set<string>
  onForm: (f: FormSpec) => void
}): ReactNode {
  const { instancias, onForm } = props
  const instancia = new Map(instancias.map((i) => [i.id, i]))
  return props.ejes.map((eje) => (
    <EjeSection key={eje.id} eje={eje} onForm={onForm}>
      {eje.objetivos.map((o) => (
        <ObjetivoSection key={o.id} eje={eje} objetivo={o} onForm={onForm}>
          {o.acciones.map((a) => (
            <AccionCard
              key={a.id}
              accion={a}
              instancia={a.instanciaId ? instancia.get(a.instanciaId) : undefined}
              vencidas={props.vencidas}
              onEdit={() => onForm(accionForm(o, instancias, a))}
            />
          ))}
          <Group>
            <Button
              size="compact-sm"
              variant="light"
              onClick={() => onForm(accionForm(o, instancias))}
            >
              Nueva acción en {o.codigo}
            </Button>
          </Group>
        </ObjetivoSection>
      ))}
    </EjeSection>
  ))
}

function EjeSection(props: {
  eje: Eje
  onForm: (f: FormSpec) => void
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
        />
      </Group>
      {props.children}
    </Stack>
  )
}
