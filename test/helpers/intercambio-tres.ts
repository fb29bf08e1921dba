import fc from 'fast-check'
import { tempDir, type TestApp } from './db'
import { instalacionPropia, nombrar } from './intercambio'
import { caller, cerrarYAprobar } from './sesiones'

// Three installations on real files exchanging packages (#16), for the property test: random
// edits (create, update, delete, approve) and random exchanges, some packages lost or imported
// again. The record kept here says, for every value written, whether it may be gone: replaced
// knowingly (the installation that replaced it had it), listed as a conflict, or deleted with
// its row by whoever created it.

export type Op =
  | { k: 'accion'; i: number; c: number }
  | { k: 'sesion'; i: number; compartida: boolean; dia: number }
  | { k: 'lugar' | 'acuerdo' | 'borrarAcuerdo' | 'borrarSesion' | 'aprobar'; i: number; s: number }
  | { k: 'enviar'; de: number; a: number; perder: boolean; repetir: number | null; mio: boolean }

const i3 = fc.nat(2)
export const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ k: fc.constant('accion' as const), i: i3, c: fc.nat(2) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      k: fc.constant('sesion' as const),
      i: i3,
      compartida: fc.boolean(),
      dia: fc.integer({ min: 1, max: 28 })
    })
  },
  ...(['lugar', 'acuerdo', 'borrarAcuerdo', 'borrarSesion', 'aprobar'] as const).map((k) => ({
    weight: k === 'aprobar' ? 3 : k === 'lugar' || k === 'acuerdo' ? 2 : 1,
    arbitrary: fc.record({ k: fc.constant(k), i: i3, s: fc.nat() })
  })),
  {
    weight: 6,
    arbitrary: fc.record({
      k: fc.constant('enviar' as const),
      de: i3,
      a: fc.nat(1),
      perder: fc.nat(5).map((n) => n === 0),
      repetir: fc.option(fc.nat(), { freq: 4 }),
      mio: fc.boolean()
    })
  }
)

export interface Registro {
  /** Every value written, and its row ('acciones:codigo', 'sesiones:id'). */
  escritos: Map<string, string>
  /** Values an installation had when it replaced them. */
  reemplazados: Set<string>
  /** Values shown in a conflict (either side). */
  enConflicto: Set<string>
  /** Rows shown in a conflict of the whole row (deleted on one side, changed on the other). */
  filasEnConflicto: Set<string>
  /** Rows created (table:id) and those their creator deleted. */
  creadas: Set<string>
  borradas: Set<string>
  /** Sessions each installation created: only it edits, deletes or approves them. */
  propias: string[][]
  paquetes: Map<string, string[]>
  aprobadas: number
  conflictos: number
}

export interface Tres {
  t: TestApp[]
  nombres: string[]
  instancias: string[][]
  codigos: string[]
  r: Registro
  carpeta: string
  cerrar: () => Promise<void>
}

export async function abrirTres(): Promise<Tres> {
  const t: TestApp[] = []
  const nombres = ['Notebook MININT', 'Notebook SERNAM', 'Notebook PDI']
  const instancias: string[][] = []
  for (const n of nombres) {
    const x = await instalacionPropia()
    t.push(x)
    await nombrar(x, n)
    const ins = await caller(x).ok('instancia:listar', undefined)
    instancias.push([...ins].sort((a, b) => a.codigo.localeCompare(b.codigo)).map((y) => y.id))
  }
  // Two members of its own instancia on each: an acta needs who signs it.
  for (const [i, x] of t.entries()) {
    const [institucion] = await caller(x).ok('institucion:listar', undefined)
    for (const nombre of ['Ana', 'Berta']) {
      const p = await caller(x).ok('persona:crear', {
        nombre: `${nombre} ${i}`,
        cargo: 'Profesional',
        institucionId: institucion!.id,
        correo: null,
        telefono: null
      })
      await caller(x).ok('miembro:agregar', {
        instanciaId: instancias[i]![i]!,
        personaId: p.id,
        calidad: 'titular'
      })
    }
  }
  const codigos = (
    await t[0]!.app.db.selectFrom('acciones').select('codigo').orderBy('codigo').limit(3).execute()
  ).map((a) => a.codigo)
  const carpeta = tempDir('mitp-tres-')
  const r: Registro = {
    escritos: new Map(),
    reemplazados: new Set(),
    enConflicto: new Set(),
    filasEnConflicto: new Set(),
    creadas: new Set(),
    borradas: new Set(),
    propias: [[], [], []],
    paquetes: new Map(),
    aprobadas: 0,
    conflictos: 0
  }
  const cerrar = async () => {
    for (const x of t) await x.close()
    carpeta.cleanup()
  }
  return { t, nombres, instancias, codigos, r, carpeta: carpeta.dir, cerrar }
}

let contador = 0
const valor = (i: number) => `v${i}-${++contador}`

