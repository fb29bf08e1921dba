import { notifications } from '@mantine/notifications'
import type { ApiError } from '../../../shared/api/result'

export function notifyError(title: string, error: ApiError): void {
  notifications.show({ color: 'red', title, message: error.message, autoClose: 8000 })
}

export function notifySaved(message = 'Cambios guardados.'): void {
  notifications.show({ color: 'teal', message, autoClose: 2500 })
}
