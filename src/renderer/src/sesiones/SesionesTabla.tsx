import type { ReactNode } from 'react'
import { Anchor, Badge, Table } from '@mantine/core'
import { Link } from 'wouter'
import { SESION_ESTADO_LABEL, type SesionResumen } from '../../../shared/domain/sesiones'
import { formatFecha } from '../../../shared/domain/fechas'

export function SesionesTabla(props: { sesiones: SesionResumen[] }): ReactNode {
  return (
    <Table striped highlightOnHover aria-label="Lista de sesiones">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Sesión</Table.Th>
          <Table.Th>Instancia</Table.Th>
          <Table.Th w={110}>Fecha</Table.Th>
          <Table.Th w={110}>Estado</Table.Th>
          <Table.Th w={90}>Acuerdos</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.sesiones.map((s) => (
          <Table.Tr key={s.id}>
            <Table.Td>
              <Anchor component={Link} href={`/sesiones/${s.id}`}>
                {s.titulo}
              </Anchor>
            </Table.Td>
            <Table.Td>{s.instanciaNombre}</Table.Td>
            <Table.Td>{formatFecha(s.fecha)}</Table.Td>
            <Table.Td>
              <Badge tt="none" variant="light">
                {SESION_ESTADO_LABEL[s.estado]}
              </Badge>
            </Table.Td>
            <Table.Td>{s.acuerdos}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
