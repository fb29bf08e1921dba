import type { ReactNode } from 'react'
import { Badge } from '@mantine/core'

/** A meta past its plazo and not met, judged today (a session judges at its own date). */
export function MetaVencidaBadge(): ReactNode {
  return (
    <Badge
      color="red"
      variant="light"
      tt="none"
      ml={6}
      data-testid="meta-vencida"
      title="Plazo vencido a hoy, sin que un acta aprobada informe la acción cumplida"
    >
      Vencida
    </Badge>
  )
}
