import { useState, type ReactNode } from 'react'
import { Button, Checkbox, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { call } from '../api/client'
import { descargar } from '../api/download'
import { useApiQuery } from '../api/queries'
import { notifyError } from '../components/notify'
import { notifications } from '@mantine/notifications'
import type { PaqueteGenerado } from '../../../shared/intercambio/contract'

const NUEVO = 'nuevo'

function avisarListo(p: PaqueteGenerado): void {
  notifications.show({
    color: 'teal',
    title: 'Paquete listo',
    message:
      p.campos === 0
        ? `${p.nombre}: no hay cambios nuevos para este socio (el paquete va vacío).`
        : `${p.nombre}: guárdelo en el pendrive y entréguelo.`,
    autoClose: 6000
  })
}

/**
 * A package for a partner: what it has not seen yet (everything the first time, or when asked).
 * Downloaded as a .mitp file; in the app the save dialog asks where (a USB stick).
 */
export function ExportarPaquete(): ReactNode {
  const qc = useQueryClient()
  const socios = useApiQuery('socio:listar', undefined)
  const [para, setPara] = useState<string | null>(null)
  const [nombre, setNombre] = useState('')
  const [todo, setTodo] = useState(false)
  const [ocupado, setOcupado] = useState(false)
  const opciones = [
    ...(socios.data ?? []).map((s) => ({ value: s.id, label: s.nombre })),
    { value: NUEVO, label: 'Nuevo socio / paquete completo' }
  ]
  const exportar = async (): Promise<void> => {
    if (!para) return
    setOcupado(true)
    try {
      const r = await call(
        'paquete:generar',
        para === NUEVO ? { para: 'nuevo', nombre } : { para: 'socio', socioId: para, todo }
      )
      if (!r.ok) return notifyError('No se pudo exportar el paquete', r.error)
      descargar(r.value)
      avisarListo(r.value)
      await qc.invalidateQueries({ queryKey: ['socio:listar'] })
    } finally {
      setOcupado(false)
    }
  }
  return (
    <Stack>
      <Title order={2} size="h3">
        Exportar paquete
      </Title>
      <Text size="sm">
        Un paquete lleva lo que el otro equipo todavía no tiene. La primera vez, o para un equipo
        nuevo, elija «Nuevo socio / paquete completo».
      </Text>
      <Select
        label="Para"
        placeholder="Elija el equipo que lo recibe"
        data={opciones}
        value={para}
        onChange={setPara}
        allowDeselect={false}
        maw={420}
      />
      {para === NUEVO && (
        <TextInput
          label="Nombre del equipo que lo recibe"
          description="Por ejemplo: Notebook MININT – coordinación"
          value={nombre}
          onChange={(e) => setNombre(e.currentTarget.value)}
          maw={420}
        />
      )}
      {para && para !== NUEVO && (
        <Checkbox
          label="Paquete completo (todo, no solo lo nuevo; por ejemplo, si el otro equipo restauró un respaldo)"
          checked={todo}
          onChange={(e) => setTodo(e.currentTarget.checked)}
        />
      )}
      <Group>
        <Button
          disabled={!para || (para === NUEVO && !nombre.trim())}
          loading={ocupado}
          onClick={() => void exportar()}
        >
          Exportar paquete
        </Button>
      </Group>
    </Stack>
  )
}
