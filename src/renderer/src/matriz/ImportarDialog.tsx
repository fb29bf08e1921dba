import { useState, type ReactNode } from 'react'
import {
  Alert,
  Button,
  FileInput,
  Group,
  List,
  Modal,
  Progress,
  SegmentedControl,
  Stack,
  Text,
  TextInput
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import type { VistaPreviaImportacion } from '../../../shared/domain/importacion'
import { call } from '../api/client'
import { notifyError } from '../components/notify'
import { useTarea } from '../components/use-tarea'

const MAX_BYTES = 20 * 1024 * 1024

function leerBase64(file: File): Promise<string> {
  return new Promise((ok, fail) => {
    const r = new FileReader()
    r.onload = () => ok(String(r.result).replace(/^data:[^,]*,/, ''))
    r.onerror = () => fail(r.error)
    r.readAsDataURL(file)
  })
}

function Lista(props: { titulo: string; codigos: string[] }): ReactNode {
  if (!props.codigos.length) return null
  return (
    <List.Item>
      {props.titulo} ({props.codigos.length}): {props.codigos.join(', ')}
    </List.Item>
  )
}

/** A matrix back from the ministry: what would change is shown first; nothing is written until applied. */
export function ImportarDialog(props: {
  opened: boolean
  planId: string
  onClose: () => void
  onDone: () => void
}): ReactNode {
  const [base64, setBase64] = useState<string | null>(null)
  const [modo, setModo] = useState<'actualizar' | 'nuevo'>('actualizar')
  const [nuevo, setNuevo] = useState({ nombre: '', periodoDesde: '', periodoHasta: '' })
  const [vista, setVista] = useState<VistaPreviaImportacion | null>(null)
  const [error, setError] = useState<string | null>(null)
  const { tarea, iniciar, cancelar } = useTarea()
  const enCurso = tarea?.estado === 'en_curso'

  const elegir = async (file: File | null) => {
    setVista(null)
    setError(null)
    setBase64(null)
    if (!file) return
    if (file.size > MAX_BYTES)
      return setError(`El archivo pesa ${(file.size / 1048576).toFixed(1)} MB; el máximo es 20 MB.`)
    setBase64(await leerBase64(file))
  }
  const revisar = async () => {
    if (!base64) return
    const r = await call('matriz:previsualizar', {
      base64,
      planId: modo === 'actualizar' ? props.planId : null
    })
    if (r.ok) {
      setVista(r.value)
      setError(null)
    } else setError(r.error.message)
  }
  const aplicar = async () => {
    if (!base64) return
    const destino =
      modo === 'actualizar'
        ? { modo: 'actualizar' as const, planId: props.planId }
        : { modo: 'nuevo' as const, ...nuevo }
    const t = await iniciar(call('matriz:importar', { base64, destino }))
    if (t.estado === 'lista') {
      notifications.show({
        color: 'teal',
        title: 'Matriz importada',
        message: modo === 'nuevo' ? 'Se creó el plan nuevo.' : 'El plan quedó actualizado.'
      })
      props.onDone()
    } else if (t.error) notifyError('No se pudo importar', t.error)
  }
  return (
    <Modal
      opened={props.opened}
      onClose={() => !enCurso && props.onClose()}
      title="Importar matriz desde Excel"
      size="xl"
    >
      <Stack>
        <FileInput
          label="Libro de Excel (.xlsx)"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          placeholder="Elegir archivo…"
          clearable
          onChange={(f) => void elegir(f)}
        />
        <SegmentedControl
          aria-label="Destino"
          value={modo}
          onChange={(v) => {
            setModo(v as 'actualizar')
            setVista(null)
          }}
          data={[
            { value: 'actualizar', label: 'Actualizar el plan vigente' },
            { value: 'nuevo', label: 'Crear un plan nuevo' }
          ]}
        />
        {modo === 'nuevo' && (
          <Group grow>
            <TextInput
              label="Nombre del plan"
              value={nuevo.nombre}
              onChange={(e) => setNuevo({ ...nuevo, nombre: e.currentTarget.value })}
            />
            <TextInput
              type="date"
              label="Desde"
              value={nuevo.periodoDesde}
              onChange={(e) => setNuevo({ ...nuevo, periodoDesde: e.currentTarget.value })}
            />
            <TextInput
              type="date"
              label="Hasta"
              value={nuevo.periodoHasta}
              onChange={(e) => setNuevo({ ...nuevo, periodoHasta: e.currentTarget.value })}
            />
          </Group>
        )}
        {error && (
          <Alert color="red" title="El archivo no se puede importar">
            {error}
          </Alert>
        )}
        {vista && (
          <Alert
            color={vista.sinCambios ? 'gray' : 'blue'}
            title={`Hoja «${vista.hoja}»: ${vista.totalAcciones} acciones`}
          >
            {vista.sinCambios ? (
              <Text size="sm">El libro coincide con el plan: no hay cambios que aplicar.</Text>
            ) : (
              <List size="sm" aria-label="Cambios">
                <Lista titulo="Acciones agregadas" codigos={vista.acciones.agregadas} />
                <Lista titulo="Acciones modificadas" codigos={vista.acciones.modificadas} />
                <Lista titulo="Acciones eliminadas" codigos={vista.acciones.eliminadas} />
                <Lista titulo="Metas cambiadas" codigos={vista.metasCambiadas} />
                <Lista titulo="Indicadores cambiados" codigos={vista.indicadoresCambiados} />
                <Lista titulo="Responsables cambiados" codigos={vista.responsablesCambiados} />
                <Lista titulo="Ejes agregados" codigos={vista.ejes.agregados} />
                <Lista titulo="Ejes modificados" codigos={vista.ejes.modificados} />
                <Lista titulo="Ejes eliminados" codigos={vista.ejes.eliminados} />
                <Lista titulo="Objetivos agregados" codigos={vista.objetivos.agregados} />
                <Lista titulo="Objetivos modificados" codigos={vista.objetivos.modificados} />
                <Lista titulo="Objetivos eliminados" codigos={vista.objetivos.eliminados} />
                <Lista titulo="Glosario: siglas nuevas" codigos={vista.glosario.agregadas} />
                <Lista titulo="Glosario: nombres cambiados" codigos={vista.glosario.modificadas} />
              </List>
            )}
          </Alert>
        )}
        {tarea && enCurso && (
          <Progress value={tarea.progreso * 100} animated aria-label="Progreso de la importación" />
        )}
        <Group justify="flex-end">
          {enCurso ? (
            <Button variant="default" onClick={cancelar}>
              Cancelar importación
            </Button>
          ) : (
            <Button variant="default" onClick={props.onClose}>
              Cerrar
            </Button>
          )}
          <Button variant="light" disabled={!base64 || enCurso} onClick={() => void revisar()}>
            Revisar cambios
          </Button>
          <Button
            disabled={!vista || (vista.sinCambios && modo === 'actualizar')}
            loading={enCurso}
            onClick={() => void aplicar()}
          >
            Aplicar cambios
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
