import type { ReactNode } from 'react'
import { Badge } from '@mantine/core'
import { formatFecha } from '../../../shared/domain/fechas'
import { ACUERDO_SITUACION_LABEL, type AcuerdoSituacion } from '../../../shared/domain/sesiones'

const COLOR: Record<AcuerdoSituacion, string> = {
  pendiente: 'gray',
  en_curso: 'blue',
  cumplido: 'teal',
  vencido: 'red'
}

/**
 * An acuerdo's situation. "Vencido" says against which date: the session's (`al`) inside a
 * session, today in lists.
 */
export function SituacionBadge(props: { s: AcuerdoSituacion; al?: string }): ReactNode {
  const cuando = props.al ? `al ${formatFecha(props.al)}, fecha de la sesión` : 'a hoy'
  return (
    <Badge
      color={COLOR[props.s]}
      variant="light"
      tt="none"
      title={props.s === 'vencido' ? `Plazo vencido ${cuando}` : undefined}
    >
      {ACUERDO_SITUACION_LABEL[props.s]}
      {props.s === 'vencido' ? ` ${props.al ? `al ${formatFecha(props.al)}` : 'a hoy'}` : ''}
    </Badge>
  )
}
