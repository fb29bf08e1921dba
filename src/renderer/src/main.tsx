import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { MantineProvider, createTheme } from '@mantine/core'
import { DatesProvider } from '@mantine/dates'
import { ModalsProvider } from '@mantine/modals'
import { Notifications } from '@mantine/notifications'
import { QueryClientProvider } from '@tanstack/react-query'
import { Router } from 'wouter'
import '@mantine/core/styles.css'
import '@mantine/notifications/styles.css'
import '@mantine/dates/styles.css'
import '@mantine/charts/styles.css'
import '@mantine/spotlight/styles.css'
import 'dayjs/locale/es'
import { App } from './App'
import { crearQueryClient } from './api/query-client'
import { consultaAntesDelHash, useRuta } from './ruta'

const theme = createTheme({ primaryColor: 'blue', defaultRadius: 'sm' })

const queryClient = crearQueryClient()

consultaAntesDelHash()
window.addEventListener('hashchange', consultaAntesDelHash)

const root = document.getElementById('root')
if (!root) throw new Error('Falta el elemento #root')

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <MantineProvider theme={theme}>
        {/* Calendars in Spanish, weeks from Monday, as in Chile. */}
        <DatesProvider settings={{ locale: 'es', firstDayOfWeek: 1 }}>
          <ModalsProvider labels={{ confirm: 'Aceptar', cancel: 'Cancelar' }}>
            <Notifications position="bottom-right" />
            <Router hook={useRuta}>
              <App />
            </Router>
          </ModalsProvider>
        </DatesProvider>
      </MantineProvider>
    </QueryClientProvider>
  </StrictMode>
)
