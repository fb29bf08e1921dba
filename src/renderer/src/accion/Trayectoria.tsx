import type { ReactNode } from 'react'
import { Anchor, Badge, Button, Card, List, Stack, Table, Text, Title } from '@mantine/core'
import { Link } from 'wouter'
import type { TrayectoriaAccion } from '../../../shared/tablero/contract'
import { SESION_ESTADO_LABEL } from '../../../shared/domain/sesiones'
import { formatFecha } from '../../../shared/domain/fechas'
import { SituacionBadge } from '../sesion/SituacionBadge'
import { AvanceEnElTiempo, IndicadorHistoria } from './Graficos'

const TEMA: Record<'avance' | 'indicadores' | 'acuerdos', string> = {
  avance: 'avance',
  indicadores: 'indicadores',
  acuerdos: 'acuerdos'
}

/**
 * What the sessions said of the acción: progress, measurements, where and what was agreed; the
 * latest of each, with «Ver más» while earlier ones remain (null: none, or the most shown).
 */
export function Trayectoria(props: {
  t: TrayectoriaAccion
  onMas: (() => void) | null
}): ReactNode {
  const { t } = props
  return (
    <Stack gap="md">
      <AvanceEnElTiempo avances={t.avances} />
      <Title order={2} size="h5">
        Mediciones de los indicadores
      </Title>
      {t.indicadores.map((i) => (
        <IndicadorHistoria key={i.id} indicador={i} />
      ))}
      <Card withBorder component="section" aria-label="Sesiones que la trataron">
        <Title order={2} size="h5" mb="xs">
          Sesiones que la trataron
        </Title>
        {t.sesiones.length === 0 ? (
          <Text c="dimmed" size="sm">
            Ninguna sesión la ha tratado.
          </Text>
        ) : (
          <List size="sm" spacing={2} listStyleType="none">
            {t.sesiones.map((s) => (
              <List.Item key={s.id}>
                <Anchor component={Link} href={`/sesiones/${s.id}`}>
                  {s.titulo}
                </Anchor>{' '}
                · {s.instancia} · {formatFecha(s.fecha)} · {s.temas.map((x) => TEMA[x]).join(', ')}{' '}
                <Badge size="xs" variant="outline" tt="none">
                  {SESION_ESTADO_LABEL[s.estado]}
                </Badge>
              </List.Item>
            ))}
          </List>
        )}
      </Card>
      <AcuerdosDeLaAccion t={t} />
      {t.hayMas && (
        <Text size="sm" c="dimmed">
          Se muestran los últimos {t.limite} de cada lista.{' '}
          {props.onMas && (
            <Button variant="subtle" size="compact-sm" onClick={props.onMas}>
              Ver más
            </Button>
          )}
        </Text>
      )}
    </Stack>
  )
}

function AcuerdosDeLaAccion(props: { t: TrayectoriaAccion }): ReactNode {
  const { acuerdos } = props.t
  return (
    <Card withBorder component="section" aria-label="Acuerdos de la acción">
      <Title order={2} size="h5" mb="xs">
        Acuerdos sobre esta acción
      </Title>
      {acuerdos.length === 0 ? (
        <Text c="dimmed" size="sm">
          Ningún acuerdo se refiere a esta acción.
        </Text>
      ) : (
        <Table fz="sm" aria-label="Acuerdos sobre esta acción">
          <Table.Tbody>
            {acuerdos.map((a) => (
              <Table.Tr key={a.id} data-situacion={a.situacion}>
                <Table.Td>
                  <Anchor component={Link} href={`/sesiones/${a.sesionId}`}>
                    {a.sesionTitulo}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    N° {a.numero} · {a.responsable || 'sin responsable'}
                  </Text>
                </Table.Td>
                <Table.Td>{a.texto}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {a.plazo ? formatFecha(a.plazo) : '—'}
                </Table.Td>
                <Table.Td>
                  <SituacionBadge s={a.situacion} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  )
}
