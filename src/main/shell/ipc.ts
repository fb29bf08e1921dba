import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { CHANNELS } from '../../shared/api/channels'
import type { ApiResult } from '../../shared/api/result'
import type { Logger } from '../core/dispatch'

/**
 * Binds every contract channel to ipcMain.handle. Guarantees: a call from any frame that is
 * not our own page is refused before its input is read; every input is parsed by the
 * contract's schema (by the core's dispatch, in its worker); errors come back as typed results.
 */
export function bindIpc(
  call: (channel: string, input: unknown) => Promise<ApiResult<unknown>>,
  isTrustedUrl: (url: string) => boolean,
  log: Logger
): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(
      channel,
      (event: IpcMainInvokeEvent, input: unknown): Promise<ApiResult<unknown>> => {
        const url = event.senderFrame?.url ?? ''
        if (!isTrustedUrl(url)) {
          log(`IPC rechazado desde ${url || 'un marco desconocido'} (${channel})`)
          return Promise.resolve({
            ok: false,
            error: { code: 'no_autorizado', message: 'Acceso no autorizado.' }
          })
        }
        return call(channel, input)
      }
    )
  }
}

export function unbindIpc(): void {
  for (const channel of CHANNELS) ipcMain.removeHandler(channel)
}
