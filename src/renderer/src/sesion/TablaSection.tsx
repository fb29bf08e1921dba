import { useState, type ReactNode } from 'react'
import { ActionIcon, Button, Card, Group, Stack, Textarea, TextInput } from '@mantine/core'
import type { PuntoTabla, SesionDetalle } from '../../../shared/domain/sesiones'
import { confirmDelete } from '../components/confirm'
import { useAutosave } from '../components/use-autosave'
import { useGuardar } from './guardar'
import { useLeido } from '../components/use-leido'
import { ActaAnteriorPunto } from './ActaAnteriorPunto'

function Punto(props: {
  p: PuntoTabla
  n: number
  editable: boolean
  children?: ReactNode
}): ReactNode {
  const { p } = props
  const servidor = { titulo: p.titulo, desarrollo: p.desarrollo }
  const [v, setV] = useState(servidor)
  const leido = useLeido(servidor, v, (c) => setV((x) => ({ ...x, ...c })))
  const guardar = useGuardar(leido.recargar)
  const { flush } = useAutosave(
    v,
    (x) => leido.guardar(x, (b) => guardar('punto:actualizar', { id: p.id, ...x, antes: b })),
    props.editable && v.titulo.trim() !== ''
  )
  const mover = async (direccion: 'arriba' | 'abajo') => {
    flush()
    await guardar('punto:mover', { id: p.id, direccion })
  }
  return (
    <Card withBorder padding="sm" component="section" aria-label={`Punto ${props.n}: ${v.titulo}`}>
      <Group align="flex-end" wrap="nowrap">
        <TextInput
          style={{ flex: 1 }}
          label={`Punto ${props.n}`}
          value={v.titulo}
          readOnly={!props.editable}
          error={v.titulo.trim() === '' ? 'El título del punto no puede estar vacío.' : undefined}
          onChange={(e) => setV({ ...v, titulo: e.currentTarget.value })}
        />
        {props.editable && (
          <Group gap={4} wrap="nowrap">
            <ActionIcon
              variant="subtle"
              aria-label={`Subir el punto ${props.n}`}
              onClick={() => void mover('arriba')}
            >
              ↑
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              aria-label={`Bajar el punto ${props.n}`}
              onClick={() => void mover('abajo')}
            >
              ↓
            </ActionIcon>
            <Button
              size="compact-sm"
              variant="subtle"
              color="red"
              aria-label={`Eliminar el punto ${props.n}`}
              onClick={() =>
                confirmDelete(`el punto «${v.titulo}»`, 'Se perderá su desarrollo.', () => {
                  void guardar('punto:eliminar', { id: p.id })
                })
              }
            >
              Eliminar
            </Button>
          </Group>
        )}
      </Group>
      {props.children}
      <Textarea
        mt="xs"
        label={`Desarrollo: ${v.titulo}`}
        autosize
        minRows={3}
        maxRows={20}
        value={v.desarrollo}
        readOnly={!props.editable}
        onBlur={flush}
        onChange={(e) => setV({ ...v, desarrollo: e.currentTarget.value })}
      />
    </Card>
  )
}

/** The agenda, reorderable, with what was said on each item. */
export function TablaSection(props: { d: SesionDetalle }): ReactNode {
  const { d } = props
  const sesionId = d.sesion.id
  const { editable } = d
  const guardar = useGuardar()
  const [nuevo, setNuevo] = useState('')
  const agregar = async () => {
    if (!nuevo.trim()) return
    if (await guardar('punto:crear', { sesionId, titulo: nuevo })) setNuevo('')
  }
  return (
    <Stack gap="sm">
      {d.puntos.map((p, i) => (
        <Punto key={p.id} p={p} n={i + 1} editable={editable}>
          {p.tipo === 'aprobacion_acta' && <ActaAnteriorPunto d={d} />}
        </Punto>
      ))}
      {editable && (
        <Group align="flex-end">
          <TextInput
            style={{ flex: 1 }}
            label="Nuevo punto de tabla"
            value={nuevo}
            onChange={(e) => setNuevo(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') void agregar()
            }}
          />
          <Button variant="light" onClick={() => void agregar()} disabled={!nuevo.trim()}>
            Agregar punto
          </Button>
        </Group>
      )}
    </Stack>
  )
}
