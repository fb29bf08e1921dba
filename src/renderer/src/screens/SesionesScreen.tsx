import { useState, type ReactNode } from 'react'
import {
  Alert,
  Anchor,
  Badge,
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
import { Link, useLocation } from 'wouter'
import {
  MODALIDADES,
  MODALIDAD_LABEL,
  SESION_ESTADO_LABEL,
  SESION_TIPOS,
  SESION_TIPO_LABEL,
  type Modalidad,
  type SesionTipo
} from '../../../shared/domain/sesiones'
import { formatFecha } from '../../../shared/domain/fechas'
import { call } from '../api/client'
import { useQuery } from '../api/use-query'
import { notifyError } from '../components/notify'

const hoy = (): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Santiago' }).format(new Date())

/** The sessions of every instancia, and a new one in a few keystrokes. */
export function SesionesScreen(): ReactNode {
  const [instanciaId, setInstanciaId] = useState<string | null>(null)
  const instancias = useQuery('instancia:listar', undefined)
  const lista = useQuery('sesion:listar', instanciaId ? { instanciaId } : {})
  const [, navigate] = useLocation()
  const [nueva, setNueva] = useState({
    instanciaId: '',
    tipo: 'ordinaria' as SesionTipo,
    fecha: hoy(),
    horaInicio: '10:00',
    lugar: '',
    modalidad: 'presencial' as Modalidad
  })
  const [creando, setCreando] = useState(false)
  const [error, setError] = useState<string>()

  const crear = async () => {
    if (!nueva.instanciaId) return setError('Elija la instancia que sesiona.')
    setError(undefined)
    setCreando(true)
    const r = await call('sesion:crear', { ...nueva, horaInicio: nueva.horaInicio || null })
    setCreando(false)
    if (r.ok) navigate(`/sesiones/${r.value.id}`)
    else notifyError('No se pudo crear la sesión', r.error)
  }

  return (
    <Stack>
      <Title order={1} size="h2">
        Sesiones
      </Title>
      <Card
        withBorder
        component="form"
        aria-label="Nueva sesión"
        onSubmit={(e) => {
          e.preventDefault()
          void crear()
        }}
      >
        <Title order={2} size="h5" mb="xs">
          Nueva sesión
        </Title>
        <Grid align="flex-end" gap="xs">
          <Grid.Col span={{ base: 12, md: 3 }}>
            <Select
              label="Instancia"
              required
              error={error}
              data={(instancias.data ?? []).map((i) => ({ value: i.id, label: i.nombre }))}
              value={nueva.instanciaId || null}
              onChange={(v) => setNueva({ ...nueva, instanciaId: v ?? '' })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 2 }}>
            <Select
              label="Tipo"
              allowDeselect={false}
              data={SESION_TIPOS.map((t) => ({ value: t, label: SESION_TIPO_LABEL[t] }))}
              value={nueva.tipo}
              onChange={(v) => v && setNueva({ ...nueva, tipo: v as SesionTipo })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 2 }}>
            <TextInput
              type="date"
              label="Fecha"
              required
              value={nueva.fecha}
              onChange={(e) => setNueva({ ...nueva, fecha: e.currentTarget.value })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 1 }}>
            <TextInput
              type="time"
              label="Inicio"
              value={nueva.horaInicio}
              onChange={(e) => setNueva({ ...nueva, horaInicio: e.currentTarget.value })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 2 }}>
            <Select
              label="Modalidad"
              allowDeselect={false}
              data={MODALIDADES.map((m) => ({ value: m, label: MODALIDAD_LABEL[m] }))}
              value={nueva.modalidad}
              onChange={(v) => v && setNueva({ ...nueva, modalidad: v as Modalidad })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 2 }}>
            <Button type="submit" loading={creando} fullWidth>
              Crear sesión
            </Button>
          </Grid.Col>
          <Grid.Col span={12}>
            <TextInput
              label="Lugar"
              value={nueva.lugar}
              onChange={(e) => setNueva({ ...nueva, lugar: e.currentTarget.value })}
            />
          </Grid.Col>
        </Grid>
      </Card>
      <Group>
        <Select
          label="Filtrar por instancia"
          placeholder="Todas"
          clearable
          data={(instancias.data ?? []).map((i) => ({ value: i.id, label: i.nombre }))}
          value={instanciaId}
          onChange={setInstanciaId}
        />
      </Group>
      {lista.error && <Alert color="red">{lista.error.message}</Alert>}
      <Table striped highlightOnHover aria-label="Lista de sesiones">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Sesión</Table.Th>
            <Table.Th>Instancia</Table.Th>
            <Table.Th w={110}>Fecha</Table.Th>
            <Table.Th w={110}>Estado</Table.Th>
            <Table.Th w={90}>Acuerdos</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(lista.data ?? []).map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>
                <Anchor component={Link} href={`/sesiones/${s.id}`}>
                  {s.titulo}
                </Anchor>
              </Table.Td>
              <Table.Td>{s.instanciaNombre}</Table.Td>
              <Table.Td>{formatFecha(s.fecha)}</Table.Td>
              <Table.Td>
                <Badge tt="none" variant="light">
                  {SESION_ESTADO_LABEL[s.estado]}
                </Badge>
              </Table.Td>
              <Table.Td>{s.acuerdos}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {lista.data?.length === 0 && <Text c="dimmed">No hay sesiones registradas.</Text>}
    </Stack>
  )
}
