import type { ReactNode } from 'react'
import { Group, Select, TextInput } from '@mantine/core'
import type { Accion, Eje, PlanArbol } from '../../../shared/domain/plan'

export interface Filtros {
  ejeId: string | null
  instanciaId: string | null
  texto: string
}

export const SIN_FILTROS: Filtros = { ejeId: null, instanciaId: null, texto: '' }

/** Keeps the acciones that pass the filters, and the objetivos and ejes that still hold one. */
export function filtrar(arbol: PlanArbol, f: Filtros): Eje[] {
  const q = f.texto.trim().toLowerCase()
  const pasa = (a: Accion): boolean =>
    (!f.instanciaId || a.instanciaId === f.instanciaId) &&
    (!q || `${a.codigo} ${a.texto} ${a.responsables}`.toLowerCase().includes(q))
  const activo = !!(f.instanciaId || q)
  return arbol.ejes
    .filter((e) => !f.ejeId || e.id === f.ejeId)
    .map((e) => ({
      ...e,
      objetivos: e.objetivos
        .map((o) => ({ ...o, acciones: o.acciones.filter(pasa) }))
        .filter((o) => !activo || o.acciones.length > 0)
    }))
    .filter((e) => !activo || e.objetivos.length > 0)
}

/** Eje, instancia and free text: the coordinator's way to find an acción. */
export function PlanFiltros(props: {
  arbol: PlanArbol
  filtros: Filtros
  onChange: (f: Filtros) => void
}): ReactNode {
  const { arbol, filtros, onChange } = props
  return (
    <Group grow align="flex-end" role="search">
      <Select
        label="Eje estratégico"
        placeholder="Todos los ejes"
        clearable
        data={arbol.ejes.map((e) => ({ value: e.id, label: `${e.codigo}. ${e.nombre}` }))}
        value={filtros.ejeId}
        onChange={(ejeId) => onChange({ ...filtros, ejeId })}
      />
      <Select
        label="Instancia responsable"
        placeholder="Todas las instancias"
        clearable
        data={arbol.instancias.map((i) => ({ value: i.id, label: i.nombre }))}
        value={filtros.instanciaId}
        onChange={(instanciaId) => onChange({ ...filtros, instanciaId })}
      />
      <TextInput
        label="Buscar"
        placeholder="Código o texto"
        value={filtros.texto}
        onChange={(e) => onChange({ ...filtros, texto: e.currentTarget.value })}
      />
    </Group>
  )
}
