import { contextBridge, ipcRenderer } from 'electron'
import { CHANNELS } from '../shared/api/channels'
import type { PreloadApi } from '../shared/api/contract'

// Sandboxed preload: CommonJS, no dependencies. The page gets one function per contract
// channel and nothing else — never ipcRenderer itself.
const api = Object.fromEntries(
  CHANNELS.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(channel, input)])
) as PreloadApi

contextBridge.exposeInMainWorld('mitp', api)
