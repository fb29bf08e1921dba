import { useRef, useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { notifications } from '@mantine/notifications'
import type { ResultadoImportacion, VistaPreviaPaquete } from '../../../shared/intercambio/contract'
import { call } from '../api/client'
import { leerBase64 } from '../api/leer-archivo'

export type Eleccion = 'mio' | 'suyo'

/** 20 MB, as the contract allows. */
const MAX_BYTES = 20 * 1024 * 1024

/**
 * Importing a package, step by step: the file is previewed as soon as it is chosen; each conflict
 * waits for the user's choice (none is chosen for them); the import writes only once all are.
 */
export function useImportarPaquete() {
  const qc = useQueryClient()
  const [archivo, setArchivo] = useState<{ nombre: string; base64: string } | null>(null)
  const [vista, setVista] = useState<VistaPreviaPaquete | null>(null)
  const [elecciones, setElecciones] = useState<Record<string, Eleccion>>({})
  const [error, setError] = useState<string | null>(null)
  const [ocupado, setOcupado] = useState(false)
  const [hecho, setHecho] = useState<ResultadoImportacion | null>(null)
  // Only the answer to the latest preview is shown: choices can be clicked faster than answered.
  const pedido = useRef(0)
  const [recalculando, setRecalculando] = useState(false)

  const elegir = async (file: File | null): Promise<void> => {
    pedido.current++
    setVista(null)
    setElecciones({})
    setError(null)
    setHecho(null)
    setArchivo(null)
    if (!file) return
    if (file.size > MAX_BYTES)
      return setError(`El archivo pesa ${(file.size / 1048576).toFixed(1)} MB; el máximo es 20 MB.`)
    setOcupado(true)
    try {
      const leido = { nombre: file.name, base64: await leerBase64(file) }
      setArchivo(leido)
      const r = await call('paquete:previsualizar', {
        archivo: leido.nombre,
        paquete: leido.base64
      })
      if (r.ok) setVista(r.value)
      else setError(r.error.message)
    } catch {
      setError('No se pudo leer el archivo. Vuelva a elegirlo.')
    } finally {
      setOcupado(false)
    }
  }

  /**
   * A choice may change the preview (which of two sessions keeps a number): it is asked again
   * with the choices so far; the conflicts stay as first listed, each with its choice.
   */
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
        elecciones: Object.entries(todas).map(([k, v]) => ({ clave: k, eleccion: v }))
      })
      if (n !== pedido.current) return
      if (r.ok) setVista((v) => (v ? { ...r.value, conflictos: v.conflictos } : v))
      else setError(r.error.message)
    } finally {
      if (n === pedido.current) setRecalculando(false)
    }
  }

  const faltan = vista ? vista.conflictos.filter((c) => !elecciones[c.clave]).length : 0

  const importar = async (): Promise<void> => {
    if (!archivo || !vista || faltan > 0) return
    pedido.current++
    setRecalculando(false)
    setOcupado(true)
    setError(null)
    try {
      const r = await call('paquete:importar', {
        archivo: archivo.nombre,
        paquete: archivo.base64,
        elecciones: Object.entries(elecciones).map(([clave, eleccion]) => ({ clave, eleccion }))
      })
      if (!r.ok) return setError(r.error.message)
      setHecho(r.value)
      setVista(null)
      setArchivo(null)
      setElecciones({})
      notifications.show({
        color: 'teal',
        title: 'Paquete importado',
        message: `Se importó el paquete de «${r.value.de.nombre}». Antes se guardó un respaldo verificado.`,
        autoClose: 6000
      })
      // A package can touch any screen's data: everything is read again.
      await qc.invalidateQueries()
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
