import type { ReactNode } from 'react'
import { Anchor, Badge, Card, List, Text, Title } from '@mantine/core'
import { Link } from 'wouter'
import type { SesionTablero } from '../../../shared/tablero/contract'
import { SESION_ESTADO_LABEL } from '../../../shared/domain/sesiones'
import { formatFecha } from '../../../shared/domain/fechas'

/** A short list of sessions, each a link to its page. */
export function SesionesCard(props: {
  titulo: string
  vacio: string
  sesiones: SesionTablero[]
  total?: number
}): ReactNode {
  return (
    <Card withBorder component="section" aria-label={props.titulo}>
      <Title order={2} size="h5" mb="xs">
        {props.titulo}
        {props.total !== undefined && (
          <Badge ml="xs" variant="light" color="yellow">
            {props.total}
          </Badge>
        )}
      </Title>
      {props.sesiones.length === 0 ? (
        <Text c="dimmed" size="sm">
          {props.vacio}
        </Text>
      ) : (
        <List spacing={4} size="sm" listStyleType="none">
          {props.sesiones.map((s) => (
            <List.Item key={s.id}>
              <Anchor component={Link} href={`/sesiones/${s.id}`}>
                {s.titulo}
              </Anchor>{' '}
              · {s.instancia} · {formatFecha(s.fecha)}{' '}
              <Badge size="xs" variant="outline" tt="none">
                {SESION_ESTADO_LABEL[s.estado]}
              </Badge>
            </List.Item>
          ))}
        </List>
      )}
      {props.total !== undefined && props.total > props.sesiones.length && (
        <Anchor component={Link} href="/sesiones" size="sm">
          Ver todas las sesiones
        </Anchor>
      )}
    </Card>
  )
}
