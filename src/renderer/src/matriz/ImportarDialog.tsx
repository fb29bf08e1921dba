import type { ReactNode } from 'react'
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
import type { VistaPreviaImportacion } from '../../../shared/domain/importacion'
import { useImportacion, type Modo, type NuevoPlan } from './use-importacion'
import { FechaInput } from '../fechas/FechaInput'

/** A matrix back from the ministry: what would change is shown first; nothing is written until applied. */
export function ImportarDialog(props: {
  opened: boolean
  planId: string
  onClose: () => void
  onDone: () => void
}): ReactNode {
  const imp = useImportacion(props.planId, props.onDone)
  const { modo, vista, tarea } = imp
  const enCurso = tarea?.estado === 'en_curso'
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
          onChange={(f) => void imp.elegir(f)}
        />
        <DestinoImportacion
          modo={modo}
          onModo={imp.setModo}
          nuevo={imp.nuevo}
          onNuevo={imp.setNuevo}
        />
        {imp.error && (
          <Alert color="red" title="El archivo no se puede importar">
            {imp.error}
          </Alert>
        )}
        {vista && <VistaPrevia vista={vista} />}
        {tarea && enCurso && (
          <Progress value={tarea.progreso * 100} animated aria-label="Progreso de la importación" />
        )}
        <Group justify="flex-end">
          {enCurso ? (
            <Button variant="default" onClick={imp.cancelar}>
              Cancelar importación
            </Button>
          ) : (
            <Button variant="default" onClick={props.onClose}>
              Cerrar
            </Button>
          )}
          <Button
            variant="light"
            disabled={!imp.base64 || enCurso}
            onClick={() => void imp.revisar()}
          >
            Revisar cambios
          </Button>
          <Button
            disabled={!vista || (vista.sinCambios && modo === 'actualizar')}
            loading={enCurso}
            onClick={() => void imp.aplicar()}
          >
            Aplicar cambios
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

/** Into the current plan, or as a new plan with its name and period. */
function DestinoImportacion(props: {
  modo: Modo
  onModo: (m: Modo) => void
  nuevo: NuevoPlan
  onNuevo: (n: NuevoPlan) => void
}): ReactNode {
  const { nuevo, onNuevo: setNuevo } = props
  return (
    <>
      <SegmentedControl
        aria-label="Destino"
        value={props.modo}
        onChange={(v) => props.onModo(v as Modo)}
        data={[
          { value: 'actualizar', label: 'Actualizar el plan vigente' },
          { value: 'nuevo', label: 'Crear un plan nuevo' }
        ]}
      />
      {props.modo === 'nuevo' && (
        <Group grow>
          <TextInput
            label="Nombre del plan"
            value={nuevo.nombre}
            onChange={(e) => setNuevo({ ...nuevo, nombre: e.currentTarget.value })}
          />
          <FechaInput
            label="Desde"
            value={nuevo.periodoDesde}
            onChange={(v) => setNuevo({ ...nuevo, periodoDesde: v })}
          />
          <FechaInput
            label="Hasta"
            value={nuevo.periodoHasta}
            onChange={(v) => setNuevo({ ...nuevo, periodoHasta: v })}
          />
        </Group>
      )}
    </>
  )
}

function Lista(props: { titulo: string; codigos: string[] }): ReactNode {
  if (!props.codigos.length) return null
  return (
    <List.Item>
      {props.titulo} ({props.codigos.length}): {props.codigos.join(', ')}
    </List.Item>
  )
}

/** What applying the workbook would change, by kind of element. */
function VistaPrevia(props: { vista: VistaPreviaImportacion }): ReactNode {
  const { vista } = props
  return (
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
  )
}
