import {
  avanzar,
  escribir,
  recibir,
  leer,
  type Reloj,
  RELOJ_CERO
} from '../../src/main/core/intercambio/hlc'
import {
  BORRADO,
  conoce,
  decidirFila,
  unir,
  type Fila,
  type Vector,
  type Version
} from '../../src/main/core/intercambio/fusion'

// Installations as plain maps, exchanging packages through the same decisions the app uses, so a
// property test can check the exchange itself: convergence, idempotence and that no edit is lost.

export interface Paquete {
  readonly de: string
  readonly para: string
  readonly vector: Vector
  readonly filas: ReadonlyMap<string, Fila>
}

export interface Conflicto {
  readonly fila: string
  readonly campo: string
  readonly sellos: readonly [string, string]
  /** What the two sides had seen between them, shown to the user with the conflict. */
  readonly conocido: Vector
}

export type Eleccion = 'mia' | 'suya'

export class Instalacion {
  reloj: Reloj = RELOJ_CERO
  vector: Vector = {}
  readonly filas = new Map<string, Record<string, Version>>()
  /** What each partner had seen, as its last package said. */
  readonly suyos = new Map<string, Vector>()
  readonly conflictos: Conflicto[] = []
  /** Two edits that wrote the same value unseen by each other: the stamp dropped → the kept. */
  readonly fundidos = new Map<string, string>()
  /** For every stamp made here: what this side had seen when it made it. */
  readonly visto = new Map<string, Vector>()
  private creadas = 0

  constructor(
    readonly id: string,
    private readonly ahora: () => number
  ) {}

  private sellar(visto: Vector): string {
    this.reloj = avanzar(this.reloj, this.ahora())
    const sello = escribir({ ...this.reloj, instalacion: this.id })
    this.vector = unir(this.vector, { [this.id]: sello })
    this.visto.set(sello, unir(visto, { [this.id]: sello }))
    return sello
  }

  crear(campos: Record<string, string>): string {
    const id = `${this.id}:${++this.creadas}`
    const fila: Record<string, Version> = {}
    for (const [c, valor] of Object.entries({ ...campos, [BORRADO]: 'false' })) {
      fila[c] = { valor, sello: this.sellar(this.vector) }
    }
    this.filas.set(id, fila)
    return id
  }

  cambiar(fila: string, campo: string, valor: string): void {
    const f = this.filas.get(fila)
    if (!f) throw new Error(`no row ${fila}`)
    f[campo] = { valor, sello: this.sellar(this.vector) }
  }

  exportar(para: string): Paquete {
    const base = this.suyos.get(para) ?? {}
    const filas = new Map<string, Fila>()
    for (const [id, f] of this.filas) {
      const nuevos = Object.entries(f).filter(([, v]) => !conoce(base, v.sello))
      if (nuevos.length > 0) filas.set(id, Object.fromEntries(nuevos))
    }
    return { de: this.id, para, vector: this.vector, filas }
  }

  importar(p: Paquete, elegir: (c: Conflicto) => Eleccion): void {
    const conocido = unir(this.vector, p.vector)
    for (const [id, remota] of p.filas) {
      for (const v of Object.values(remota))
        this.reloj = recibir(this.reloj, leer(v.sello), this.ahora())
      const local = this.filas.get(id)
      const d = decidirFila(local, remota, this.vector, p.vector)
      const fila: Record<string, Version> = local ?? {}
      for (const [c, v] of Object.entries(remota)) {
        const l = local?.[c]
        const concurrentes = l && !conoce(this.vector, v.sello) && !conoce(p.vector, l.sello)
        if (concurrentes && l.sello !== v.sello && l.valor === v.valor) {
          const [perdido, queda] = d.tomar.includes(c) ? [l.sello, v.sello] : [v.sello, l.sello]
          this.fundidos.set(perdido, queda)
        }
      }
      for (const c of d.tomar) fila[c] = remota[c]!
      for (const campo of d.conflictos) {
        const mia = local![campo]!
        // Deleted here and edited there, their side is the row kept: a new edit, like ours.
        const suya = remota[campo] ?? { valor: 'false', sello: '' }
        const c: Conflicto = { fila: id, campo, sellos: [mia.sello, suya.sello], conocido }
        this.conflictos.push(c)
        const elegida = elegir(c) === 'suya' ? suya : mia
        // Keeping ours is a new edit that has seen both, so it wins on every side.
        fila[campo] =
          elegida.sello === suya.sello && suya.sello !== ''
            ? suya
            : { valor: elegida.valor, sello: this.sellar(conocido) }
      }
      this.filas.set(id, fila)
    }
    this.vector = unir(this.vector, p.vector)
    this.suyos.set(p.de, unir(this.suyos.get(p.de) ?? {}, p.vector))
  }

  /** The content as the user sees it: every field's value, deleted rows included. */
  contenido(): Record<string, Record<string, string>> {
    const r: Record<string, Record<string, string>> = {}
    for (const id of [...this.filas.keys()].sort()) {
      const f = this.filas.get(id)!
      r[id] = Object.fromEntries(
        Object.keys(f)
          .sort()
          .map((c) => [c, f[c]!.valor])
      )
    }
    return r
  }
}
