import { Text } from '@mantine/core'
import { modals } from '@mantine/modals'

/** Asks a yes/no question in a dialog; resolves to the answer (closing it is a no). */
export function preguntar(titulo: string, pregunta: string, si: string): Promise<boolean> {
  return new Promise((resolve) => {
    let respondido = false
    const responder = (r: boolean) => {
      if (respondido) return
      respondido = true
      resolve(r)
    }
    modals.openConfirmModal({
      title: titulo,
      children: <Text size="sm">{pregunta}</Text>,
      labels: { confirm: si, cancel: 'Cancelar' },
      onConfirm: () => responder(true),
      onCancel: () => responder(false),
      onClose: () => responder(false)
    })
  })
}
