import type { ReactNode } from 'react'
import { Card, Title } from '@mantine/core'

/** One part of the acta, as a titled region. */
export function Seccion(props: { titulo: string; children: ReactNode }): ReactNode {
  return (
    <Card withBorder component="section" aria-label={props.titulo}>
      <Title order={2} size="h4" mb="sm">
        {props.titulo}
      </Title>
      {props.children}
    </Card>
  )
}
