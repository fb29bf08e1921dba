import { app, dialog, Menu, type MenuItemConstructorOptions } from 'electron'

/** The native application menu, in Spanish, with the usual shortcuts. */
export function buildMenu(isDev: boolean, acciones: { restaurarRespaldo: () => void }): Menu {
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'Archivo',
      submenu: [
        { label: 'Restaurar un respaldo…', click: acciones.restaurarRespaldo },
        { type: 'separator' },
        { role: 'quit', label: 'Salir', accelerator: 'CmdOrCtrl+Q' }
      ]
    },
    {
      label: 'Editar',
      submenu: [
        { role: 'undo', label: 'Deshacer' },
        { role: 'redo', label: 'Rehacer' },
        { type: 'separator' },
        { role: 'cut', label: 'Cortar' },
        { role: 'copy', label: 'Copiar' },
        { role: 'paste', label: 'Pegar' },
        { role: 'selectAll', label: 'Seleccionar todo' }
      ]
    },
    {
      label: 'Ver',
      submenu: [
        { role: 'reload', label: 'Recargar' },
        ...(isDev
          ? [{ role: 'toggleDevTools', label: 'Herramientas de desarrollo' } as const]
          : []),
        { type: 'separator' },
        { role: 'resetZoom', label: 'Tamaño real' },
        { role: 'zoomIn', label: 'Acercar' },
        { role: 'zoomOut', label: 'Alejar' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: 'Pantalla completa' }
      ]
    },
    {
      label: 'Ayuda',
      submenu: [
        {
          label: 'Acerca de Secretaría MITP',
          click: () =>
            void dialog.showMessageBox({
              type: 'info',
              title: 'Acerca de',
              message: `Secretaría MITP ${app.getVersion()}`,
              detail:
                'Plan de acción, sesiones y actas de la Mesa Intersectorial sobre Trata de Personas. Funciona sin conexión; los datos quedan en este equipo.'
            })
        }
      ]
    }
  ]
  return Menu.buildFromTemplate(template)
}
