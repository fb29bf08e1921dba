import type { ReactNode } from 'react'
import { AppShell, Group, NavLink, Text, Title } from '@mantine/core'
import { Link, Route, Switch, useLocation } from 'wouter'
import { PlanScreen } from './screens/PlanScreen'
import { AccionScreen } from './screens/AccionScreen'
import { InstitucionesScreen } from './screens/InstitucionesScreen'
import { InstanciasScreen } from './screens/InstanciasScreen'
import { SesionesScreen } from './screens/SesionesScreen'
import { PersonasScreen } from './screens/PersonasScreen'
import { ConfiguracionScreen } from './screens/ConfiguracionScreen'
import { SesionScreen } from './sesion/SesionScreen'
import { useAvisosDelNucleo } from './components/use-avisos-nucleo'
import { TableroScreen } from './tablero/TableroScreen'
import { AcuerdosScreen } from './acuerdos/AcuerdosScreen'
import { useAvisoSemana } from './tablero/use-aviso-semana'
import { BusquedaSpotlight } from './busqueda/BusquedaSpotlight'
import { BusquedaScreen } from './busqueda/BusquedaScreen'
import { BotonBuscar } from './busqueda/BotonBuscar'
import { PerfilInicial } from './historial/PerfilInicial'
import { IntercambioScreen } from './intercambio/IntercambioScreen'

const NAV = [
  { href: '/', label: 'Tablero' },
  { href: '/plan', label: 'Plan de acción' },
  { href: '/sesiones', label: 'Sesiones y actas' },
  { href: '/acuerdos', label: 'Acuerdos' },
  { href: '/personas', label: 'Personas y miembros' },
  { href: '/instituciones', label: 'Glosario de instituciones' },
  { href: '/instancias', label: 'Instancias' },
  { href: '/intercambio', label: 'Intercambio' },
  { href: '/configuracion', label: 'Configuración' }
]

export function App(): ReactNode {
  useAvisosDelNucleo()
  useAvisoSemana()
  const [location] = useLocation()
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 'sm' }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Title order={2} size="h4">
            Secretaría MITP
          </Title>
          <BotonBuscar />
          <Text size="sm" c="dimmed">
            Mesa Intersectorial sobre Trata de Personas
          </Text>
        </Group>
        <BusquedaSpotlight />
        <PerfilInicial />
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Navegación principal">
        {NAV.map((n) => (
          <NavLink
            key={n.href}
            component={Link}
            href={n.href}
            label={n.label}
            active={
              n.href === '/'
                ? location === '/'
                : n.href === '/plan'
                  ? location.startsWith('/plan') || location.startsWith('/acciones')
                  : location.startsWith(n.href)
            }
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <Switch>
          <Route path="/">
            <TableroScreen />
          </Route>
          <Route path="/plan">
            <PlanScreen />
          </Route>
          <Route path="/buscar">
            <BusquedaScreen />
          </Route>
          <Route path="/acuerdos">
            <AcuerdosScreen />
          </Route>
          <Route path="/acciones/:id">{(p) => <AccionScreen key={p.id} id={p.id} />}</Route>
          <Route path="/instituciones">
            <InstitucionesScreen />
          </Route>
          <Route path="/instancias">
            <InstanciasScreen />
          </Route>
          <Route path="/sesiones">
            <SesionesScreen />
          </Route>
          <Route path="/sesiones/:id">{(p) => <SesionScreen key={p.id} id={p.id} />}</Route>
          <Route path="/personas">
            <PersonasScreen />
          </Route>
          <Route path="/intercambio">
            <IntercambioScreen />
          </Route>
          <Route path="/configuracion">
            <ConfiguracionScreen />
          </Route>
          <Route>
            <Text>Página no encontrada.</Text>
          </Route>
        </Switch>
      </AppShell.Main>
    </AppShell>
  )
}
