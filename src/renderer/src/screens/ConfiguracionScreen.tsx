import { useState, type ReactNode } from 'react'
import { Button, FileInput, Group, Image, Stack, Text, Textarea, Title } from '@mantine/core'
import { call } from '../api/client'
import { useQuery } from '../api/use-query'
import { descargar } from '../api/download'
import { notifyError, notifySaved } from '../components/notify'

/** The institutional header and logo printed on every acta. */
export function ConfiguracionScreen(): ReactNode {
  const config = useQuery('config:obtener', undefined)
  const [encabezado, setEncabezado] = useState<string | null>(null)
  const [logo, setLogo] = useState<string | null | undefined>(undefined)
  const actual = {
    encabezado: encabezado ?? config.data?.encabezado ?? '',
    logo: logo === undefined ? (config.data?.logo ?? null) : logo
  }
  const leerLogo = (file: File | null) => {
    if (!file) return setLogo(null)
    if (file.size > 500_000)
      return notifyError('Logo demasiado grande', {
        code: 'entrada_invalida',
        message: 'El logo no puede superar 500 KB.'
      })
    const reader = new FileReader()
    reader.onload = () => setLogo(String(reader.result))
    reader.readAsDataURL(file)
  }
  const guardar = async () => {
    const r = await call('config:guardar', actual)
    if (!r.ok) return notifyError('No se pudo guardar', r.error)
    notifySaved('Encabezado guardado.')
    setEncabezado(null)
    setLogo(undefined)
    config.reload()
  }
  return (
    <Stack maw={700}>
      <Title order={1} size="h2">
        Configuración de las actas
      </Title>
      <Textarea
        label="Encabezado institucional (una línea por renglón)"
        autosize
        minRows={3}
        value={actual.encabezado}
        onChange={(e) => setEncabezado(e.currentTarget.value)}
      />
      <FileInput
        label="Logo (PNG o JPEG, hasta 500 KB)"
        accept="image/png,image/jpeg"
        clearable
        placeholder="Elegir archivo…"
        onChange={leerLogo}
      />
      {actual.logo ? (
        <Image src={actual.logo} alt="Logo actual" h={60} w="auto" fit="contain" />
      ) : (
        <Text size="sm" c="dimmed">
          Sin logo.
        </Text>
      )}
      <Group>
        <Button onClick={() => void guardar()}>Guardar</Button>
        {actual.logo && (
          <Button variant="default" onClick={() => setLogo(null)}>
            Quitar logo
          </Button>
        )}
      </Group>
      <Title order={2} size="h3" mt="lg">
        Respaldos
      </Title>
      <Text size="sm">
        La aplicación respalda sola la base de datos una vez al día, después de aprobar cada acta y
        antes de cada actualización, en la carpeta «respaldos» junto a sus datos. Aquí puede guardar
        una copia verificada donde quiera (por ejemplo, en un pendrive).
      </Text>
      <Group>
        <Button
          variant="light"
          onClick={async () => {
            const r = await call('respaldo:ahora', undefined)
            if (r.ok) {
              descargar(r.value)
              notifySaved('Respaldo verificado listo para guardar.')
            } else notifyError('No se pudo respaldar', r.error)
          }}
        >
          Respaldar ahora
        </Button>
      </Group>
    </Stack>
  )
}
