import { navigate as navegarHash, useHashLocation } from 'wouter/use-hash-location'

/**
 * Where to go, with its query string always stated: wouter's hash navigation leaves the page's
 * query (where the screens keep their filters) as it was when the address has none, so a plain
 * "/acuerdos" from the menu reopened the last filters. An empty "?" clears them.
 */
export function conConsulta(to: string): string {
  return to.includes('?') ? to : `${to}?`
}

const navegar: typeof navegarHash = (to, opciones) => navegarHash(conConsulta(to), opciones)

/**
 * A deep link with its query after the hash ("#/acuerdos?situacion=vencido", as a figure's link
 * reads when copied, typed or reloaded) moved to where the screens read their filters
 * ("?situacion=vencido#/acuerdos"). Run before the first render and on every hash change, before
 * wouter's own listener reads the address.
 */
export function consultaAntesDelHash(): void {
  const { pathname, hash } = window.location
  const i = hash.indexOf('?')
  if (i < 0) return
  window.history.replaceState(
    window.history.state,
    '',
    `${pathname}${hash.slice(i)}${hash.slice(0, i)}`
  )
}

/** The app's routes: in the hash (app://mitp/index.html has no server routing), filters in the query. */
export function useRuta(
  opciones?: Parameters<typeof useHashLocation>[0]
): [string, typeof navegar] {
  const [ruta] = useHashLocation(opciones)
  // Routes match the path alone, whatever query is left in the hash.
  return [ruta.split('?')[0]!, navegar]
}
// A link's href is the hash route, as wouter's hash hook writes it.
useRuta.hrefs = (href: string): string => `#${href}`
