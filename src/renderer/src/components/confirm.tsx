import { Text } from '@mantine/core'
import { modals } from '@mantine/modals'

/** Asks before anything is deleted; says what else goes with it. */
export function confirmDelete(
  que: string,
  consecuencia: string | null,
  onConfirm: () => void
): void {
  modals.openConfirmModal({
    title: `Eliminar ${que}`,
    children: (
      <Text size="sm">
        ¿Está seguro de que desea eliminar {que}?{consecuencia ? ` ${consecuencia}` : ''} Esta
        acción no se puede deshacer.
      </Text>
    ),
    labels: { confirm: 'Eliminar', cancel: 'Cancelar' },
    confirmProps: { color: 'red' },
    // Destructive: Enter must not delete, so focus starts on Cancelar.
    cancelProps: { 'data-autofocus': true },
    onConfirm
  })
}
