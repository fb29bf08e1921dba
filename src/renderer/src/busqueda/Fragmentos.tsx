import type { ReactNode } from 'react'
import { Mark, Text } from '@mantine/core'
import type { Fragmento } from '../../../shared/busqueda/contract'

/** A snippet with the matched words marked, as text nodes (never markup from the data). */
export function Fragmentos(props: {
  fragmentos: readonly Fragmento[]
  lineas?: number
}): ReactNode {
  return (
    <Text size="sm" c="dimmed" lineClamp={props.lineas ?? 2}>
      {props.fragmentos.map((f, i) =>
        f.marca ? (
          <Mark key={i} color="yellow">
            {f.texto}
          </Mark>
        ) : (
          <span key={i}>{f.texto}</span>
        )
      )}
    </Text>
  )
}
