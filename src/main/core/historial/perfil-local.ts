import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import type { Perfil } from '../../../shared/historial/contract'
import { writeFileAtomic } from '../files'

/**
 * Where a host keeps its user's profile when the database is shared (#17): on a server every
 * notebook writes to the same rows, so «who uses this copy» cannot live there (the last one saved
 * would be credited with everyone's changes). Each notebook keeps its own, beside its connection.
 */
export interface AlmacenPerfil {
  leer: () => Perfil | null
  guardar: (perfil: Perfil) => void
}

export const ARCHIVO_PERFIL = 'perfil.json'

const perfilSchema = z.object({
  nombre: z.string().min(1),
  institucion: z.string().nullable()
})

/** The profile in a small JSON file of the notebook's data folder, written whole or not at all. */
export function perfilEnArchivo(archivo: string): AlmacenPerfil {
  return {
    leer: () => {
      let texto: string
      try {
        texto = fs.readFileSync(archivo, 'utf8')
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
        throw e
      }
      // A damaged file asks again (the start-up form) rather than crediting nobody silently.
      const r = perfilSchema.safeParse(safeJson(texto))
      return r.success ? r.data : null
    },
    guardar: (perfil) => {
      fs.mkdirSync(path.dirname(archivo), { recursive: true })
      writeFileAtomic(archivo, Buffer.from(`${JSON.stringify(perfil, null, 2)}\n`))
    }
  }
}

/** For a process with no folder of its own (the command line, tests): this process's user only. */
export function perfilEnMemoria(): AlmacenPerfil {
  let actual: Perfil | null = null
  return {
    leer: () => actual,
    guardar: (perfil) => {
      actual = { ...perfil }
    }
  }
}

function safeJson(texto: string): unknown {
  try {
    return JSON.parse(texto)
  } catch {
    return null
  }
}