function escrito(r: Registro, fila: string, v: string, antes: unknown) {
  r.escritos.set(v, fila)
  if (typeof antes === 'string') r.reemplazados.add(antes)
}

/**
 * One of installation i's own sessions still there, as `estado` allows; to approve, one of its
 * own instancia (who signs is a member there): picked among all, approvals almost never ran.
 */
async function propia(w: Tres, i: number, s: number, estados: string[]) {
  const ids = w.r.propias[i]!
  if (!ids.length) return undefined
  let q = w.t[i]!.app.db.selectFrom('sesiones')
    .select(['id', 'estado', 'instancia_id'])
    .where('id', 'in', ids)
    .where('estado', 'in', estados as ('borrador' | 'cerrada' | 'aprobada')[])
  if (!estados.includes('borrador') || estados.includes('cerrada'))
    q = q.where('instancia_id', '=', w.instancias[i]![i]!)
  const filas = await q.orderBy('id').execute()
  return filas[s % Math.max(filas.length, 1)]
}

type Edicion = Exclude<Op, { k: 'enviar' }>

/** The plan, edited anywhere; a session, created anywhere (its own instancia or the shared one). */
async function enElPlan(w: Tres, o: Extract<Edicion, { k: 'accion' | 'sesion' }>): Promise<void> {
  const x = w.t[o.i]!
  if (o.k === 'accion') {
    const codigo = w.codigos[o.c]!
    const db = x.app.db
    const a = await db
      .selectFrom('acciones')
      .select('texto')
      .where('codigo', '=', codigo)
      .executeTakeFirstOrThrow()
    const v = valor(o.i)
    escrito(w.r, `acciones:${codigo}`, v, a.texto)
    await db.updateTable('acciones').set({ texto: v }).where('codigo', '=', codigo).execute()
    return
  }
  const instanciaId = w.instancias[o.i]![o.compartida ? 3 : o.i]!
  const fecha = `2015-0${1 + (o.dia % 9)}-${String(o.dia).padStart(2, '0')}`
  const r = await caller(x).call('sesion:crear', {
    instanciaId,
    tipo: 'ordinaria',
    fecha,
    modalidad: 'presencial'
  })
  if (r.ok) {
    w.r.propias[o.i]!.push(r.value.id)
    w.r.creadas.add(`sesiones:${r.value.id}`)
  }
}

/** What only the installation that created a session does in it: write, delete, approve. */
async function enPropia(w: Tres, o: Exclude<Edicion, { k: 'accion' | 'sesion' }>): Promise<void> {
  const x = w.t[o.i]!
  const db = x.app.db
  const { call } = caller(x)
  // To approve, a session of its own instancia; one is created if none is left (an installation
  // rarely had one, and the property almost never met an approved acta).
  if (o.k === 'aprobar' && !(await propia(w, o.i, o.s, ['borrador', 'cerrada'])))
    await enElPlan(w, { k: 'sesion', i: o.i, compartida: false, dia: 1 + (o.s % 28) })
  const s = await propia(w, o.i, o.s, o.k === 'aprobar' ? ['borrador', 'cerrada'] : ['borrador'])
  if (!s) return
  if (o.k === 'lugar') {
    const { lugar } = await db
      .selectFrom('sesiones')
      .select('lugar')
      .where('id', '=', s.id)
      .executeTakeFirstOrThrow()
    const v = valor(o.i)
    escrito(w.r, `sesiones:${s.id}`, v, lugar)
    await db.updateTable('sesiones').set({ lugar: v }).where('id', '=', s.id).execute()
  } else if (o.k === 'acuerdo') {
    const r = await call('acuerdo:crear', {
      sesionId: s.id,
      texto: valor(o.i),
      institucionId: null,
      personaId: null,
      plazo: null,
      accionId: null
    })
    if (r.ok) w.r.creadas.add(`acuerdos:${r.value.id}`)
  } else if (o.k === 'borrarAcuerdo' || o.k === 'borrarSesion') {
    const hijos = await db
      .selectFrom('acuerdos')
      .select('id')
      .where('sesion_id', '=', s.id)
      .orderBy('id')
      .execute()
    if (o.k === 'borrarAcuerdo') {
      const a = hijos[0]
      if (a && (await call('acuerdo:eliminar', { id: a.id })).ok)
        w.r.borradas.add(`acuerdos:${a.id}`)
    } else if ((await call('sesion:eliminar', { id: s.id })).ok) {
      w.r.borradas.add(`sesiones:${s.id}`)
      for (const h of hijos) w.r.borradas.add(`acuerdos:${h.id}`)
    }
  } else {
    await cerrarYAprobar(x, s.id)
    w.r.aprobadas++
  }
}

export async function editar(w: Tres, o: Edicion): Promise<void> {
  if (o.k === 'accion' || o.k === 'sesion') await enElPlan(w, o)
  else await enPropia(w, o)
}
