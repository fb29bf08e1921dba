import { useState, type ReactNode } from 'react'
import { Grid, Select, TextInput } from '@mantine/core'
import {
  MODALIDADES,
  MODALIDAD_LABEL,
  type Modalidad,
  type Sesion
} from '../../../shared/domain/sesiones'
import { call } from '../api/client'
import { useSaveStatus } from '../components/save-status'
import { useAutosave } from '../components/use-autosave'

/** Date, times, place, who chairs and the next session: saved as the secretary types. */
export function DatosSesion(props: {
  sesion: Sesion
  editable: boolean
  onSaved: () => void
}): ReactNode {
  const s = props.sesion
  const { track } = useSaveStatus()
  const [v, setV] = useState({
    fecha: s.fecha,
    horaInicio: s.horaInicio ?? '',
    horaTermino: s.horaTermino ?? '',
    lugar: s.lugar,
    modalidad: s.modalidad,
    preside: s.preside,
    proximaFecha: s.proximaFecha ?? '',
    proximaLugar: s.proximaLugar
  })
  useAutosave(
    v,
    async (x) => {
      const ok = await track(
        call('sesion:actualizar', {
          id: s.id,
          ...x,
          horaInicio: x.horaInicio || null,
          horaTermino: x.horaTermino || null,
          proximaFecha: x.proximaFecha || null
        })
      )
      // The number changes when the date moves to another year.
      if (ok && x.fecha.slice(0, 4) !== s.fecha.slice(0, 4)) props.onSaved()
      return ok
    },
    props.editable
  )
  const set = (k: keyof typeof v) => (e: { currentTarget: { value: string } }) =>
    setV({ ...v, [k]: e.currentTarget.value })
  const ro = !props.editable
  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 3 }}>
        <TextInput
          type="date"
          label="Fecha"
          value={v.fecha}
          onChange={set('fecha')}
          readOnly={ro}
          required
        />
      </Grid.Col>
      <Grid.Col span={{ base: 6, md: 2 }}>
        <TextInput
          type="time"
          label="Hora de inicio"
          value={v.horaInicio}
          onChange={set('horaInicio')}
          readOnly={ro}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 6, md: 2 }}>
        <TextInput
          type="time"
          label="Hora de término"
          value={v.horaTermino}
          onChange={set('horaTermino')}
          readOnly={ro}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Select
          label="Modalidad"
          data={MODALIDADES.map((m) => ({ value: m, label: MODALIDAD_LABEL[m] }))}
          value={v.modalidad}
          onChange={(m) => m && setV({ ...v, modalidad: m as Modalidad })}
          readOnly={ro}
          allowDeselect={false}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <TextInput label="Lugar" value={v.lugar} onChange={set('lugar')} readOnly={ro} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <TextInput label="Preside" value={v.preside} onChange={set('preside')} readOnly={ro} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 3 }}>
        <TextInput
          type="date"
          label="Próxima sesión: fecha"
          value={v.proximaFecha}
          onChange={set('proximaFecha')}
          readOnly={ro}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 9 }}>
        <TextInput
          label="Próxima sesión: lugar"
          value={v.proximaLugar}
          onChange={set('proximaLugar')}
          readOnly={ro}
        />
      </Grid.Col>
    </Grid>
  )
}
