import { useState, type ReactNode } from 'react'
import { Button, Group, Modal, Progress, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import type { Instancia } from '../../../shared/domain/plan'
import type { DocumentoGenerado } from '../../../shared/domain/tareas'
import { call } from '../api/client'
import { descargar } from '../api/download'
import { notifyError } from '../components/notify'
import { useTarea } from '../components/use-tarea'
import { OpcionesExportacion, SIN_OPCIONES, type Opciones } from './OpcionesExportacion'

/** The coordinator's export: the matrix the ministry knows, with or without progress. */
export function ExportarDialog(props: {
  opened: boolean
  planId: string
  instancias: Instancia[]
  onClose: () => void
}): ReactNode {
  const [o, setO] = useState<Opciones>(SIN_OPCIONES)
  const { tarea, iniciar, cancelar } = useTarea()
  const enCurso = tarea?.estado === 'en_curso'
  const exportar = async () => {
    const t = await iniciar(call('matriz:exportar', entradaExportar(props.planId, o)))
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
        <OpcionesExportacion opciones={o} instancias={props.instancias} onChange={setO} />
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

/** The export call's input: dates only bound the sessions when progress is asked for. */
function entradaExportar(planId: string, o: Opciones) {
  return {
    planId,
    seguimiento: o.seguimiento === 'si',
    papel: o.papel as 'carta',
    ...(o.instanciaId ? { instanciaId: o.instanciaId } : {}),
    ...(o.seguimiento === 'si' && o.desde ? { desde: o.desde } : {}),
    ...(o.seguimiento === 'si' && o.hasta ? { hasta: o.hasta } : {})
  }
}
