import type { ReactNode } from 'react'
import { TimePicker, type TimePickerProps } from '@mantine/dates'

/**
 * A time as in Chile, 24-hour, whatever the browser's locale: the native time field of
 * TimeInput showed "10:00 AM" in Chromium. Its value is "HH:MM", '' while empty.
 */
export function HoraInput(props: Omit<TimePickerProps, 'format' | 'withSeconds'>): ReactNode {
  return (
    <TimePicker
      hoursInputLabel="Horas"
      minutesInputLabel="Minutos"
      {...props}
      format="24h"
      withSeconds={false}
    />
  )
}
