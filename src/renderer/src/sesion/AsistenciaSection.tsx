import { useState, type ReactNode } from 'react'
import { notifications } from '@mantine/notifications'
import { Badge, Button, Group, SegmentedControl, Table, Text, TextInput } from '@mantine/core'
import {
  ASISTENCIA_ESTADOS,
  ASISTENCIA_ESTADO_LABEL,
  CALIDAD_LABEL,
  calcularQuorum,
  type Asistencia,
  type AsistenciaEstado
} from '../../../shared/domain/sesiones'
import { useAutosave } from '../components/use-autosave'
import { AgregarInvitado } from './AgregarInvitado'
import { useGuardar } from './guardar'
import { useLeido } from '../components/use-leido'
import { RolesSesion } from './RolesSesion'

/** Attendance by institución, guests, and the quorum it gives. */
export function AsistenciaSection(props: {
  sesionId: string
  asistencia: Asistencia[]
  editable: boolean
  /** Who chaired and who acted as secretary, with what the acta reads when nobody was chosen. */
  roles: {
    presidenteId: string | null
    secretariaSubroganteId: string | null
    preside: string
    secretariaActas: string
  }
}): ReactNode {
  const [estados, setEstados] = useState<Record<string, AsistenciaEstado>>({})
  // The quorum as the secretary marks attendance, before the session is read again.
  const marcada = props.asistencia.map((a) => ({ ...a, estado: estados[a.id] ?? a.estado }))
  const q = calcularQuorum(marcada)
  return (
    <>
      <Group mb="xs">
        <Badge
          color={q.alcanzado ? 'teal' : 'orange'}
          variant="light"
          tt="none"
          size="lg"
          data-testid="quorum"
        >
          Quórum: {q.presentes} de {q.total} instituciones{' '}
          {q.alcanzado ? '(con quórum)' : '(sin quórum)'}
        </Badge>
      </Group>
      <Table striped aria-label="Asistencia">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={120}>Institución</Table.Th>
            <Table.Th>Nombre</Table.Th>
            <Table.Th w={90}>Calidad</Table.Th>
            <Table.Th w={290}>Asistencia</Table.Th>
            <Table.Th>Motivo</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.asistencia.map((a) => (
            <Fila
              key={a.id}
              a={a}
              editable={props.editable}
              onCambio={(e) => {
                setEstados((s) => ({ ...s, [a.id]: e }))
                if (e !== 'presente') avisarRolPerdido(a, e, props.roles)
              }}
            />
          ))}
        </Table.Tbody>
      </Table>
      {props.asistencia.length === 0 && (
        <Text c="dimmed" size="sm">
          Esta instancia no tiene miembros registrados. Agréguelos en «Personas y miembros».
        </Text>
      )}
      {props.editable && <AgregarInvitado sesionId={props.sesionId} />}
      <RolesSesion
        sesionId={props.sesionId}
        asistencia={marcada}
        editable={props.editable}
        {...props.roles}
      />
    </>
  )
}

/**
 * Someone not present neither chairs nor signs for the secretaría (the core clears the choice):
 * said, so the signature line does not change without the secretary noticing.
 */
function avisarRolPerdido(
  a: Asistencia,
  estado: AsistenciaEstado,
  roles: { presidenteId: string | null; secretariaSubroganteId: string | null }
): void {
  const rol =
    a.id === roles.presidenteId
      ? { era: 'quien presidió la sesión', campo: 'Presidió la sesión' }
      : a.id === roles.secretariaSubroganteId
        ? {
            era: 'quien actuó como secretario/a de actas',
            campo: 'Actuó como secretario/a de actas'
          }
        : null
  if (!rol) return
  notifications.show({
    color: 'orange',
    title: 'Cambió quién firma el acta',
    message: `${a.nombre} quedó ${ASISTENCIA_ESTADO_LABEL[estado].toLowerCase()}: ya no figura como ${rol.era}. Si corresponde, elija a otra persona en «${rol.campo}».`,
    autoClose: 10_000
  })
}

/** One attendee: present, absent or excused (with why), saved as it is marked. */
function Fila(props: {
  a: Asistencia
  editable: boolean
  onCambio: (e: AsistenciaEstado) => void
}): ReactNode {
  const { a } = props
  const servidor = { estado: a.estado, motivo: a.motivo }
  const [v, setV] = useState(servidor)
  const leido = useLeido(servidor, v, (c) => setV((x) => ({ ...x, ...c })))
  const guardar = useGuardar(leido.recargar)
  useAutosave(
    v,
    (x) => leido.guardar(x, (b) => guardar('asistencia:marcar', { id: a.id, ...x, antes: b })),
    props.editable
  )
  return (
    <Table.Tr>
      <Table.Td fw={600}>{a.institucion}</Table.Td>
      <Table.Td>
        {a.nombre}
        {a.cargo && (
          <Text size="xs" c="dimmed">
            {a.cargo}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{CALIDAD_LABEL[a.calidad]}</Table.Td>
      <Table.Td>
        <SegmentedControl
          size="xs"
          aria-label={`Asistencia de ${a.nombre}`}
          disabled={!props.editable}
          value={v.estado}
          onChange={(e) => {
            setV({ ...v, estado: e as AsistenciaEstado })
            props.onCambio(e as AsistenciaEstado)
          }}
          data={ASISTENCIA_ESTADOS.map((e) => ({ value: e, label: ASISTENCIA_ESTADO_LABEL[e] }))}
        />
      </Table.Td>
      <Table.Td>
        {v.estado === 'excusado' && (
          <TextInput
            size="xs"
            aria-label={`Motivo de la excusa de ${a.nombre}`}
            placeholder="Motivo"
            value={v.motivo}
            readOnly={!props.editable}
            onChange={(e) => setV({ ...v, motivo: e.currentTarget.value })}
          />
        )}
        {a.calidad === 'invitado' && props.editable && (
          <Button
            size="compact-xs"
            variant="subtle"
            color="red"
            onClick={() => void guardar('asistencia:quitar', { id: a.id })}
            aria-label={`Quitar a ${a.nombre}`}
          >
            Quitar
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  )
}
