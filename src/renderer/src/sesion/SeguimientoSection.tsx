import { useState, type ReactNode } from 'react'
import { Select, Table, Text, Textarea } from '@mantine/core'
import {
  ACUERDO_ESTADOS,
  ACUERDO_SITUACION_LABEL,
  type AcuerdoEnSeguimiento,
  type AcuerdoEstado
} from '../../../shared/domain/sesiones'
import { formatFecha } from '../../../shared/domain/fechas'
import { useAutosave } from '../components/use-autosave'
import { useGuardar } from './guardar'
import { useLeido } from '../components/use-leido'
import { SituacionBadge } from './SituacionBadge'

/** Where the acuerdo was taken, who owes it, its text and its follow-ups so far. */
function AcuerdoCeldas({ a }: { a: AcuerdoEnSeguimiento }): ReactNode {
  return (
    <>
      <Table.Td>
        <Text size="sm">
          {a.sesionTitulo}, N° {a.numero}
        </Text>
        <Text size="xs" c="dimmed">
          {a.responsable}
          {a.plazo ? ` · plazo ${formatFecha(a.plazo)}` : ''}
          {a.accionCodigo ? ` · acción ${a.accionCodigo}` : ''}
        </Text>
      </Table.Td>
      <Table.Td>
        {a.texto}
        {a.historial.length > 0 && (
          <Text size="xs" c="dimmed">
            Historial:{' '}
            {a.historial
              .map(
                (h) =>
                  `${h.sesionTitulo}: ${ACUERDO_SITUACION_LABEL[h.estado]}${h.nota ? ` (${h.nota})` : ''}`
              )
              .join(' · ')}
          </Text>
        )}
      </Table.Td>
    </>
  )
}

function SeguimientoFila(props: {
  sesionId: string
  fecha: string
  a: AcuerdoEnSeguimiento
  editable: boolean
}): ReactNode {
  const { a } = props
  const servidor = {
    estado: a.enEstaSesion?.estado ?? (null as AcuerdoEstado | null),
    nota: a.enEstaSesion?.nota ?? ''
  }
  const [v, setV] = useState(servidor)
  const leido = useLeido(servidor, v, (c) => setV((x) => ({ ...x, ...c })))
  const guardar = useGuardar(leido.recargar)
  useAutosave(
    v,
    (x) =>
      leido.guardar(x, (b) =>
        guardar('acuerdo:seguimiento', {
          sesionId: props.sesionId,
          acuerdoId: a.id,
          estado: x.estado!,
          nota: x.nota,
          antes: { ...(b.estado ? { estado: b.estado } : {}), nota: b.nota }
        })
      ),
    props.editable && v.estado !== null
  )
  const sinEstado = props.editable && v.estado === null
  return (
    <Table.Tr>
      <AcuerdoCeldas a={a} />
      <Table.Td>
        <SituacionBadge s={a.situacion} al={props.fecha} />
      </Table.Td>
      <Table.Td>
        <Select
          size="xs"
          aria-label={`Estado del acuerdo «${a.texto}»`}
          placeholder="Actualizar…"
          readOnly={!props.editable}
          data={ACUERDO_ESTADOS.map((e) => ({ value: e, label: ACUERDO_SITUACION_LABEL[e] }))}
          value={v.estado}
          allowDeselect={false}
          onChange={(e) => e && setV({ ...v, estado: e as AcuerdoEstado })}
        />
        <Textarea
          size="xs"
          mt={4}
          autosize
          minRows={1}
          maxRows={6}
          aria-label={`Nota del seguimiento de «${a.texto}»`}
          // A note is saved with the acuerdo's state: typed before it, it was never saved.
          placeholder={sinEstado ? 'Elija primero el estado' : 'Nota'}
          disabled={sinEstado}
          value={v.nota}
          readOnly={!props.editable}
          onChange={(e) => setV({ ...v, nota: e.currentTarget.value })}
        />
      </Table.Td>
    </Table.Tr>
  )
}

/** Open acuerdos of earlier sessions, updated in this one. */
export function SeguimientoSection(props: {
  sesionId: string
  fecha: string
  seguimiento: AcuerdoEnSeguimiento[]
  editable: boolean
}): ReactNode {
  if (props.seguimiento.length === 0)
    return (
      <Text c="dimmed" size="sm">
        No hay acuerdos anteriores pendientes.
      </Text>
    )
  return (
    <Table aria-label="Seguimiento de acuerdos anteriores">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={210}>Acuerdo</Table.Th>
          <Table.Th>Texto</Table.Th>
          <Table.Th w={150}>Situación</Table.Th>
          <Table.Th w={360}>En esta sesión</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.seguimiento.map((a) => (
          <SeguimientoFila
            key={a.id}
            sesionId={props.sesionId}
            fecha={props.fecha}
            a={a}
            editable={props.editable}
          />
        ))}
      </Table.Tbody>
    </Table>
  )
}
