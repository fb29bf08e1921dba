import { useState, type ReactNode } from 'react'
import { Button, Table } from '@mantine/core'
import type { Persona } from '../../../shared/domain/sesiones'
import { useEscribir } from '../api/escrituras'
import { confirmDelete } from '../components/confirm'
import { notifyError } from '../components/notify'
import { EditarPersona } from './EditarPersona'
import { marcaFila, useFilaPedida } from '../busqueda/fila-pedida'

/** Everyone registered, each with an edit and a delete that asks first. */
export function PersonasTabla(props: { personas: Persona[] }): ReactNode {
  const escribir = useEscribir()
  const [editando, setEditando] = useState<Persona | null>(null)
  const pedida = useFilaPedida('persona', props.personas.length > 0)
  const eliminar = (x: Persona): void =>
    confirmDelete(
      x.nombre,
      'Dejará de ser miembro de las instancias; las actas ya escritas conservan su nombre.',
      async () => {
        const r = await escribir('persona:eliminar', { id: x.id })
        if (!r.ok) notifyError('No se pudo eliminar', r.error)
      }
    )
  return (
    <>
      {editando && <EditarPersona persona={editando} onClose={() => setEditando(null)} />}
      <Table striped aria-label="Personas">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Nombre</Table.Th>
            <Table.Th>Cargo</Table.Th>
            <Table.Th>Institución</Table.Th>
            <Table.Th>Correo</Table.Th>
            <Table.Th w={170} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.personas.map((x) => (
            <Table.Tr key={x.id} {...marcaFila(x.id, pedida)}>
              <Table.Td>{x.nombre}</Table.Td>
              <Table.Td>{x.cargo ?? ''}</Table.Td>
              <Table.Td>{x.institucionSigla ?? ''}</Table.Td>
              <Table.Td>{x.correo ?? ''}</Table.Td>
              <Table.Td>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  aria-label={`Editar a ${x.nombre}`}
                  onClick={() => setEditando(x)}
                >
                  Editar
                </Button>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  aria-label={`Eliminar a ${x.nombre}`}
                  onClick={() => eliminar(x)}
                >
                  Eliminar
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  )
}
