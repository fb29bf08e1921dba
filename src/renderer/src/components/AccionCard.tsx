import type { ReactNode } from 'react'
import { Anchor, Badge, Card, Group, List, Stack, Text } from '@mantine/core'
import { Link } from 'wouter'
import { INDICADOR_TIPO_LABEL, type Accion, type Instancia } from '../../../shared/domain/plan'
import { formatFecha } from '../../../shared/domain/fechas'
import { RowActions } from './RowActions'
import { MetaVencidaBadge } from './MetaVencidaBadge'

/** One row of the matrix: the acción with its metas, deadlines, indicadores and responsables. */
export function AccionCard(props: {
  accion: Accion
  instancia: Instancia | undefined
  vencidas?: Set<string>
  onEdit: () => void
}): ReactNode {
  const { accion: a } = props
  return (
    <Card
      withBorder
      padding="sm"
      component="article"
      aria-label={`Acción ${a.codigo}`}
      data-codigo={a.codigo}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Group gap="xs" align="flex-start" wrap="nowrap">
          <Badge variant="light" radius="sm" tt="none" style={{ flexShrink: 0 }}>
            {a.codigo}
          </Badge>
          <Anchor
            component={Link}
            href={`/acciones/${a.id}`}
            c="inherit"
            fw={500}
            data-testid="accion-texto"
          >
            {a.texto}
          </Anchor>
        </Group>
        <RowActions
          kind="accion"
          id={a.id}
          label={`la acción ${a.codigo}`}
          consecuencia="Se eliminarán también sus metas e indicadores."
          onEdit={props.onEdit}
        />
      </Group>
      <Stack gap={6} mt="xs" pl="xl">
        {a.metas.map((m, i) => (
          <Text size="sm" key={m.id}>
            <b>{a.metas.length > 1 ? `Meta ${i + 1}:` : 'Meta:'}</b> {m.texto}{' '}
            {m.plazo && (
              <Badge size="sm" color="grape" variant="outline" tt="none" data-testid="plazo">
                Plazo: {formatFecha(m.plazo)}
              </Badge>
            )}
            {props.vencidas?.has(m.id) && <MetaVencidaBadge />}
          </Text>
        ))}
        {a.indicadores.length > 0 && (
          <div>
            <Text size="sm" fw={700}>
              {a.indicadores.length > 1 ? 'Indicadores:' : 'Indicador:'}
            </Text>
            <List size="sm" spacing={2}>
              {a.indicadores.map((i) => (
                <List.Item key={i.id}>
                  {i.texto}{' '}
                  <Badge size="xs" variant="dot" color="gray">
                    {INDICADOR_TIPO_LABEL[i.tipo]}
                  </Badge>
                </List.Item>
              ))}
            </List>
          </div>
        )}
        <Group gap="xs" align="flex-start">
          <Text size="sm" fw={700}>
            Responsables:
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-line' }} data-testid="responsables">
            {a.responsables || props.instancia?.nombre || 'Sin responsable'}
          </Text>
        </Group>
      </Stack>
    </Card>
  )
}
