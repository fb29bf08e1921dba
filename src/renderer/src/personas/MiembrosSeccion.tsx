import { useState, type ReactNode } from 'react'
import { Button, Group, Select, Table, Text, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { CALIDAD_LABEL, type Miembro, type Persona } from '../../../shared/domain/sesiones'
import type { Instancia } from '../../../shared/domain/plan'
import { useEscribir } from '../api/escrituras'
import { useApiQuery } from '../api/queries'
import { notifyError } from '../components/notify'

/** Who sits in one instancia, as titular or suplente. */
export function MiembrosSeccion(props: {
  instancias: Instancia[]
  personas: Persona[]
}): ReactNode {
  const [instanciaId, setInstanciaId] = useState<string | null>(null)
  const miembros = useApiQuery(
    'miembro:listar',
    { instanciaId: instanciaId ?? '' },
    // The last instancia's members stay until the chosen one's arrive.
    { enabled: instanciaId !== null, mantenerAnterior: true }
  )
  return (
    <>
      <Title order={2} size="h3">
        Miembros de una instancia
      </Title>
      <Group align="flex-end">
        <Select
          label="Instancia"
          data={props.instancias.map((i) => ({ value: i.id, label: i.nombre }))}
          value={instanciaId}
          onChange={setInstanciaId}
        />
        {instanciaId && <AgregarMiembro instanciaId={instanciaId} personas={props.personas} />}
      </Group>
      {instanciaId && <MiembrosTabla miembros={miembros.data ?? []} />}
      {instanciaId && miembros.data?.length === 0 && (
        <Text c="dimmed">Esta instancia aún no tiene miembros.</Text>
      )}
    </>
  )
}

interface MiembroValues {
  personaId: string | null
  calidad: 'titular' | 'suplente'
}

function AgregarMiembro(props: { instanciaId: string; personas: Persona[] }): ReactNode {
  const escribir = useEscribir()
  const form = useForm<MiembroValues>({
    mode: 'controlled',
    initialValues: { personaId: null, calidad: 'titular' }
  })
  const { personaId, calidad } = form.values
  const agregar = async (): Promise<void> => {
    if (!personaId) return
    const r = await escribir('miembro:agregar', {
      instanciaId: props.instanciaId,
      personaId,
      calidad
    })
    if (!r.ok) return notifyError('No se pudo agregar', r.error)
    form.setFieldValue('personaId', null)
  }
  return (
    <>
      <Select
        label="Persona"
        searchable
        data={props.personas.map((x) => ({
          value: x.id,
          label: `${x.nombre}${x.institucionSigla ? ` (${x.institucionSigla})` : ''}`
        }))}
        {...form.getInputProps('personaId')}
      />
      <Select
        label="Calidad"
        allowDeselect={false}
        data={[
          { value: 'titular', label: 'Titular' },
          { value: 'suplente', label: 'Suplente' }
        ]}
        {...form.getInputProps('calidad')}
      />
      <Button variant="light" onClick={() => void agregar()} disabled={!personaId}>
        Agregar miembro
      </Button>
    </>
  )
}

function MiembrosTabla(props: { miembros: Miembro[] }): ReactNode {
  const escribir = useEscribir()
  const quitar = async (m: Miembro): Promise<void> => {
    const r = await escribir('miembro:quitar', { id: m.id })
    if (!r.ok) notifyError('No se pudo quitar', r.error)
  }
  return (
    <Table striped aria-label="Miembros">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Institución</Table.Th>
          <Table.Th>Nombre</Table.Th>
          <Table.Th>Calidad</Table.Th>
          <Table.Th w={100} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.miembros.map((m) => (
          <Table.Tr key={m.id}>
            <Table.Td>{m.persona.institucionSigla}</Table.Td>
            <Table.Td>{m.persona.nombre}</Table.Td>
            <Table.Td>{CALIDAD_LABEL[m.calidad]}</Table.Td>
            <Table.Td>
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                aria-label={`Quitar a ${m.persona.nombre}`}
                onClick={() => void quitar(m)}
              >
                Quitar
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
