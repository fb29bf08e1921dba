import { contextBridge, ipcRenderer } from 'electron'
import type { PreloadApi } from '../shared/api/contract'

// Sandboxed preload: CommonJS, no dependencies. The page gets one function that forwards a
// contract call, and nothing else — never ipcRenderer itself. The main process binds only the
// contract's channels, checks the sender and parses the input.
const api: PreloadApi = {
  invoke: (channel, input) => ipcRenderer.invoke(channel, input)
}

contextBridge.exposeInMainWorld('mitp', api)
