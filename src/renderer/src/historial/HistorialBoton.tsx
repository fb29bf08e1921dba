import { useState, type ReactNode } from 'react'
import { Button, Modal } from '@mantine/core'
import type { EntidadHistorial } from '../../../shared/historial/contract'
import { HistorialLista } from './HistorialLista'

const TITULO: Record<EntidadHistorial, string> = {
  accion: 'Historial de la acción',
  sesion: 'Historial de la sesión',
  acuerdo: 'Historial del acuerdo'
}

/** Opens who changed what in an acción, a session or an acuerdo, newest first. */
export function HistorialBoton(props: {
  entidad: EntidadHistorial
  id: string
  compacto?: boolean
  /** What the button says to a screen reader when several share a screen. */
  etiqueta?: string
}): ReactNode {
  const [abierto, setAbierto] = useState(false)
  return (
    <>
      <Button
        variant="subtle"
        size={props.compacto ? 'compact-xs' : 'xs'}
        onClick={() => setAbierto(true)}
        aria-label={props.etiqueta ?? TITULO[props.entidad]}
      >
        Historial
      </Button>
      <Modal
        opened={abierto}
        onClose={() => setAbierto(false)}
        title={TITULO[props.entidad]}
        size="xl"
      >
        {abierto && <HistorialLista entidad={props.entidad} id={props.id} />}
      </Modal>
    </>
  )
}
