import type { Medidas } from './medidas'
import { cifra, mb, ms, tabla, type Fila } from './medir'

// The bench's table: one row per figure, its target and whether it holds at both sizes.

type Par = { diez: Medidas; x10: Medidas }

function llamadas(m: Par, donde: 'directo' | 'puente', grupo: string): Fila[] {
  return Object.keys(m.diez[donde]).map((k) => {
    const [a, b] = [m.diez[donde][k]!, m.x10[donde][k]!]
    const guardar = k.startsWith('guardar')
    const aprobar = k.startsWith('aprobar')
    // Targets are for the core's own work: the bridge adds HTTP and the worker's message hop.
    const [tope10, topeX] = guardar ? [2, 2] : aprobar ? [10, 30] : [10, 30]
    const meta = donde === 'directo' ? (guardar ? 'p95 ≤ 2 ms' : 'p95 ≤ 10 / 30 ms') : ''
    return {
      grupo,
      que: k,
      diez: cifra(a),
      x10: cifra(b),
      meta,
      cumple: donde === 'directo' ? a.p95 <= tope10 && b.p95 <= topeX : null
    }
  })
}

function libros(m: Par): Fila[] {
  const f = (k: string) => (x: Medidas) => {
    const l = x.libros[k]!
    if (l.error) return `rechazado: «${l.error}»`
    return `${(l.ms / 1000).toFixed(1)} s / ${l.rssMb.toFixed(0)} MB`
  }
  const seg = (x: Medidas) => x.libros['seguimiento']!
  const bare = (x: Medidas) => x.libros['desnudo']!
  const ratio = (x: Medidas) => seg(x).ms / bare(x).ms
  const ratioCpu = (x: Medidas) => seg(x).cpuMs / bare(x).cpuMs
  return [
    {
      grupo: 'libros',
      que: 'escritura desnuda en streaming (exceljs, mismas celdas)',
      diez: f('desnudo')(m.diez),
      x10: f('desnudo')(m.x10),
      meta: '',
      cumple: null
    },
    {
      grupo: 'libros',
      que: 'matriz con seguimiento: tiempo / RSS máx.',
      diez: f('seguimiento')(m.diez),
      x10: f('seguimiento')(m.x10),
      meta: '≤ 1,5× desnuda, ≤ 250 MB a ×10',
      cumple: ratio(m.x10) <= 1.5 && seg(m.x10).rssMb <= 250
    },
    {
      grupo: 'libros',
      que: '… razón con la escritura desnuda',
      diez: `${ratio(m.diez).toFixed(2)}×`,
      x10: `${ratio(m.x10).toFixed(2)}×`,
      meta: '',
      cumple: null
    },
    {
      grupo: 'libros',
      que: '… razón en tiempo de CPU (menos ruido con carga)',
      diez: `${ratioCpu(m.diez).toFixed(2)}×`,
      x10: `${ratioCpu(m.x10).toFixed(2)}×`,
      meta: '',
      cumple: null
    },
    {
      grupo: 'libros',
      que: 'matriz del plan',
      diez: f('matriz')(m.diez),
      x10: f('matriz')(m.x10),
      meta: '',
      cumple: null
    },
    {
      grupo: 'libros',
      que: 'importar el libro con seguimiento (sólo su hoja Matriz)',
      diez: f('importar seguimiento')(m.diez),
      x10: f('importar seguimiento')(m.x10),
      meta: '',
      cumple: null
    },
    {
      grupo: 'libros',
      que: 'importar la matriz del plan',
      diez: f('importar matriz')(m.diez),
      x10: f('importar matriz')(m.x10),
      meta: '',
      cumple: null
    },
    {
      grupo: 'libros',
      que: 'tamaño del libro con seguimiento',
      diez: mb(seg(m.diez).bytes),
      x10: mb(seg(m.x10).bytes),
      meta: '',
      cumple: null
    }
  ]
}

export function tablaDe(m: Par, b: { gzip: number; bytes: number; minificado: boolean }) {
  const abrir = (x: Medidas) => x.abrir.app.p50 / x.abrir.desnudo.p50
  const filas: Fila[] = [
    ...llamadas(m, 'directo', 'directo'),
    ...llamadas(m, 'puente', 'puente HTTP'),
    ...m.diez.kysely.map((k, i): Fila => {
      const kx = m.x10.kysely[i]!
      return {
        grupo: 'kysely',
        que: `${k.que}: kysely / crudo (p50)`,
        diez: `${ms(k.kysely.p50)} / ${ms(k.crudo.p50)} ms`,
        x10: `${ms(kx.kysely.p50)} / ${ms(kx.crudo.p50)} ms`,
        meta: '',
        cumple: null
      }
    }),
    {
      grupo: 'abrir',
      que: 'abrir la base / abrir desnudo (p50)',
      diez: `${ms(m.diez.abrir.app.p50)} / ${ms(m.diez.abrir.desnudo.p50)} ms (${abrir(m.diez).toFixed(1)}×)`,
      x10: `${ms(m.x10.abrir.app.p50)} / ${ms(m.x10.abrir.desnudo.p50)} ms (${abrir(m.x10).toFixed(1)}×)`,
      meta: '≤ 3× desnudo',
      cumple: abrir(m.diez) <= 3 && abrir(m.x10) <= 3
    },
    {
      grupo: 'abrir',
      que: 'primera apertura del día (con quick_check)',
      diez: `${ms(m.diez.abrir.primera)} ms`,
      x10: `${ms(m.x10.abrir.primera)} ms`,
      meta: '',
      cumple: null
    },
    ...libros(m),
    {
      grupo: 'acta',
      que: 'DOCX del acta aprobada más larga',
      diez: `${ms(m.diez.actaDocx.ms)} ms, ${(m.diez.actaDocx.bytes / 1024).toFixed(0)} KB`,
      x10: `${ms(m.x10.actaDocx.ms)} ms, ${(m.x10.actaDocx.bytes / 1024).toFixed(0)} KB`,
      meta: '',
      cumple: null
    },
    {
      grupo: 'interfaz',
      que: 'pantalla de sesiones: primer contenido / nodos DOM / filas',
      diez: m.diez.pantalla
        ? `${ms(m.diez.pantalla.primerContenidoMs)} ms / ${m.diez.pantalla.nodos} / ${m.diez.pantalla.filas}`
        : '—',
      x10: m.x10.pantalla
        ? `${ms(m.x10.pantalla.primerContenidoMs)} ms / ${m.x10.pantalla.nodos} / ${m.x10.pantalla.filas}`
        : '—',
      meta: '≤ 1 s, filas acotadas',
      cumple: m.x10.pantalla
        ? m.x10.pantalla.primerContenidoMs <= 1000 && m.x10.pantalla.filas <= 60
        : null
    },
    {
      grupo: 'interfaz',
      que: 'JavaScript de la interfaz (gzip)',
      diez: `${(b.gzip / 1024).toFixed(0)} KB (${(b.bytes / 1024).toFixed(0)} KB sin comprimir)`,
      x10: '',
      meta: 'minificado',
      cumple: b.minificado
    }
  ]
  return { filas, texto: tabla(filas) }
}
