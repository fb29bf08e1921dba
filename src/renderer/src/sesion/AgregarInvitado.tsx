import { useState, type ReactNode } from 'react'
import { Button, Group, TextInput } from '@mantine/core'
import { useGuardar } from './guardar'

const NADIE = { nombre: '', cargo: '', institucion: '' }

/** A guest who is not a member: name, institution, position. */
export function AgregarInvitado(props: { sesionId: string }): ReactNode {
  const guardar = useGuardar()
  const [invitado, setInvitado] = useState(NADIE)
  const agregar = async (): Promise<void> => {
    if (await guardar('asistencia:invitar', { sesionId: props.sesionId, ...invitado }))
      setInvitado(NADIE)
  }
  return (
    <Group align="flex-end" mt="sm">
      <TextInput
        label="Invitado/a"
        placeholder="Nombre"
        value={invitado.nombre}
        onChange={(e) => setInvitado({ ...invitado, nombre: e.currentTarget.value })}
      />
      <TextInput
        label="Institución"
        value={invitado.institucion}
        onChange={(e) => setInvitado({ ...invitado, institucion: e.currentTarget.value })}
      />
      <TextInput
        label="Cargo"
        value={invitado.cargo}
        onChange={(e) => setInvitado({ ...invitado, cargo: e.currentTarget.value })}
      />
      <Button variant="light" disabled={!invitado.nombre.trim()} onClick={() => void agregar()}>
        Agregar invitado/a
      </Button>
    </Group>
  )
}
