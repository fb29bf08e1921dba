import type { Destino } from '../../../shared/busqueda/contract'

/** The address a result opens: its screen, and the section or row to show there. */
export function rutaDe(d: Destino): string {
  switch (d.pantalla) {
    case 'plan':
      return '/plan'
    case 'accion':
      return `/acciones/${d.accionId}`
    case 'sesion':
      return d.seccion ? `/sesiones/${d.sesionId}?seccion=${d.seccion}` : `/sesiones/${d.sesionId}`
    case 'persona':
      return `/personas?persona=${d.personaId}`
    case 'institucion':
      return `/instituciones?institucion=${d.institucionId}`
  }
}

/** The results page for a text (and a class and page, when chosen). */
export function rutaBusqueda(texto: string, clase?: string | null, pagina?: number): string {
  const p = new URLSearchParams({ q: texto })
  if (clase) p.set('clase', clase)
  if (pagina && pagina > 1) p.set('pagina', String(pagina))
  return `/buscar?${p.toString()}`
}
