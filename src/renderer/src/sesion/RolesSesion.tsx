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

/**
 * One of those present, in a role that signs the acta: typed and picked with the keyboard,
 * cleared with its named ✕ (Mantine hides it from assistive technology and the Tab key), saved
 * through the role's channel.
 */
function ElegirPresente(props: {
  canal: 'asistencia:presidente' | 'asistencia:secretaria'
  sesionId: string
  /** Who the session read last has in the role: sent as `antes`. */
  leido: string | null
  presentes: Asistencia[]
  elegido: [string | null, (v: string | null) => void]
  editable: boolean
  textos: { label: string; description: string; placeholder: string; quitar: string }
}): ReactNode {
  const guardar = useGuardar()
  const [valor, setValor] = props.elegido
  const { quitar, ...textos } = props.textos
  return (
    <Select
      mt="md"
      maw={520}
      {...textos}
      clearable
      clearButtonProps={{ 'aria-label': quitar, 'aria-hidden': false, tabIndex: 0 }}
      searchable
      nothingFoundMessage="Nadie presente con ese nombre"
      disabled={!props.editable}
      value={valor}
      data={props.presentes.map((a) => ({
        value: a.id,
        label: [a.nombre, a.institucion].filter(Boolean).join(' — ')
      }))}
      onChange={(id) => {
        setValor(id)
        void guardar(props.canal, {
          sesionId: props.sesionId,
          asistenciaId: id,
          antes: { asistenciaId: props.leido }
        })
      }}
    />
  )
}

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
  const presidente = useElegido(props.presidenteId)
  const subrogante = useElegido(props.secretariaSubroganteId)
  const presentes = props.asistencia.filter((a) => a.estado === 'presente')
  // One person never signs on both lines: each role offers those present but the other's.
  const salvo = (id: string | null) => presentes.filter((a) => a.id !== id)
  const comun = { sesionId: props.sesionId, editable: props.editable }
  const elegido = presidente[0]
  const presidio = quienPreside(
    props.asistencia,
    elegido ? (a) => a.id === elegido : null,
    props.preside
  )
  const secretaria = secretariaPresente(props.asistencia, props.secretariaActas, presidio)
  return (
    <>
      <ElegirPresente
        {...comun}
        presentes={salvo(subrogante[0])}
        canal="asistencia:presidente"
        elegido={presidente}
        leido={props.presidenteId}
        textos={{
          label: 'Presidió la sesión',
          description: 'El acta lo nombra en «Preside» y en la firma.',
          placeholder: `Sin elegir: según «Preside»${presidio ? ` (${presidio.nombre})` : ''}`,
          quitar: 'Quitar quién presidió'
        }}
      />
      {secretaria && !subrogante[0] ? (
        <Text mt="md" size="sm" c="dimmed" data-testid="firma-secretaria">
          La secretaría de actas asistió: firma el acta {secretaria.nombre}.
        </Text>
      ) : (
        <ElegirPresente
          {...comun}
          // Nor whom «Preside» names when nobody was chosen: they sign on the other line.
          presentes={salvo(presidente[0]).filter((a) => a.id !== presidio?.id)}
          canal="asistencia:secretaria"
          elegido={subrogante}
          leido={props.secretariaSubroganteId}
          textos={{
            label: 'Actuó como secretario/a de actas',
            description: props.secretariaActas
              ? 'Sólo si la secretaría de actas no asistió: firma el acta en su lugar.'
              : 'Esta instancia no tiene secretaría de actas: elija quién firma como secretario/a.',
            placeholder: props.secretariaActas
              ? 'Nadie: firma la secretaría de actas'
              : 'Sin elegir: nadie firma como secretario/a',
            quitar: 'Quitar quién actuó como secretario/a de actas'
          }}
        />
      )}
    </>
  )
}
