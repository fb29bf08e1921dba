import { useState, type ReactNode } from 'react'
import { Button, Group, Table, Text } from '@mantine/core'
import type { Acuerdo } from '../../../shared/domain/sesiones'
import { formatFecha } from '../../../shared/domain/fechas'
import { confirmDelete } from '../components/confirm'
import { AcuerdoForm, type Opciones } from './AcuerdoForm'
import { useGuardar } from './guardar'
import { SituacionBadge } from './SituacionBadge'
import { HistorialBoton } from '../historial/HistorialBoton'

/** The acuerdos of this session, as the acta's table. */
export function AcuerdosSection(props: {
  sesionId: string
  fecha: string
  acuerdos: Acuerdo[]
  opciones: Opciones
  editable: boolean
}): ReactNode {
  const [editando, setEditando] = useState<Acuerdo | null>(null)
  return (
    <>
      <Table striped aria-label="Acuerdos">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>N°</Table.Th>
            <Table.Th>Acuerdo</Table.Th>
            <Table.Th w={200}>Responsable</Table.Th>
            <Table.Th w={100}>Plazo</Table.Th>
            <Table.Th w={80}>Acción</Table.Th>
            <Table.Th w={160}>Estado</Table.Th>
            <Table.Th w={props.editable ? 220 : 90} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.acuerdos.map((a) => (
            <AcuerdoFila
              key={a.id}
              a={a}
              fecha={props.fecha}
              editable={props.editable}
              onEditar={() => setEditando(a)}
            />
          ))}
        </Table.Tbody>
      </Table>
      {props.acuerdos.length === 0 && (
        <Text c="dimmed" size="sm">
          Aún no hay acuerdos en esta sesión.
        </Text>
      )}
      {props.editable && (
        <AcuerdoForm
          key={editando?.id ?? 'nuevo'}
          sesionId={props.sesionId}
          fecha={props.fecha}
          opciones={props.opciones}
          editando={editando}
          onDone={() => setEditando(null)}
        />
      )}
    </>
  )
}

function AcuerdoFila(props: {
  a: Acuerdo
  fecha: string
  editable: boolean
  onEditar: () => void
}): ReactNode {
  const { a } = props
  const guardar = useGuardar()
  const eliminar = (): void =>
    confirmDelete(`el acuerdo N° ${a.numero}`, 'Los siguientes se renumerarán.', () => {
      void guardar('acuerdo:eliminar', { id: a.id })
    })
  return (
    <Table.Tr>
      {/* Where it came from (#16), on hover: the installation that wrote it. */}
      <Table.Td title={a.creadoEn ? `Creado en: ${a.creadoEn}` : undefined}>{a.numero}</Table.Td>
      <Table.Td>{a.texto}</Table.Td>
      <Table.Td>{a.responsable || '—'}</Table.Td>
      <Table.Td>{a.plazo ? formatFecha(a.plazo) : '—'}</Table.Td>
      <Table.Td>{a.accionCodigo ?? '—'}</Table.Td>
      <Table.Td>
        <SituacionBadge s={a.situacion} al={props.fecha} />
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          {props.editable && (
            <AcuerdoBotones a={a} onEditar={props.onEditar} onEliminar={eliminar} />
          )}
          <HistorialBoton
            entidad="acuerdo"
            id={a.id}
            compacto
            etiqueta={`Historial del acuerdo N° ${a.numero}`}
          />
        </Group>
      </Table.Td>
    </Table.Tr>
  )
}

/** Edit and remove, while the acta can still change. */
function AcuerdoBotones(props: {
  a: Acuerdo
  onEditar: () => void
  onEliminar: () => void
}): ReactNode {
  const { a } = props
  return (
    <>
      <Button
        size="compact-xs"
        variant="subtle"
        onClick={props.onEditar}
        aria-label={`Editar el acuerdo N° ${a.numero}`}
      >
        Editar
      </Button>
      <Button
        size="compact-xs"
        variant="subtle"
        color="red"
        aria-label={`Eliminar el acuerdo N° ${a.numero}`}
        onClick={props.onEliminar}
      >
        Eliminar
      </Button>
    </>
  )
}
