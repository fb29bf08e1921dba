import type { ReactNode } from 'react'
import { Modal, Text } from '@mantine/core'
import { useApiQuery } from '../api/queries'
import { PerfilForm } from './PerfilForm'

/**
 * At first run (no profile yet) the app asks who uses it, so every change it records names them.
 * Not dismissable: it shows until a profile is saved (then editable in Configuración).
 */
export function PerfilInicial(): ReactNode {
  const perfil = useApiQuery('perfil:obtener', undefined)
  const falta = perfil.isSuccess && perfil.data === null
  return (
    <Modal
      opened={falta}
      onClose={() => {}}
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={false}
      title="¿Quién usa esta aplicación?"
    >
      <Text size="sm" mb="sm">
        Cada cambio queda registrado en el historial con su nombre y su institución. Puede
        cambiarlos después en Configuración.
      </Text>
      <PerfilForm perfil={null} />
    </Modal>
  )
}
