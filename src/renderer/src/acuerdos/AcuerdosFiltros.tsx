import type { ReactNode } from 'react'
import { Group, SegmentedControl, Select, SimpleGrid } from '@mantine/core'
import type { Input } from '../../../shared/api/contract'
import { useApiQuery } from '../api/queries'
import { opcionesPlanes } from '../plan/opciones'
import { FechaInput } from '../fechas/FechaInput'

export type FiltroAcuerdos = Omit<Input<'acuerdo:exportar'>, 'orden'> & {
  orden: 'plazo' | 'plazo_desc'
}

const CLAVES = [
  'planId',
  'instanciaId',
  'institucionId',
  'personaId',
  'accionId',
  'situacion',
  'plazoDesde',
  'plazoHasta'
] as const

/** The filters a link brought in its query string (the dashboard's figures link here). */
export function filtroDesde(search: string): FiltroAcuerdos {
  const q = new URLSearchParams(search)
  const f: Record<string, string> = {}
  for (const k of CLAVES) {
    const v = q.get(k)
    if (v) f[k] = v
  }
  return { ...(f as Omit<FiltroAcuerdos, 'orden'>), orden: 'plazo' }
}

const SITUACIONES = [
  { value: 'abierto', label: 'Sin cumplir' },
  { value: 'vencido', label: 'Vencido' },
  { value: 'pendiente', label: 'Pendiente' },
  { value: 'en_curso', label: 'En curso' },
  { value: 'cumplido', label: 'Cumplido' }
]

/** Plan, instancia, institución, responsable, acción, situación, plazo range and order. */
export function AcuerdosFiltros(props: {
  filtro: FiltroAcuerdos
  errores: { plazoDesde?: string; plazoHasta?: string }
  onChange: (f: FiltroAcuerdos) => void
}): ReactNode {
  const { filtro: f, onChange, errores } = props
  const planes = useApiQuery('plan:listar', undefined)
  const instancias = useApiQuery('instancia:listar', undefined)
  const instituciones = useApiQuery('institucion:listar', undefined)
  const personas = useApiQuery('persona:listar', undefined)
  const arbol = useApiQuery('plan:arbol', {})
  const acciones = (arbol.data?.ejes ?? []).flatMap((e) =>
    e.objetivos.flatMap((o) => o.acciones.map((a) => ({ value: a.id, label: a.codigo })))
  )
  const fijar = (k: keyof FiltroAcuerdos) => (v: string | null) =>
    onChange({ ...f, [k]: v || undefined })
  const lista = (
    label: string,
    k: keyof FiltroAcuerdos,
    data: { value: string; label: string }[]
  ) => (
    <Select
      label={label}
      placeholder="Todas"
      clearable
      searchable
      data={data}
      value={(f[k] as string | undefined) ?? null}
      onChange={fijar(k)}
    />
  )
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} role="search" aria-label="Filtros de acuerdos">
      {lista('Plan (período)', 'planId', opcionesPlanes(planes.data))}
      {lista(
        'Instancia',
        'instanciaId',
        (instancias.data ?? []).map((i) => ({ value: i.id, label: i.nombre }))
      )}
      {lista(
        'Institución',
        'institucionId',
        (instituciones.data ?? []).map((i) => ({ value: i.id, label: i.sigla }))
      )}
      {lista(
        'Responsable',
        'personaId',
        (personas.data ?? []).map((p) => ({ value: p.id, label: p.nombre }))
      )}
      {lista('Acción del plan', 'accionId', acciones)}
      {lista('Situación', 'situacion', SITUACIONES)}
      <FechaInput
        label="Plazo desde"
        value={f.plazoDesde ?? ''}
        error={errores.plazoDesde}
        onChange={fijar('plazoDesde')}
      />
      <FechaInput
        label="Plazo hasta"
        value={f.plazoHasta ?? ''}
        error={errores.plazoHasta}
        onChange={fijar('plazoHasta')}
      />
      <Group align="flex-end">
        <SegmentedControl
          aria-label="Orden por plazo"
          data={[
            { value: 'plazo', label: 'Plazo ↑' },
            { value: 'plazo_desc', label: 'Plazo ↓' }
          ]}
          value={f.orden}
          onChange={(v) => onChange({ ...f, orden: v as FiltroAcuerdos['orden'] })}
        />
      </Group>
    </SimpleGrid>
  )
}
