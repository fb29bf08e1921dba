import { useState, type ReactNode } from 'react'
import { Select, Text } from '@mantine/core'
import type { Asistencia } from '../../../shared/domain/sesiones'
import { quienPreside, secretariaPresente } from '../../../shared/domain/firmas'
import { useGuardar } from './guardar'

/** A choice shown at once when made; the session read again after the save has the last word. */
function useElegido(leidoAhora: string | null): [string | null, (v: string | null) => void] {
  const [valor, setValor] = useState(leidoAhora)
  const [leido, setLeido] = useState(leidoAhora)
  if (leido !== leidoAhora) {
    setLeido(leidoAhora)
    setValor(leidoAhora)
  }
  return [valor, setValor]
}

// Mantine hides its clear button from assistive technology and the Tab key: this one is named.
const quitar = (nombre: string) => ({ 'aria-label': nombre, 'aria-hidden': false, tabIndex: 0 })

const opcionesDe = (presentes: Asistencia[]) =>
  presentes.map((a) => ({
    value: a.id,
    label: [a.nombre, a.institucion].filter(Boolean).join(' — ')
  }))

/**
 * Who chaired and, only while the secretaría de actas has nobody present to sign, who acted as
 * secretary: both among those present, signing the acta. While the secretaría is there it signs
 * its own acta, and no substitute is offered (the core refuses one too).
 */
export function RolesSesion(props: {
  sesionId: string
  asistencia: Asistencia[]
  presidenteId: string | null
  secretariaSubroganteId: string | null
  preside: string
  secretariaActas: string
  editable: boolean
}): ReactNode {
  const guardar = useGuardar()
  const [presidente, setPresidente] = useElegido(props.presidenteId)
  const [subrogante, setSubrogante] = useElegido(props.secretariaSubroganteId)
  const presentes = props.asistencia.filter((a) => a.estado === 'presente')
  const presidio = quienPreside(
    props.asistencia,
    presidente ? (a) => a.id === presidente : null,
    props.preside
  )
  const secretaria = secretariaPresente(props.asistencia, props.secretariaActas, presidio)
  return (
    <>
      <Select
        mt="md"
        maw={520}
        label="Presidió la sesión"
        description="Firma el acta como quien preside."
        placeholder={`Sin elegir: según «Preside»${presidio ? ` (${presidio.nombre})` : ''}`}
        clearable
        clearButtonProps={quitar('Quitar quién presidió')}
        searchable
        nothingFoundMessage="Nadie presente con ese nombre"
        disabled={!props.editable}
        value={presidente}
        data={opcionesDe(presentes)}
        onChange={(id) => {
          setPresidente(id)
          void guardar('asistencia:presidente', { sesionId: props.sesionId, asistenciaId: id })
        }}
      />
      {secretaria && !subrogante ? (
        <Text mt="md" size="sm" c="dimmed" data-testid="firma-secretaria">
          La secretaría de actas asistió: firma el acta {secretaria.nombre}.
        </Text>
      ) : (
        <Select
          mt="md"
          maw={520}
          label="Actuó como secretario/a de actas"
          description="Sólo si la secretaría de actas no asistió: firma el acta en su lugar."
          placeholder="Nadie: firma la secretaría de actas"
          clearable
          clearButtonProps={quitar('Quitar quién actuó como secretario/a de actas')}
          searchable
          nothingFoundMessage="Nadie presente con ese nombre"
          disabled={!props.editable}
          value={subrogante}
          data={opcionesDe(presentes)}
          onChange={(id) => {
            setSubrogante(id)
            void guardar('asistencia:secretaria', { sesionId: props.sesionId, asistenciaId: id })
          }}
        />
      )}
    </>
  )
}
