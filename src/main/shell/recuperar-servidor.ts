import { dialog } from 'electron'

export type EleccionServidor = 'reintentar' | 'editar' | 'local' | 'salir'

/**
 * The server configured in Configuración could not be opened: says why (Spanish, from the core)
 * and lets the user retry, edit the connection, or go back to the local file, explicitly and
 * after a confirmation. Never falls back by itself.
 */
export async function recuperarServidor(
  problema: string,
  servidor: string
): Promise<EleccionServidor> {
  for (;;) {
    const { response } = await dialog.showMessageBox({
      type: 'error',
      title: 'Secretaría MITP — base de datos compartida',
      message: 'No se pudo abrir la base de datos compartida',
      detail: `${problema}\n\nServidor configurado: ${servidor}`,
      buttons: ['Reintentar', 'Editar la conexión…', 'Volver al archivo local…', 'Salir'],
      defaultId: 0,
      cancelId: 3,
      noLink: true
    })
    if (response === 0) return 'reintentar'
    if (response === 1) return 'editar'
    if (response === 3) return 'salir'
    if (await confirmarLocal()) return 'local'
  }
}

/** Going back to the local file: the data there is not the server's, so it is asked first. */
export async function confirmarLocal(): Promise<boolean> {
  const { response } = await dialog.showMessageBox({
    type: 'warning',
    title: 'Secretaría MITP — volver al archivo local',
    message: '¿Dejar de usar el servidor y abrir el archivo local de este equipo?',
    detail:
      'Verá los datos guardados en este equipo, no los del servidor: lo que otras personas registren en el servidor no aparecerá aquí. Puede volver al servidor en Configuración → Base de datos compartida.',
    buttons: ['Volver al archivo local', 'Cancelar'],
    defaultId: 1,
    cancelId: 1,
    noLink: true
  })
  return response === 0
}

/** Editing the connection with no database open: only Configuración works until it is saved. */
export async function avisarEdicion(): Promise<void> {
  await dialog.showMessageBox({
    type: 'info',
    title: 'Secretaría MITP — editar la conexión',
    message: 'Corrija la conexión en Configuración → Base de datos compartida',
    detail:
      'No hay base de datos abierta: el resto de la aplicación no mostrará datos. Al guardar (o al volver al archivo local) la aplicación se reiniciará.',
    noLink: true
  })
}
