import { useState, type ReactNode } from 'react'
import { Select } from '@mantine/core'
import type { Asistencia } from '../../../shared/domain/sesiones'
import { useGuardar } from './guardar'

/**
 * Who acted as secretary when the secretaría de actas did not attend: one of those present. The
 * acta names them on the secretary's signature line.
 */
export function SecretariaSubrogante(props: {
  sesionId: string
  presentes: Asistencia[]
  valor: string | null
  editable: boolean
}): ReactNode {
  const guardar = useGuardar()
  // Shown at once when chosen; the session read again after the save has the last word.
  const [valor, setValor] = useState(props.valor)
  const [leido, setLeido] = useState(props.valor)
  if (leido !== props.valor) {
    setLeido(props.valor)
    setValor(props.valor)
  }
  return (
    <Select
      mt="md"
      maw={520}
      label="Actuó como secretario/a de actas"
      description="Sólo si la secretaría de actas no asistió: firma el acta en su lugar."
      placeholder="Nadie: firma la secretaría de actas"
      clearable
      disabled={!props.editable}
      value={valor}
      data={props.presentes.map((a) => ({
        value: a.id,
        label: [a.nombre, a.institucion].filter(Boolean).join(' — ')
      }))}
      onChange={(id) => {
        setValor(id)
        void guardar('asistencia:secretaria', { sesionId: props.sesionId, asistenciaId: id })
      }}
    />
  )
}
