import type { Llamar } from '../core/cliente'
import {
  BUSQUEDA_CLASE_LABEL,
  BUSQUEDA_CLASES,
  type BusquedaPagina,
  type Fragmento
} from '../../shared/busqueda/contract'

/** How many results the command shows: the first page, best first. */
export const LIMITE_CLI = 50

/** A snippet for the terminal: the matched words between brackets. */
export const resaltar = (fs: readonly Fragmento[]): string =>
  fs
    .map((f) => (f.marca ? `[${f.texto}]` : f.texto))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()

/** The results grouped by class, as the results page shows them. */
export function busquedaTexto(texto: string, p: BusquedaPagina): string {
  const cuentas = BUSQUEDA_CLASES.map((c) => `${BUSQUEDA_CLASE_LABEL[c]} ${p.porClase[c]}`)
  const lineas = [
    `${p.total === 1 ? '1 resultado' : `${p.total} resultados`} para "${texto.trim()}" (${cuentas.join(', ')})` +
      (p.total > p.resultados.length ? `; se muestran los ${p.resultados.length} primeros.` : '.')
  ]
  for (const clase of BUSQUEDA_CLASES) {
    const deClase = p.resultados.filter((r) => r.clase === clase)
    if (deClase.length === 0) continue
    lineas.push('', BUSQUEDA_CLASE_LABEL[clase])
    for (const r of deClase) {
      lineas.push(`  ${r.titulo} — ${r.lugar}`)
      const fragmento = resaltar(r.fragmentos)
      if (fragmento) lineas.push(`    ${fragmento}`)
    }
  }
  return lineas.join('\n')
}

/** `buscar --db ARCHIVO "texto" [--json]`: the same search as Ctrl+K, through the contract. */
export async function buscarCli(
  llamar: Llamar,
  texto: string,
  json: boolean,
  out: (s: string) => void
): Promise<void> {
  const pagina = await llamar('busqueda:buscar', { texto, limite: LIMITE_CLI, desde: 0 })
  out(json ? JSON.stringify(pagina, null, 2) : busquedaTexto(texto, pagina))
}
