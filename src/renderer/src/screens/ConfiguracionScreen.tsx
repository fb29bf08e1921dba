import type { ReactNode } from 'react'
import { Button, Group, Loader, Stack, Text, Title } from '@mantine/core'
import { call } from '../api/client'
import { descargar } from '../api/download'
import { useApiQuery } from '../api/queries'
import { notifyError, notifySaved } from '../components/notify'
import { EncabezadoForm } from '../configuracion/EncabezadoForm'
import { PerfilForm } from '../historial/PerfilForm'
import { InstalacionSeccion } from '../intercambio/InstalacionSeccion'

/** The institutional header and logo printed on every acta, and a backup on demand. */
export function ConfiguracionScreen(): ReactNode {
  const config = useApiQuery('config:obtener', undefined)
  const perfil = useApiQuery('perfil:obtener', undefined)
  return (
    <Stack maw={700}>
      <Title order={1} size="h2">
        Su perfil
      </Title>
      <Text size="sm">Su nombre e institución quedan en el historial de cada cambio que haga.</Text>
      {perfil.isSuccess ? (
        <PerfilForm key={perfil.data?.nombre ?? ''} perfil={perfil.data} />
      ) : (
        <Loader />
      )}
      <Title order={1} size="h2">
        Configuración de las actas
      </Title>
      {config.data ? <EncabezadoForm config={config.data} /> : <Loader />}
      <RespaldoSeccion />
      <InstalacionSeccion />
    </Stack>
  )
}

/** A verified copy of the database, wherever the user wants it. */
function RespaldoSeccion(): ReactNode {
  const respaldar = async (): Promise<void> => {
    const r = await call('respaldo:ahora', undefined)
    if (r.ok) {
      descargar(r.value)
      notifySaved('Respaldo verificado listo para guardar.')
    } else notifyError('No se pudo respaldar', r.error)
  }
  return (
    <>
      <Title order={2} size="h3" mt="lg">
        Respaldos
      </Title>
      <Text size="sm">
        La aplicación respalda sola la base de datos una vez al día, después de aprobar cada acta y
        antes de cada actualización, en la carpeta «respaldos» junto a sus datos. Aquí puede guardar
        una copia verificada donde quiera (por ejemplo, en un pendrive).
      </Text>
      <Group>
        <Button variant="light" onClick={() => void respaldar()}>
          Respaldar ahora
        </Button>
      </Group>
    </>
  )
}
