import { useState, type ReactNode } from 'react'
import { Button, Group, Text, Textarea } from '@mantine/core'
import type { FeErrata } from '../../../shared/domain/sesiones'
import { formatFecha } from '../../../shared/domain/fechas'
import { useGuardar } from './guardar'
import { Seccion } from './Seccion'

/** Corrections to an approved acta, which itself can no longer change. */
export function ErratasSeccion(props: { sesionId: string; erratas: FeErrata[] }): ReactNode {
  const guardar = useGuardar()
  const [errata, setErrata] = useState('')
  const registrar = async (): Promise<void> => {
    if (await guardar('errata:crear', { sesionId: props.sesionId, texto: errata })) setErrata('')
  }
  return (
    <Seccion titulo="Fe de erratas">
      {props.erratas.map((e) => (
        <Text key={e.id} size="sm">
          {formatFecha(e.fecha)}: {e.texto}
        </Text>
      ))}
      <Group align="flex-end" mt="xs">
        <Textarea
          style={{ flex: 1 }}
          label="Nueva fe de erratas"
          autosize
          value={errata}
          onChange={(e) => setErrata(e.currentTarget.value)}
        />
        <Button disabled={!errata.trim()} onClick={() => void registrar()}>
          Registrar
        </Button>
      </Group>
    </Seccion>
  )
}
