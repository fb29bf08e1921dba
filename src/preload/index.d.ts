import type { PreloadApi } from '../shared/api/contract'

declare global {
  interface Window {
    /** Present in the Electron app; absent in a plain browser (the HTTP bridge is used). */
    mitp?: PreloadApi
  }
}

export {}
