import { useState, type ReactNode } from 'react'
import { Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core'
import { useGuardar } from './guardar'
import { formatFecha } from '../../../shared/domain/fechas'

/** Approving an acta: in which later session, with what observations. It cannot be undone. */
export function AprobacionModal(props: {
  opened: boolean
  sesionId: string
  posteriores: { id: string; titulo: string }[]
  onClose: () => void
  onDone: () => void
}): ReactNode {
  const guardar = useGuardar()
  const [enSesionId, setEn] = useState<string | null>(props.posteriores[0]?.id ?? null)
  const [observaciones, setObs] = useState('')
  return (
    <Modal opened={props.opened} onClose={props.onClose} title="Aprobar acta">
      <Stack>
        <Text size="sm">
          Una vez aprobada, el acta no se puede modificar; las correcciones se registran como fe de
          erratas.
        </Text>
        <Select
          label="Aprobada en"
          placeholder="Cree primero la sesión siguiente"
          allowDeselect={false}
          error={
            props.posteriores.length === 0
              ? 'El acta se aprueba en una sesión posterior en curso: créela primero.'
              : undefined
          }
          data={props.posteriores.map((p) => ({
            value: p.id,
            // The core gives "(2014-11-12)"; shown as in Chile.
            label: p.titulo.replace(
              /\((\d{4}-\d{2}-\d{2})\)$/,
              (_, f: string) => `(${formatFecha(f)})`
            )
          }))}
          value={enSesionId}
          onChange={setEn}
        />
        <Textarea
          data-autofocus
          label="Observaciones"
          autosize
          minRows={2}
          value={observaciones}
          onChange={(e) => setObs(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Cancelar
          </Button>
          <Button
            color="teal"
            disabled={enSesionId === null}
            onClick={async () => {
              if (
                enSesionId &&
                (await guardar('sesion:aprobar', { id: props.sesionId, enSesionId, observaciones }))
              )
                props.onDone()
            }}
          >
            Aprobar acta
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
