import { useState, type ReactNode } from 'react'
import {
  Button,
  Group,
  Modal,
  Progress,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import type { Instancia } from '../../../shared/domain/plan'
import type { DocumentoGenerado } from '../../../shared/domain/tareas'
import { call } from '../api/client'
import { descargar } from '../api/download'
import { notifyError } from '../components/notify'
import { useTarea } from '../components/use-tarea'

/** The coordinator's export: the matrix the ministry knows, with or without progress. */
export function ExportarDialog(props: {
  opened: boolean
  planId: string
  instancias: Instancia[]
  onClose: () => void
}): ReactNode {
  const [o, setO] = useState({
    seguimiento: 'no',
    papel: 'carta',
    instanciaId: null as string | null,
    desde: '',
    hasta: ''
  })
  const { tarea, iniciar, cancelar } = useTarea()
  const enCurso = tarea?.estado === 'en_curso'
  const exportar = async () => {
    const t = await iniciar(
      call('matriz:exportar', {
        planId: props.planId,
        seguimiento: o.seguimiento === 'si',
        papel: o.papel as 'carta',
        ...(o.instanciaId ? { instanciaId: o.instanciaId } : {}),
        ...(o.seguimiento === 'si' && o.desde ? { desde: o.desde } : {}),
        ...(o.seguimiento === 'si' && o.hasta ? { hasta: o.hasta } : {})
      })
    )
    if (t.estado === 'lista' && t.resultado && 'base64' in t.resultado) {
      const doc = t.resultado as DocumentoGenerado
      descargar(doc)
      notifications.show({
        color: 'teal',
        title: 'Matriz exportada',
        message: `${doc.nombre} — revise su carpeta de descargas.`,
        autoClose: 6000
      })
      props.onClose()
    } else if (t.estado === 'error' && t.error) notifyError('No se pudo exportar', t.error)
  }
  return (
    <Modal
      opened={props.opened}
      onClose={() => !enCurso && props.onClose()}
      title="Exportar a Excel"
      size="lg"
    >
      <Stack>
        <SegmentedControl
          aria-label="Contenido"
          value={o.seguimiento}
          onChange={(v) => setO({ ...o, seguimiento: v })}
          data={[
            { value: 'no', label: 'Matriz del plan' },
            { value: 'si', label: 'Matriz con seguimiento' }
          ]}
        />
        <Group grow>
          <Select
            label="Papel"
            allowDeselect={false}
            value={o.papel}
            onChange={(v) => v && setO({ ...o, papel: v })}
            data={[
              { value: 'carta', label: 'Carta' },
              { value: 'oficio', label: 'Oficio' },
              { value: 'a4', label: 'A4' }
            ]}
          />
          <Select
            label="Instancia"
            placeholder="Todas"
            clearable
            value={o.instanciaId}
            onChange={(v) => setO({ ...o, instanciaId: v })}
            data={props.instancias.map((i) => ({ value: i.id, label: i.nombre }))}
          />
        </Group>
        {o.seguimiento === 'si' && (
          <Group grow>
            <TextInput
              type="date"
              label="Sesiones desde"
              value={o.desde}
              onChange={(e) => setO({ ...o, desde: e.currentTarget.value })}
            />
            <TextInput
              type="date"
              label="Sesiones hasta"
              value={o.hasta}
              onChange={(e) => setO({ ...o, hasta: e.currentTarget.value })}
            />
          </Group>
        )}
        {tarea && enCurso && (
          <Stack gap={4}>
            <Progress
              value={tarea.progreso * 100}
              animated
              aria-label="Progreso de la exportación"
            />
            <Text size="xs" c="dimmed">
              {tarea.detalle}
            </Text>
          </Stack>
        )}
        <Group justify="flex-end">
          {enCurso ? (
            <Button variant="default" onClick={cancelar}>
              Cancelar exportación
            </Button>
          ) : (
            <Button variant="default" onClick={props.onClose}>
              Cerrar
            </Button>
          )}
          <Button onClick={() => void exportar()} loading={enCurso}>
            Exportar
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
