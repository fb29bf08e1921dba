import { useState, type ReactNode } from 'react'
import { Badge, Button, Grid, Group, Select, Table, Text, Textarea, TextInput } from '@mantine/core'
import {
  ACUERDO_ESTADOS,
  ACUERDO_SITUACION_LABEL,
  type Acuerdo,
  type AcuerdoEnSeguimiento,
  type AcuerdoEstado,
  type AcuerdoSituacion
} from '../../../shared/domain/sesiones'
import { formatFecha } from '../../../shared/domain/fechas'
import { call } from '../api/client'
import { useQuery } from '../api/use-query'
import { confirmDelete } from '../components/confirm'
import { useSaveStatus } from '../components/save-status'
import { useAutosave } from '../components/use-autosave'

const COLOR: Record<AcuerdoSituacion, string> = {
  pendiente: 'gray',
  en_curso: 'blue',
  cumplido: 'teal',
  vencido: 'red'
}

export function SituacionBadge(props: { s: AcuerdoSituacion }): ReactNode {
  return (
    <Badge color={COLOR[props.s]} variant="light" tt="none">
      {ACUERDO_SITUACION_LABEL[props.s]}
    </Badge>
  )
}

interface Opciones {
  acciones: { value: string; label: string }[]
}

const VACIO = {
  texto: '',
  institucionId: null as string | null,
  personaId: null as string | null,
  plazo: '',
  accionId: null as string | null
}

/** New acuerdo (or edit): text, who, by when, and the plan acción it serves. */
function AcuerdoForm(props: {
  sesionId: string
  opciones: Opciones
  editando: Acuerdo | null
  onDone: () => void
}): ReactNode {
  const { track } = useSaveStatus()
  const instituciones = useQuery('institucion:listar', undefined)
  const personas = useQuery('persona:listar', undefined)
  const e = props.editando
  const [v, setV] = useState(
    e
      ? {
          texto: e.texto,
          institucionId: e.institucionId,
          personaId: e.personaId,
          plazo: e.plazo ?? '',
          accionId: e.accionId
        }
      : VACIO
  )
  const [error, setError] = useState<string>()
  const guardar = async () => {
    if (!v.texto.trim()) return setError('El texto del acuerdo no puede estar vacío.')
    setError(undefined)
    const campos = {
      texto: v.texto,
      institucionId: v.institucionId,
      personaId: v.personaId,
      plazo: v.plazo || null,
      accionId: v.accionId
    }
    const ok = await track(
      e
        ? call('acuerdo:actualizar', { id: e.id, ...campos })
        : call('acuerdo:crear', { sesionId: props.sesionId, ...campos })
    )
    if (ok) {
      setV(VACIO)
      props.onDone()
    }
  }
  return (
    <Grid
      align="flex-end"
      gap="xs"
      mt="sm"
      component="form"
      onSubmit={(ev) => {
        ev.preventDefault()
        void guardar()
      }}
      aria-label={e ? `Editar acuerdo N° ${e.numero}` : 'Nuevo acuerdo'}
    >
      <Grid.Col span={12}>
        <Textarea
          label={e ? `Acuerdo N° ${e.numero}` : 'Nuevo acuerdo'}
          autosize
          minRows={2}
          value={v.texto}
          error={error}
          onChange={(x) => setV({ ...v, texto: x.currentTarget.value })}
          onKeyDown={(ev) => {
            if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) {
              ev.preventDefault()
              void guardar()
            }
          }}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 6, md: 2 }}>
        <Select
          label="Institución responsable"
          searchable
          clearable
          data={(instituciones.data ?? []).map((i) => ({ value: i.id, label: i.sigla }))}
          value={v.institucionId}
          onChange={(x) => setV({ ...v, institucionId: x })}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 6, md: 3 }}>
        <Select
          label="Persona responsable"
          searchable
          clearable
          data={(personas.data ?? [])
            .filter((p) => !v.institucionId || p.institucionId === v.institucionId)
            .map((p) => ({ value: p.id, label: p.nombre }))}
          value={v.personaId}
          onChange={(x) => setV({ ...v, personaId: x })}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 6, md: 2 }}>
        <TextInput
          type="date"
          label="Plazo"
          value={v.plazo}
          onChange={(x) => setV({ ...v, plazo: x.currentTarget.value })}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 6, md: 3 }}>
        <Select
          label="Acción del plan"
          searchable
          clearable
          data={props.opciones.acciones}
          value={v.accionId}
          onChange={(x) => setV({ ...v, accionId: x })}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 2 }}>
        <Group gap="xs" wrap="nowrap">
          <Button type="submit">{e ? 'Guardar' : 'Agregar acuerdo'}</Button>
          {e && (
            <Button variant="default" onClick={props.onDone}>
              Cancelar
            </Button>
          )}
        </Group>
      </Grid.Col>
    </Grid>
  )
}

