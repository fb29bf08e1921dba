import { useState, type ReactNode } from 'react'
import {
  Button,
  Card,
  Grid,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title
} from '@mantine/core'
import { CALIDAD_LABEL } from '../../../shared/domain/sesiones'
import { call } from '../api/client'
import { useQuery } from '../api/use-query'
import { confirmDelete } from '../components/confirm'
import { notifyError, notifySaved } from '../components/notify'

const VACIA = {
  nombre: '',
  cargo: '',
  institucionId: null as string | null,
  correo: '',
  telefono: ''
}

/** The people who sit in the instancias, and who is a member (titular / suplente) of each. */
export function PersonasScreen(): ReactNode {
  const personas = useQuery('persona:listar', undefined)
  const instituciones = useQuery('institucion:listar', undefined)
  const instancias = useQuery('instancia:listar', undefined)
  const [instanciaId, setInstanciaId] = useState<string | null>(null)
  const miembros = useQuery('miembro:listar', {
    instanciaId: instanciaId ?? '00000000-0000-7000-8000-000000000000'
  })
  const [p, setP] = useState(VACIA)
  const [nuevoMiembro, setNuevoMiembro] = useState({
    personaId: null as string | null,
    calidad: 'titular' as 'titular' | 'suplente'
  })
  const [errores, setErrores] = useState<Record<string, string>>({})

  const crear = async () => {
    const r = await call('persona:crear', {
      ...p,
      cargo: p.cargo || null,
      correo: p.correo || null,
      telefono: p.telefono || null
    })
    if (!r.ok) {
      setErrores(r.error.fields ?? {})
      return notifyError('No se pudo guardar', r.error)
    }
    setErrores({})
    setP(VACIA)
    notifySaved('Persona agregada.')
    personas.reload()
  }
  const agregarMiembro = async () => {
    if (!instanciaId || !nuevoMiembro.personaId) return
    const r = await call('miembro:agregar', {
      instanciaId,
      personaId: nuevoMiembro.personaId,
      calidad: nuevoMiembro.calidad
    })
    if (!r.ok) return notifyError('No se pudo agregar', r.error)
    setNuevoMiembro({ ...nuevoMiembro, personaId: null })
    miembros.reload()
  }
  return (
    <Stack>
      <Title order={1} size="h2">
        Personas y miembros
      </Title>
      <Card
        withBorder
        component="form"
        aria-label="Nueva persona"
        onSubmit={(e) => {
          e.preventDefault()
          void crear()
        }}
      >
        <Grid align="flex-end" gap="xs">
          <Grid.Col span={{ base: 12, md: 3 }}>
            <TextInput
              label="Nombre"
              required
              value={p.nombre}
              error={errores.nombre}
              onChange={(e) => setP({ ...p, nombre: e.currentTarget.value })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 2 }}>
            <TextInput
              label="Cargo"
              value={p.cargo}
              onChange={(e) => setP({ ...p, cargo: e.currentTarget.value })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 2 }}>
            <Select
              label="Institución"
              searchable
              clearable
              data={(instituciones.data ?? []).map((i) => ({ value: i.id, label: i.sigla }))}
              value={p.institucionId}
              onChange={(v) => setP({ ...p, institucionId: v })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 2 }}>
            <TextInput
              label="Correo"
              value={p.correo}
              error={errores.correo}
              onChange={(e) => setP({ ...p, correo: e.currentTarget.value })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 1 }}>
            <TextInput
              label="Teléfono"
              value={p.telefono}
              onChange={(e) => setP({ ...p, telefono: e.currentTarget.value })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 2 }}>
            <Button type="submit" fullWidth>
              Agregar persona
            </Button>
          </Grid.Col>
        </Grid>
      </Card>
      <Table striped aria-label="Personas">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Nombre</Table.Th>
            <Table.Th>Cargo</Table.Th>
            <Table.Th>Institución</Table.Th>
            <Table.Th>Correo</Table.Th>
            <Table.Th w={100} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(personas.data ?? []).map((x) => (
            <Table.Tr key={x.id}>
              <Table.Td>{x.nombre}</Table.Td>
              <Table.Td>{x.cargo ?? ''}</Table.Td>
              <Table.Td>{x.institucionSigla ?? ''}</Table.Td>
              <Table.Td>{x.correo ?? ''}</Table.Td>
              <Table.Td>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  aria-label={`Eliminar a ${x.nombre}`}
                  onClick={() =>
                    confirmDelete(
                      x.nombre,
                      'Dejará de ser miembro de las instancias; las actas ya escritas conservan su nombre.',
                      async () => {
                        const r = await call('persona:eliminar', { id: x.id })
                        if (!r.ok) notifyError('No se pudo eliminar', r.error)
                        personas.reload()
                        miembros.reload()
                      }
                    )
                  }
                >
                  Eliminar
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={2} size="h3">
        Miembros de una instancia
      </Title>
      <Group align="flex-end">
        <Select
          label="Instancia"
          data={(instancias.data ?? []).map((i) => ({ value: i.id, label: i.nombre }))}
          value={instanciaId}
          onChange={setInstanciaId}
        />
        {instanciaId && (
          <>
            <Select
              label="Persona"
              searchable
              data={(personas.data ?? []).map((x) => ({
                value: x.id,
                label: `${x.nombre}${x.institucionSigla ? ` (${x.institucionSigla})` : ''}`
              }))}
              value={nuevoMiembro.personaId}
              onChange={(v) => setNuevoMiembro({ ...nuevoMiembro, personaId: v })}
            />
            <Select
              label="Calidad"
              allowDeselect={false}
              data={[
                { value: 'titular', label: 'Titular' },
                { value: 'suplente', label: 'Suplente' }
              ]}
              value={nuevoMiembro.calidad}
              onChange={(v) =>
                v && setNuevoMiembro({ ...nuevoMiembro, calidad: v as 'titular' | 'suplente' })
              }
            />
            <Button
              variant="light"
              onClick={() => void agregarMiembro()}
              disabled={!nuevoMiembro.personaId}
            >
              Agregar miembro
            </Button>
          </>
        )}
      </Group>
      {instanciaId && (
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
            {(miembros.data ?? []).map((m) => (
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
                    onClick={async () => {
                      const r = await call('miembro:quitar', { id: m.id })
                      if (!r.ok) notifyError('No se pudo quitar', r.error)
                      miembros.reload()
                    }}
                  >
                    Quitar
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {instanciaId && miembros.data?.length === 0 && (
        <Text c="dimmed">Esta instancia aún no tiene miembros.</Text>
      )}
    </Stack>
  )
}
