// The matrix's pages, decided by the writer rather than left to the spreadsheet: a merged cell
// prints only on the page where it starts, so a merge that a page break cuts would leave the
// rows below it without their eje, objetivo or responsables. The writer breaks pages itself,
// keeps the responsables' merges whole where they fit on a page, and cuts the eje and objetivo
// merges at each break, repeating their text on the first row of the new page.

/** Rows `desde`..`hasta` (inclusive, sheet row numbers). */
export interface Tramo {
  desde: number
  hasta: number
}

/** A merged column over some rows, with the text it shows. */
export interface Grupo extends Tramo {
  col: number
  texto: string
}

/**
 * Rows packed onto pages of `capacidad` points in order. A `juntos` range goes whole onto the
 * next page when it would not fit in what is left of this one (and fits on a page of its own).
 */
export function paginar(
  alturas: Map<number, number>,
  primera: number,
  ultima: number,
  capacidad: number,
  juntos: Tramo[]
): Tramo[] {
  const paginas: Tramo[] = []
  let desde = primera
  let usado = 0
  const cerrar = (r: number) => {
    paginas.push({ desde, hasta: r - 1 })
    desde = r
    usado = 0
  }
  const bloques = new Map(juntos.filter((j) => j.hasta > j.desde).map((j) => [j.desde, j]))
  for (let r = primera; r <= ultima; r++) {
    const h = alturas.get(r)!
    const bloque = bloques.get(r)
    const hBloque = bloque ? suma(alturas, bloque) : h
    if (usado > 0 && usado + hBloque > capacidad && hBloque <= capacidad) cerrar(r)
    else if (usado > 0 && usado + h > capacidad) cerrar(r)
    usado += h
  }
  paginas.push({ desde, hasta: ultima })
  return paginas
}

export function suma(alturas: Map<number, number>, t: Tramo): number {
  let total = 0
  for (let r = t.desde; r <= t.hasta; r++) total += alturas.get(r)!
  return total
}

/** The pieces of a merged group that fall on each page (pages in order, found by bisection). */
export function trozos(g: Grupo, paginas: Tramo[]): Grupo[] {
  let lo = 0
  let hi = paginas.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (paginas[mid]!.hasta < g.desde) lo = mid + 1
    else hi = mid
  }
  const piezas: Grupo[] = []
  for (let i = lo; i < paginas.length && paginas[i]!.desde <= g.hasta; i++) {
    const p = paginas[i]!
    piezas.push({ ...g, desde: Math.max(g.desde, p.desde), hasta: Math.min(g.hasta, p.hasta) })
  }
  return piezas
}

/**
 * Pages and the merged pieces on them. Each piece must hold its text: where it does not, its
 * last row grows and the pages are worked out again (heights only grow, so this settles).
 */
export function disponer(
  alturas: Map<number, number>,
  primera: number,
  ultima: number,
  capacidad: number,
  grupos: Grupo[],
  necesita: (g: Grupo) => number
): { paginas: Tramo[]; piezas: Grupo[] } {
  const juntos = grupos.filter((g) => g.col === 5)
  // Heights only grow, by whole points, up to the tallest text: a few rounds at most.
  for (let vuelta = 0; ; vuelta++) {
    const paginas = paginar(alturas, primera, ultima, capacidad, juntos)
    const piezas = grupos.flatMap((g) => trozos(g, paginas))
    let crecio = false
    for (const p of piezas) {
      const falta = necesita(p) - suma(alturas, p)
      if (falta > 0) {
        alturas.set(p.hasta, alturas.get(p.hasta)! + falta)
        crecio = true
      }
    }
    if (!crecio || vuelta === 50) return { paginas, piezas }
  }
}