/** The acuerdos of this session, as the acta's table. */
export function AcuerdosSection(props: {
  sesionId: string
  acuerdos: Acuerdo[]
  opciones: Opciones
  editable: boolean
  onChanged: () => void
}): ReactNode {
  const { track } = useSaveStatus()
  const [editando, setEditando] = useState<Acuerdo | null>(null)
  return (
    <>
      <Table striped aria-label="Acuerdos">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>N°</Table.Th>
            <Table.Th>Acuerdo</Table.Th>
            <Table.Th w={200}>Responsable</Table.Th>
            <Table.Th w={100}>Plazo</Table.Th>
            <Table.Th w={80}>Acción</Table.Th>
            <Table.Th w={100}>Estado</Table.Th>
            {props.editable && <Table.Th w={150} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.acuerdos.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>{a.numero}</Table.Td>
              <Table.Td>{a.texto}</Table.Td>
              <Table.Td>{a.responsable || '—'}</Table.Td>
              <Table.Td>{a.plazo ? formatFecha(a.plazo) : '—'}</Table.Td>
              <Table.Td>{a.accionCodigo ?? '—'}</Table.Td>
              <Table.Td>
                <SituacionBadge s={a.situacion} />
              </Table.Td>
              {props.editable && (
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => setEditando(a)}
                      aria-label={`Editar el acuerdo N° ${a.numero}`}
                    >
                      Editar
                    </Button>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      aria-label={`Eliminar el acuerdo N° ${a.numero}`}
                      onClick={() =>
                        confirmDelete(
                          `el acuerdo N° ${a.numero}`,
                          'Los siguientes se renumerarán.',
                          async () => {
                            if (await track(call('acuerdo:eliminar', { id: a.id })))
                              props.onChanged()
                          }
                        )
                      }
                    >
                      Eliminar
                    </Button>
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {props.acuerdos.length === 0 && (
        <Text c="dimmed" size="sm">
          Aún no hay acuerdos en esta sesión.
        </Text>
      )}
      {props.editable && (
        <AcuerdoForm
          key={editando?.id ?? 'nuevo'}
          sesionId={props.sesionId}
          opciones={props.opciones}
          editando={editando}
          onDone={() => {
            setEditando(null)
            props.onChanged()
          }}
        />
      )}
    </>
  )
}

function SeguimientoFila(props: {
  sesionId: string
  a: AcuerdoEnSeguimiento
  editable: boolean
}): ReactNode {
  const { a } = props
  const { track } = useSaveStatus()
  const [v, setV] = useState({
    estado: a.enEstaSesion?.estado ?? (null as AcuerdoEstado | null),
    nota: a.enEstaSesion?.nota ?? ''
  })
  useAutosave(
    v,
    (x) =>
      track(
        call('acuerdo:seguimiento', {
          sesionId: props.sesionId,
          acuerdoId: a.id,
          estado: x.estado!,
          nota: x.nota
        })
      ),
    props.editable && v.estado !== null
  )
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm">
          {a.sesionTitulo}, N° {a.numero}
        </Text>
        <Text size="xs" c="dimmed">
          {a.responsable}
          {a.plazo ? ` · plazo ${formatFecha(a.plazo)}` : ''}
          {a.accionCodigo ? ` · acción ${a.accionCodigo}` : ''}
        </Text>
      </Table.Td>
      <Table.Td>
        {a.texto}
        {a.historial.length > 0 && (
          <Text size="xs" c="dimmed">
            Historial:{' '}
            {a.historial
              .map(
                (h) =>
                  `${h.sesionTitulo}: ${ACUERDO_SITUACION_LABEL[h.estado]}${h.nota ? ` (${h.nota})` : ''}`
              )
              .join(' · ')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <SituacionBadge s={a.situacion} />
      </Table.Td>
      <Table.Td>
        <Select
          size="xs"
          aria-label={`Estado del acuerdo «${a.texto}»`}
          placeholder="Actualizar…"
          readOnly={!props.editable}
          data={ACUERDO_ESTADOS.map((e) => ({ value: e, label: ACUERDO_SITUACION_LABEL[e] }))}
          value={v.estado}
          onChange={(e) => setV({ ...v, estado: e as AcuerdoEstado | null })}
        />
        <TextInput
          size="xs"
          mt={4}
          aria-label={`Nota del seguimiento de «${a.texto}»`}
          placeholder="Nota"
          value={v.nota}
          readOnly={!props.editable}
          onChange={(e) => setV({ ...v, nota: e.currentTarget.value })}
        />
      </Table.Td>
    </Table.Tr>
  )
}

/** Open acuerdos of earlier sessions, updated in this one. */
export function SeguimientoSection(props: {
  sesionId: string
  seguimiento: AcuerdoEnSeguimiento[]
  editable: boolean
}): ReactNode {
  if (props.seguimiento.length === 0)
    return (
      <Text c="dimmed" size="sm">
        No hay acuerdos anteriores pendientes.
      </Text>
    )
  return (
    <Table aria-label="Seguimiento de acuerdos anteriores">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={210}>Acuerdo</Table.Th>
          <Table.Th>Texto</Table.Th>
          <Table.Th w={100}>Situación</Table.Th>
          <Table.Th w={220}>En esta sesión</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.seguimiento.map((a) => (
          <SeguimientoFila key={a.id} sesionId={props.sesionId} a={a} editable={props.editable} />
        ))}
      </Table.Tbody>
    </Table>
  )
}
