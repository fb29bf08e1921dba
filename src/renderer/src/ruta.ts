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

/** The app's routes: in the hash (app://mitp/index.html has no server routing), filters in the query. */
export function useRuta(
  opciones?: Parameters<typeof useHashLocation>[0]
): [string, typeof navegar] {
  const [ruta] = useHashLocation(opciones)
  return [ruta, navegar]
}
// A link's href is the hash route, as wouter's hash hook writes it.
useRuta.hrefs = (href: string): string => `#${href}`
