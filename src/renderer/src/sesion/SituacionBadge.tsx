import type { ReactNode } from 'react'
import { Badge } from '@mantine/core'
import { ACUERDO_SITUACION_LABEL, type AcuerdoSituacion } from '../../../shared/domain/sesiones'

const COLOR: Record<AcuerdoSituacion, string> = {
  pendiente: 'gray',
  en_curso: 'blue',
  cumplido: 'teal',
  vencido: 'red'
}

export function SituacionBadge(props: { s: AcuerdoSituacion }): ReactNode {
  return (
    <Badge color={COLOR[props.s]} variant="light" tt="none">
      {ACUERDO_SITUACION_LABEL[props.s]}
    </Badge>
  )
}
