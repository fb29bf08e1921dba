import { contextBridge, ipcRenderer } from 'electron'
import type { PreloadApi } from '../shared/api/contract'
import { CANAL_EVENTOS, type Evento } from '../shared/api/eventos'

// Sandboxed preload: CommonJS, no dependencies. The page gets one function that forwards a
// contract call, and nothing else — never ipcRenderer itself. The main process binds only the
// contract's channels, checks the sender and parses the input.
const api: PreloadApi = {
  invoke: (channel, input) => ipcRenderer.invoke(channel, input),
  // Only the event itself reaches the page, never Electron's event object (it holds `sender`).
  alEvento: (escucha) => {
    const oyente = (_: unknown, evento: Evento): void => escucha(evento)
    ipcRenderer.on(CANAL_EVENTOS, oyente)
    return () => void ipcRenderer.removeListener(CANAL_EVENTOS, oyente)
  }
}

contextBridge.exposeInMainWorld('mitp', api)
