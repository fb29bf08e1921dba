import type { ReactNode } from 'react'
import { ActionIcon, Button, Group, Tooltip } from '@mantine/core'
import type { Direccion } from '../../../shared/domain/plan'
import { useEscribir } from '../api/escrituras'
import { confirmDelete } from './confirm'
import { notifyError } from './notify'

type Movible = 'eje' | 'objetivo' | 'accion' | 'meta' | 'indicador' | 'institucion'

/** Edit / move up / move down / delete for one row; every button says what it acts on. */
export function RowActions(props: {
  kind: Movible
  id: string
  /** "la acción 3.2.a": used in labels and the confirmation. */
  label: string
  consecuencia?: string
  onEdit: () => void
}): ReactNode {
  const escribir = useEscribir()
  const mover = async (direccion: Direccion): Promise<void> => {
    const r = await escribir(`${props.kind}:mover`, { id: props.id, direccion })
    if (!r.ok) notifyError('No se pudo mover', r.error)
  }
  const eliminar = (): void =>
    confirmDelete(props.label, props.consecuencia ?? null, async () => {
      const r = await escribir(`${props.kind}:eliminar`, { id: props.id })
      if (!r.ok) notifyError('No se pudo eliminar', r.error)
    })
  return (
    <Group gap={4} wrap="nowrap">
      <Button
        size="compact-xs"
        variant="subtle"
        onClick={props.onEdit}
        aria-label={`Editar ${props.label}`}
      >
        Editar
      </Button>
      <Tooltip label="Subir">
        <ActionIcon
          size="sm"
          variant="subtle"
          onClick={() => void mover('arriba')}
          aria-label={`Subir ${props.label}`}
        >
          ↑
        </ActionIcon>
      </Tooltip>
      <Tooltip label="Bajar">
        <ActionIcon
          size="sm"
          variant="subtle"
          onClick={() => void mover('abajo')}
          aria-label={`Bajar ${props.label}`}
        >
          ↓
        </ActionIcon>
      </Tooltip>
      <Button
        size="compact-xs"
        variant="subtle"
        color="red"
        onClick={eliminar}
        aria-label={`Eliminar ${props.label}`}
      >
        Eliminar
      </Button>
    </Group>
  )
}
