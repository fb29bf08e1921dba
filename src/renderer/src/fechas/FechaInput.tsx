import { useRef, useState, type ReactNode } from 'react'
import { DateInput, type DateInputProps } from '@mantine/dates'
import { leerFecha } from '../../../shared/domain/fecha-escrita'
import { isIsoDate } from '../../../shared/domain/fechas'

type Props = Omit<DateInputProps, 'value' | 'onChange' | 'dateParser' | 'valueFormat'> & {
  /** An ISO date, '' when empty, or what was typed when it is not a date (the form shows the error). */
  value?: string
  onChange: (value: string) => void
}

/**
 * A date field as a Chilean types it (dd-mm-aaaa, dd/mm/aaaa) or picks it from the calendar.
 * What cannot be a date is never dropped: the typed text stays in the field and is handed to
 * the form, whose contract check shows the error next to the field.
 */
export function FechaInput(props: Props): ReactNode {
  const { value = '', onChange, onBlur, onKeyDown, ...rest } = props
  const texto = useRef<string | null>(null)
  // While the field holds text that is not a date, the picker keeps the last real one, so that
  // it does not wipe what the secretary typed.
  const [ultimo, setUltimo] = useState<string | null>(isIsoDate(value) ? value : null)
  const mostrado = isIsoDate(value) ? value : value === '' ? null : ultimo
  if (mostrado !== ultimo) setUltimo(mostrado)
  // DateInput keeps its own text while its calendar is open, so a value set from outside (the
  // form emptied after saving) would be hidden behind the old text: a fresh DateInput shows it.
  const [emitido, setEmitido] = useState(value)
  const [version, setVersion] = useState(0)
  if (value !== emitido) {
    setEmitido(value)
    setVersion((n) => n + 1)
  }
  const emitir = (v: string) => {
    setEmitido(v)
    onChange(v)
  }
  const fijar = () => {
    const t = texto.current
    texto.current = null
    if (t === null) return
    if (t.trim() === '') emitir('')
    else emitir(leerFecha(t) ?? t)
  }
  return (
    <DateInput
      key={version}
      {...rest}
      valueFormat="DD-MM-YYYY"
      placeholder={rest.placeholder ?? 'dd-mm-aaaa'}
      dateParser={(t) => leerFecha(t)}
      fixOnBlur={false}
      clearable={!rest.readOnly && !rest.required}
      // One Tab leaves the field: the clear button is for the mouse.
      clearButtonProps={{ tabIndex: -1 }}
      value={mostrado}
      onChange={(v) => {
        texto.current = null
        emitir(v ?? '')
      }}
      onInput={(e) => {
        texto.current = e.currentTarget.value
      }}
      onBlur={(e) => {
        fijar()
        onBlur?.(e)
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') fijar()
        onKeyDown?.(e)
      }}
      popoverProps={{ withinPortal: true }}
    />
  )
}
