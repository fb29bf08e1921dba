import { BrowserWindow } from 'electron'
import { CANAL_EVENTOS, type Evento } from '../../shared/api/eventos'

/** Pushes every core event to every window, in the order the core emitted them. */
export function reenviarEventos(
  alEvento: (escucha: (evento: Evento) => void) => () => void
): () => void {
  return alEvento((evento) => {
    for (const w of BrowserWindow.getAllWindows())
      if (!w.isDestroyed()) w.webContents.send(CANAL_EVENTOS, evento)
  })
}
