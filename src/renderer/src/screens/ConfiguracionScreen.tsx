import { useState, type ReactNode } from 'react'
import { Button, Group, Loader, Stack, Text, Title } from '@mantine/core'
import { call } from '../api/client'
import { descargarOfrecida } from '../api/download'
import { useApiQuery } from '../api/queries'
import { notifyError, notifySaved } from '../components/notify'
import { EncabezadoForm } from '../configuracion/EncabezadoForm'
import { PerfilForm } from '../historial/PerfilForm'
import { InstalacionSeccion } from '../intercambio/InstalacionSeccion'
import { BaseDatosSeccion } from '../configuracion/BaseDatosSeccion'

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
      <BaseDatosSeccion />
    </Stack>
  )
}

/** A verified copy of the database, wherever the user wants it. */
function RespaldoSeccion(): ReactNode {
  const [respaldando, setRespaldando] = useState(false)
  const respaldar = async (): Promise<void> => {
    setRespaldando(true)
    try {
      const r = await call('respaldo:ahora', undefined)
      if (!r.ok) return notifyError('No se pudo respaldar', r.error)
      descargarOfrecida(r.value.descarga, r.value.nombre)
      const copia = r.value.enCarpeta ? ' Una copia quedó también en la carpeta «respaldos».' : ''
      notifySaved(
        `Respaldo verificado (${megabytes(r.value.bytes)}) listo para guardar: elija dónde.${copia}`
      )
    } finally {
      setRespaldando(false)
    }
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
        <Button variant="light" loading={respaldando} onClick={() => void respaldar()}>
          Respaldar ahora
        </Button>
        {respaldando && (
          <Text size="sm" c="dimmed">
            Copiando y verificando la base de datos…
          </Text>
        )}
      </Group>
    </>
  )
}

/** A size as the secretary reads it: «1,2 MB». */
function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024)
  return `${mb.toLocaleString('es-CL', { maximumFractionDigits: mb < 10 ? 1 : 0 })} MB`
}
