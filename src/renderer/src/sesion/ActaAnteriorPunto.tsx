import { useState, type ReactNode } from 'react'
import { Alert, Anchor, Button, Group, Text, Textarea } from '@mantine/core'
import { Link } from 'wouter'
import { SESION_ESTADO_LABEL, type SesionDetalle } from '../../../shared/domain/sesiones'
import { formatFecha } from '../../../shared/domain/fechas'
import { useGuardar } from './guardar'
import { preguntar } from '../components/preguntar'

/**
 * The first item of the agenda: the previous session's acta, its state, and its approval in
 * this session (with observations), recorded as approved here.
 */
export function ActaAnteriorPunto(props: { d: SesionDetalle }): ReactNode {
  const { d } = props
  const a = d.actaAnterior
  const guardar = useGuardar()
  const [obs, setObs] = useState('')
  if (!a)
    return (
      <Text size="sm" c="dimmed" mt="xs" data-testid="acta-anterior">
        No hay una sesión anterior de esta instancia.
      </Text>
    )
  // Approval seals the acta for good: asked first, Enter confirms (the button was the intent).
  const aprobar = async () => {
    const conObs = obs.trim() ? ', con las observaciones escritas' : ', sin observaciones'
    if (
      await preguntar(
        'Aprobar el acta anterior',
        `Se aprobará en esta sesión el acta de la ${a.titulo}${conObs}. Una vez aprobada queda sellada: sólo se corrige con una fe de erratas.`,
        'Aprobar acta'
      )
    )
      await guardar('sesion:aprobar', { id: a.id, enSesionId: d.sesion.id, observaciones: obs })
  }
  const enlace = (
    <Anchor component={Link} href={`/sesiones/${a.id}`}>
      {a.titulo}
    </Anchor>
  )
  const estado =
    a.aprobadaEn === 'esta'
      ? 'aprobada en esta sesión'
      : a.aprobadaEn === 'otra'
        ? `aprobada${a.aprobadaEnTitulo ? ` en la ${a.aprobadaEnTitulo}` : ''}`
        : SESION_ESTADO_LABEL[a.estado].toLowerCase()
  return (
    <Alert
      mt="xs"
      color={a.estado === 'aprobada' ? 'teal' : 'yellow'}
      data-testid="acta-anterior"
      title={
        <>
          Acta anterior: {enlace} del {formatFecha(a.fecha)} ({estado})
        </>
      }
    >
      {a.aprobadaEn === 'esta' && a.observaciones && (
        <Text size="sm">Observaciones: {a.observaciones}</Text>
      )}
      {a.estado === 'borrador' && (
        <Text size="sm">
          Está en borrador: finalícela desde su pantalla para poder aprobarla aquí.
        </Text>
      )}
      {a.impedimento && <Text size="sm">No se puede aprobar aquí: {a.impedimento}</Text>}
      {a.aprobable && d.editable && (
        <Group align="flex-end">
          <Textarea
            style={{ flex: 1 }}
            label="Observaciones a la aprobación"
            autosize
            minRows={1}
            value={obs}
            onChange={(e) => setObs(e.currentTarget.value)}
          />
          <Button color="teal" onClick={() => void aprobar()}>
            Aprobar el acta anterior
          </Button>
        </Group>
      )}
    </Alert>
  )
}
