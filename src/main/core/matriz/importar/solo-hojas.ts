import path from 'node:path'
import JSZip from 'jszip'
import { HOJA_GLOSARIO, HOJA_MATRIZ } from '../disposicion'
import { entradas, partes } from './zip'

// A tracking workbook holds, after its Matriz and Glosario, sheets with a row per session,
// attendee and acuerdo (1.6 million cells at ×10): the plan is read from the first two only.
// When the workbook has a sheet named Matriz, the other sheets are left out before anything
// reads it: not unpacked, not counted against the limits, not parsed by exceljs. A workbook
// without one (edited by hand) is read whole: its matrix may be on any sheet.

const LIBRO = 'xl/workbook.xml'
const RELS = 'xl/_rels/workbook.xml.rels'
const TIPOS = '[Content_Types].xml'

export const atributo = (elemento: string, nombre: string): string | undefined =>
  new RegExp(`\\s${nombre}\\s*=\\s*"([^"]*)"`).exec(elemento)?.[1]

/** `Target`s of a relationships part, as paths inside the zip. */
export function destinos(rels: string, base: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const [r] of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = atributo(r, 'Id')
    const destino = atributo(r, 'Target')
    if (!id || !destino || atributo(r, 'TargetMode') === 'External') continue
    out.set(
      id,
      destino.startsWith('/') ? destino.slice(1) : path.posix.normalize(`${base}/${destino}`)
    )
  }
  return out
}

/** The workbook with only its Matriz and Glosario sheets, or as it is when it has no Matriz. */
export async function soloHojasDelPlan(data: Buffer): Promise<Buffer> {
  const nombres = new Set(entradas(data).map((e) => e.nombre))
  if (!nombres.has(LIBRO) || !nombres.has(RELS)) return data
  const texto = (n: string) => partes(data, (x) => x === n)[0]?.datos.toString('utf8') ?? ''
  const libro = texto(LIBRO)
  const hojas = [...libro.matchAll(/<sheet\b[^>]*>/g)].map(([e]) => ({
    e,
    nombre: atributo(e, 'name'),
    id: atributo(e, 'r:id')
  }))
  if (!hojas.some((h) => h.nombre === HOJA_MATRIZ)) return data
  const quitar = hojas.filter((h) => h.nombre !== HOJA_MATRIZ && h.nombre !== HOJA_GLOSARIO)
  if (quitar.length === 0) return data
  const rels = texto(RELS)
  const porId = destinos(rels, 'xl')
  const fuera = new Set(['xl/calcChain.xml'])
  for (const h of quitar) {
    const hoja = h.id ? porId.get(h.id) : undefined
    if (!hoja) continue
    fuera.add(hoja)
    // What only that sheet uses: its tables, comments, drawings.
    const suyas = `${path.posix.dirname(hoja)}/_rels/${path.posix.basename(hoja)}.rels`
    if (nombres.has(suyas)) {
      fuera.add(suyas)
      for (const d of destinos(texto(suyas), path.posix.dirname(hoja)).values()) fuera.add(d)
    }
  }
  const ids = new Set(quitar.map((h) => h.id))
  const zip = new JSZip()
  for (const p of partes(data, (n) => !fuera.has(n))) zip.file(p.nombre, p.datos)
  zip.file(
    LIBRO,
    quitar
      .reduce((x, h) => x.replace(h.e, ''), libro)
      // Print areas and filters name sheets by position, which just changed: not needed to read.
      .replace(/<definedNames>[\s\S]*?<\/definedNames>/, '')
  )
  zip.file(
    RELS,
    rels.replace(/<Relationship\b[^>]*>/g, (r) => (ids.has(atributo(r, 'Id')) ? '' : r))
  )
  if (nombres.has(TIPOS))
    zip.file(
      TIPOS,
      texto(TIPOS).replace(/<Override\b[^>]*>/g, (o) =>
        fuera.has((atributo(o, 'PartName') ?? '').replace(/^\//, '')) ? '' : o
      )
    )
  return zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' })
}
