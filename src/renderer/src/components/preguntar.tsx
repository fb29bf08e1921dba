import { Text } from '@mantine/core'
import { modals } from '@mantine/modals'

/**
 * Asks a yes/no question in a dialog; resolves to the answer (closing it is a no). Focus starts
 * on the answer Enter should give: "si" for a reversible step, "cancelar" when the question is
 * there to catch a likely mistake.
 */
export function preguntar(
  titulo: string,
  pregunta: string,
  si: string,
  foco: 'si' | 'cancelar' = 'si'
): Promise<boolean> {
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
      confirmProps: foco === 'si' ? { 'data-autofocus': true } : {},
      cancelProps: foco === 'cancelar' ? { 'data-autofocus': true } : {},
      onConfirm: () => responder(true),
      onCancel: () => responder(false),
      onClose: () => responder(false)
    })
  })
}
