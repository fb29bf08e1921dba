import { useState, type ReactNode } from 'react'
import { Button, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import type { Instalacion } from '../../../shared/intercambio/contract'
import { fechaHoraChile } from '../../../shared/domain/historial'
import { useApiQuery } from '../api/queries'
import { useEscribir } from '../api/escrituras'
import { notifyError, notifySaved } from '../components/notify'

/** Configuración: this notebook's name, as its partners see it, and the partners themselves. */
export function InstalacionSeccion(): ReactNode {
  const instalacion = useApiQuery('instalacion:obtener', undefined)
  return (
    <Stack>
      <Title order={2} size="h3" mt="lg">
        Intercambio entre notebooks
      </Title>
      {instalacion.data ? (
        <NombreForm key={instalacion.data.nombre} instalacion={instalacion.data} />
      ) : (
        <Loader />
      )}
      <SociosTabla />
    </Stack>
  )
}

function NombreForm(props: { instalacion: Instalacion }): ReactNode {
  const escribir = useEscribir()
  const [nombre, setNombre] = useState(props.instalacion.nombre)
  const [error, setError] = useState<string | null>(null)
  const guardar = async (): Promise<void> => {
    const r = await escribir('instalacion:renombrar', { nombre })
    if (!r.ok) {
      setError(r.error.fields?.nombre ?? r.error.message)
      return notifyError('No se pudo guardar', r.error)
    }
    setError(null)
    notifySaved('Nombre de esta instalación guardado.')
  }
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        void guardar()
      }}
    >
      <Group align="flex-end">
        <TextInput
          label="Nombre de esta instalación"
          description="Así la verán los otros equipos en sus paquetes (por ejemplo: Notebook SERNAM – Javiera)."
          value={nombre}
          error={error}
          onChange={(e) => setNombre(e.currentTarget.value)}
          w={420}
        />
        <Button type="submit" variant="light">
          Guardar nombre
        </Button>
      </Group>
    </form>
  )
}

const cuando = (iso: string | null): string => (iso ? fechaHoraChile(iso) : 'nunca')

function SociosTabla(): ReactNode {
  const socios = useApiQuery('socio:listar', undefined)
  if (!socios.data) return <Loader />
  if (socios.data.length === 0)
    return (
      <Text size="sm">
        Todavía no se ha intercambiado ningún paquete. Los equipos aparecen aquí al importar su
        primer paquete.
      </Text>
    )
  return (
    <Table withTableBorder aria-label="Socios" maw={700}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Equipo</Table.Th>
          <Table.Th>Último paquete enviado</Table.Th>
          <Table.Th>Último paquete recibido</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {socios.data.map((s) => (
          <Table.Tr key={s.id}>
            <Table.Td>{s.nombre}</Table.Td>
            <Table.Td>{cuando(s.ultimoEnvio)}</Table.Td>
            <Table.Td>{cuando(s.ultimoRecibo)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
