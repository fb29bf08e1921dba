import type { ReactNode } from 'react'
import { Paper, Radio, SimpleGrid, Text } from '@mantine/core'
import type { ConflictoPaquete, LadoConflicto } from '../../../shared/intercambio/contract'
import {
  etiquetaCampo,
  fechaHoraChile,
  TABLA_LABEL,
  valorLegible
} from '../../../shared/domain/historial'
import type { Eleccion } from './use-importar-paquete'

/**
 * One conflict side by side: the field, "Aquí" and "En el paquete" with who changed each and
 * when; a radio pair (arrow keys move between them), none chosen until the user chooses.
 */
export function ConflictoEleccion(props: {
  conflicto: ConflictoPaquete
  eleccion: Eleccion | null
  onElegir: (e: Eleccion) => void
}): ReactNode {
  const c = props.conflicto
  const titulo = `${TABLA_LABEL[c.tabla] ?? c.tabla} ${c.fila} — ${etiquetaCampo(c.campo)}`
  return (
    <Paper withBorder p="sm" data-conflicto={c.clave}>
      <Radio.Group
        label={titulo}
        value={props.eleccion}
        onChange={(v) => props.onElegir(v as Eleccion)}
      >
        <SimpleGrid cols={2} mt="xs">
          <Lado etiqueta="Aquí" valor="mio" lado={c.aqui} campo={c.campo} />
          <Lado etiqueta="En el paquete" valor="suyo" lado={c.enPaquete} campo={c.campo} />
        </SimpleGrid>
      </Radio.Group>
    </Paper>
  )
}

function Lado(props: {
  etiqueta: string
  valor: Eleccion
  lado: LadoConflicto
  campo: string
}): ReactNode {
  const { lado } = props
  return (
    <Radio
      value={props.valor}
      label={
        <>
          <Text
            component="span"
            display="block"
            fw={500}
            size="sm"
            style={{ whiteSpace: 'pre-wrap' }}
          >
            {props.etiqueta}: {valorLegible(lado.valor, props.campo)}
          </Text>
          <Text component="span" display="block" size="xs" c="dimmed">
            {lado.instalacion}, {fechaHoraChile(lado.en)}
          </Text>
        </>
      }
    />
  )
}
