import type { ReactNode } from 'react'
import { Group, SegmentedControl, Select } from '@mantine/core'
import type { Instancia } from '../../../shared/domain/plan'
import { FechaInput } from '../fechas/FechaInput'

export interface Opciones {
  seguimiento: string
  papel: string
  instanciaId: string | null
  desde: string
  hasta: string
}

export const SIN_OPCIONES: Opciones = {
  seguimiento: 'no',
  papel: 'carta',
  instanciaId: null,
  desde: '',
  hasta: ''
}

/** What goes in the exported matrix: progress or not, paper, instancia, sessions' dates. */
export function OpcionesExportacion(props: {
  opciones: Opciones
  instancias: Instancia[]
  onChange: (o: Opciones) => void
}): ReactNode {
  const { opciones: o, onChange: setO } = props
  return (
    <>
      <SegmentedControl
        aria-label="Contenido"
        value={o.seguimiento}
        onChange={(v) => setO({ ...o, seguimiento: v })}
        data={[
          { value: 'no', label: 'Matriz del plan' },
          { value: 'si', label: 'Matriz con seguimiento' }
        ]}
      />
      <Group grow>
        <Select
          label="Papel"
          allowDeselect={false}
          value={o.papel}
          onChange={(v) => v && setO({ ...o, papel: v })}
          data={[
            { value: 'carta', label: 'Carta' },
            { value: 'oficio', label: 'Oficio' },
            { value: 'a4', label: 'A4' }
          ]}
        />
        <Select
          label="Instancia"
          placeholder="Todas"
          clearable
          value={o.instanciaId}
          onChange={(v) => setO({ ...o, instanciaId: v })}
          data={props.instancias.map((i) => ({ value: i.id, label: i.nombre }))}
        />
      </Group>
      {o.seguimiento === 'si' && (
        <Group grow>
          <FechaInput
            label="Sesiones desde"
            value={o.desde}
            onChange={(v) => setO({ ...o, desde: v })}
          />
          <FechaInput
            label="Sesiones hasta"
            value={o.hasta}
            onChange={(v) => setO({ ...o, hasta: v })}
          />
        </Group>
      )}
    </>
  )
}
