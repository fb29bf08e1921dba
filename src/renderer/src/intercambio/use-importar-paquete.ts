import { useRef, useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { notifications } from '@mantine/notifications'
import type { ResultadoImportacion, VistaPreviaPaquete } from '../../../shared/intercambio/contract'
import { call } from '../api/client'
import { leerParaImportar } from '../api/leer-archivo'
import { invalidarDesdeLaPrimera } from '../api/desde-la-primera'

export type Eleccion = 'mio' | 'suyo'

type Archivo = { nombre: string; base64: string }

const enLista = (e: Record<string, Eleccion>) =>
  Object.entries(e).map(([clave, eleccion]) => ({ clave, eleccion }))

/** The chosen file, read and previewed: what to show, its content, or why not. */
async function previsualizar(
  file: File
): Promise<{ archivo?: Archivo; vista?: VistaPreviaPaquete; error?: string }> {
  const leido = await leerParaImportar(file)
  if (leido.error !== undefined) return { error: leido.error }
  const archivo = { nombre: file.name, base64: leido.base64 }
  const r = await call('paquete:previsualizar', {
    archivo: archivo.nombre,
    paquete: archivo.base64
  })
  return r.ok ? { archivo, vista: r.value } : { archivo, error: r.error.message }
}

/**
 * The user's choice for each conflict. A choice may change the preview (which of two sessions
 * keeps a number): it is asked again with the choices so far; the conflicts stay as first
 * listed, each with its choice. Only the answer to the latest request is shown.
 */
function useElecciones(
  archivo: Archivo | null,
  setVista: (f: (v: VistaPreviaPaquete | null) => VistaPreviaPaquete | null) => void,
  setError: (e: string) => void
) {
  const [elecciones, setElecciones] = useState<Record<string, Eleccion>>({})
  const pedido = useRef(0)
  const [recalculando, setRecalculando] = useState(false)
  const elegirConflicto = async (clave: string, e: Eleccion): Promise<void> => {
    const todas = { ...elecciones, [clave]: e }
    setElecciones(todas)
    if (!archivo) return
    const n = ++pedido.current
    setRecalculando(true)
    try {
      const r = await call('paquete:previsualizar', {
        archivo: archivo.nombre,
        paquete: archivo.base64,
        elecciones: enLista(todas)
      })
      if (n !== pedido.current) return
      if (r.ok) setVista((v) => (v ? { ...r.value, conflictos: v.conflictos } : v))
      else setError(r.error.message)
    } finally {
      if (n === pedido.current) setRecalculando(false)
    }
  }
  /** A new file, or the import: answers still on their way are not shown; `todo`: nor choices. */
  const olvidar = (todo: boolean) => {
    pedido.current++
    setRecalculando(false)
    if (todo) setElecciones({})
  }
  return { elecciones, elegirConflicto, recalculando, olvidar }
}

/**
 * Importing a package, step by step: the file is previewed as soon as it is chosen; each conflict
 * waits for the user's choice (none is chosen for them); the import writes only once all are.
 */
export function useImportarPaquete() {
  const qc = useQueryClient()
  const [archivo, setArchivo] = useState<Archivo | null>(null)
  const [vista, setVista] = useState<VistaPreviaPaquete | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [ocupado, setOcupado] = useState(false)
  const [hecho, setHecho] = useState<ResultadoImportacion | null>(null)
  const { elecciones, elegirConflicto, recalculando, olvidar } = useElecciones(
    archivo,
    setVista,
    setError
  )

  const elegir = async (file: File | null): Promise<void> => {
    olvidar(true)
    setVista(null)
    setError(null)
    setHecho(null)
    setArchivo(null)
    if (!file) return
    setOcupado(true)
    try {
      const r = await previsualizar(file)
      if (r.archivo) setArchivo(r.archivo)
      if (r.vista) setVista(r.vista)
      if (r.error) setError(r.error)
    } finally {
      setOcupado(false)
    }
  }

  const faltan = vista ? vista.conflictos.filter((c) => !elecciones[c.clave]).length : 0

  const importar = async (): Promise<void> => {
    if (!archivo || !vista || faltan > 0) return
    olvidar(false)
    setOcupado(true)
    setError(null)
    try {
      const r = await call('paquete:importar', {
        archivo: archivo.nombre,
        paquete: archivo.base64,
        elecciones: enLista(elecciones)
      })
      if (!r.ok) return setError(r.error.message)
      setHecho(r.value)
      setVista(null)
      setArchivo(null)
      olvidar(true)
      notifications.show({
        color: 'teal',
        title: 'Paquete importado',
        message: `Se importó el paquete de «${r.value.de.nombre}». Antes se guardó un respaldo verificado.`,
        autoClose: 6000
      })
      // A package can touch any screen's data: everything is read again, a list read page by
      // page from its first page only (every page loaded was read again: 60 calls at ×10).
      await invalidarDesdeLaPrimera(qc, [])
    } finally {
      setOcupado(false)
    }
  }

  return {
    archivo,
    vista,
    elecciones,
    elegirConflicto,
    recalculando,
    faltan,
    error,
    ocupado,
    hecho,
    elegir,
    importar
  }
}
