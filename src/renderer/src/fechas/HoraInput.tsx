import { useRef, useState, type ReactNode } from 'react'
import { TimePicker, type TimePickerProps } from '@mantine/dates'

const MENSAJE_HORA_INCOMPLETA = 'Hora incompleta: escriba horas y minutos (por ejemplo 14:30).'

/**
 * A time as in Chile, 24-hour, whatever the browser's locale: the native time field of
 * TimeInput showed "10:00 AM" in Chromium. Its value is "HH:MM", '' while empty.
 *
 * The picker reports '' as soon as one of its two fields is erased; passed on, autosave would
 * store no time and the picker, given '', would wipe the hour still typed. So the value keeps
 * the last whole time while one is half typed (an error says so on leaving), and becomes ''
 * only when both fields are left empty.
 */
export function HoraInput(
  props: Omit<TimePickerProps, 'format' | 'withSeconds' | 'clearable' | 'hoursRef' | 'minutesRef'>
): ReactNode {
  const { onChange, onBlur, error, ...rest } = props
  const horas = useRef<HTMLInputElement>(null)
  const minutos = useRef<HTMLInputElement>(null)
  const [incompleta, setIncompleta] = useState(false)
  return (
    <TimePicker
      hoursInputLabel="Horas"
      minutesInputLabel="Minutos"
      {...rest}
      format="24h"
      withSeconds={false}
      clearable={false}
      hoursRef={horas}
      minutesRef={minutos}
      error={incompleta ? MENSAJE_HORA_INCOMPLETA : error}
      onChange={(v) => {
        if (v === '') return
        setIncompleta(false)
        onChange?.(v)
      }}
      onBlur={(e) => {
        const h = horas.current?.value ?? ''
        const m = minutos.current?.value ?? ''
        setIncompleta(!h !== !m)
        if (!h && !m && props.value) onChange?.('')
        onBlur?.(e)
      }}
    />
  )
}
