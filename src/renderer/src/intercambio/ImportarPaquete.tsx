import type { ReactNode } from 'react'
import {
  Alert,
  Button,
  FileInput,
  Group,
  List,
  Loader,
  Stack,
  Table,
  Text,
  Title
} from '@mantine/core'
import type {
  AcuerdoRenumeradoPaquete,
  ResultadoImportacion,
  EdicionRechazada,
  SesionRenumerada,
  VistaPreviaPaquete
} from '../../../shared/intercambio/contract'
import { SESION_TIPO_LABEL, type SesionTipo } from '../../../shared/domain/sesiones'
import { TABLA_LABEL } from '../../../shared/domain/historial'
import { preguntar } from '../components/preguntar'
import { ConflictoEleccion } from './ConflictoEleccion'
import { useImportarPaquete } from './use-importar-paquete'

/**
 * A package from another notebook: chosen, previewed (what it adds, changes and deletes, and the
 * conflicts, each to be chosen), confirmed, then imported after a verified backup.
 */
export function ImportarPaquete(): ReactNode {
  const imp = useImportarPaquete()
  const { vista } = imp
  const confirmar = async (): Promise<void> => {
    const si = await preguntar(
      'Importar paquete',
      `Se guardará un respaldo verificado de esta base de datos y luego se importará el paquete de «${vista?.de.nombre ?? ''}». ¿Continuar?`,
      'Importar'
    )
    if (si) await imp.importar()
  }
  return (
    <Stack>
      <Title order={2} size="h3">
        Importar paquete
      </Title>
      <Text size="sm">
        Elija el archivo .mitp que le entregaron. Antes de escribir nada verá qué trae y, si el
        mismo dato cambió en los dos equipos, podrá elegir cuál queda.
      </Text>
      <FileInput
        label="Paquete (.mitp)"
        accept=".mitp"
        placeholder="Elegir archivo…"
        clearable
        disabled={imp.ocupado}
        onChange={(f) => void imp.elegir(f)}
      />
      {imp.ocupado && <Loader size="sm" aria-label="Procesando el paquete" />}
      {imp.error && (
        <Alert color="red" title="No se pudo importar el paquete">
          {imp.error}
        </Alert>
      )}
      {vista && (
        <VistaPrevia vista={vista}>
          {vista.conflictos.map((c) => (
            <ConflictoEleccion
              key={c.clave}
              conflicto={c}
              eleccion={imp.elecciones[c.clave] ?? null}
              onElegir={(e) => imp.elegirConflicto(c.clave, e)}
            />
          ))}
        </VistaPrevia>
      )}
      {vista && (
        <Group>
          <Button
            disabled={imp.faltan > 0 || imp.ocupado || imp.recalculando}
            loading={imp.ocupado || imp.recalculando}
            onClick={() => void confirmar()}
          >
            Importar paquete
          </Button>
          {imp.faltan > 0 && (
            <Text size="sm" c="dimmed">
              Falta elegir {imp.faltan === 1 ? '1 conflicto' : `${imp.faltan} conflictos`}.
            </Text>
          )}
        </Group>
      )}
      {imp.hecho && <Importado hecho={imp.hecho} />}
    </Stack>
  )
}

/** What the import did: the backup taken first, and what was renumbered or refused. */
function Importado({ hecho }: { hecho: ResultadoImportacion }): ReactNode {
  return (
    <Alert color="teal" title="Paquete importado">
      Se importó el paquete de «{hecho.de.nombre}». Respaldo previo: {hecho.respaldo}
      {hecho.numeros.map((n) => (
        <Text key={`${n.lado}:${n.sesionId}`} size="sm">
          {renumerada(n)}
        </Text>
      ))}
      {(hecho.acuerdos ?? []).map((a) => (
        <Text key={`${a.lado}:${a.acuerdoId}`} size="sm">
          {acuerdoRenumerado(a)}
        </Text>
      ))}
      {(hecho.rechazadas ?? []).map((r, i) => (
        <Text key={i} size="sm">
          {rechazada(r)}
        </Text>
      ))}
    </Alert>
  )
}

function VistaPrevia(props: { vista: VistaPreviaPaquete; children: ReactNode }): ReactNode {
  const { vista } = props
  return (
    <Stack aria-label="Vista previa del paquete" component="section">
      <Text fw={500}>Paquete de «{vista.de.nombre}». Todavía no se ha importado nada.</Text>
      {vista.tablas.length === 0 ? (
        <Text size="sm">
          {vista.conflictos.length > 0 ? 'Aparte de los conflictos, no' : 'No'} trae filas nuevas,
          modificadas ni borradas.
        </Text>
      ) : (
        <Table withTableBorder maw={560} aria-label="Cambios por tabla">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Tabla</Table.Th>
              <Table.Th>Nuevas</Table.Th>
              <Table.Th>Modificadas</Table.Th>
              <Table.Th>Borradas</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {vista.tablas.map((t) => (
              <Table.Tr key={t.tabla} data-tabla={t.tabla}>
                <Table.Td>{TABLA_LABEL[t.tabla] ?? t.tabla}</Table.Td>
                <Table.Td>{t.agregadas}</Table.Td>
                <Table.Td>{t.modificadas}</Table.Td>
                <Table.Td>{t.borradas}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <AvisosSesiones vista={vista} />
      {vista.conflictos.length > 0 && (
        <>
          <Title order={3} size="h4">
            Conflictos ({vista.conflictos.length})
          </Title>
          <Text size="sm">
            Estos datos cambiaron aquí y en el otro equipo desde el último intercambio. Elija en
            cada uno qué versión queda.
          </Text>
          {props.children}
        </>
      )}
    </Stack>
  )
}

/** Approved actas that differ (kept apart, never merged) and sessions that change number. */
function AvisosSesiones(props: { vista: VistaPreviaPaquete }): ReactNode {
  const { vista } = props
  return (
    <>
      {vista.actasDistintas.map((a) => (
        <Alert key={a.sesionId} color="yellow" title="Acta aprobada distinta">
          {a.motivo === 'version'
            ? `El acta aprobada de la ${a.fila} es distinta en el paquete.`
            : `El paquete trae otra acta aprobada con el número de la ${a.fila}.`}{' '}
          Las actas aprobadas no se mezclan: se conserva la de aquí y la de «{vista.de.nombre}» se
          guarda aparte.
        </Alert>
      ))}
      {(vista.rechazadas ?? []).length > 0 && (
        <Alert color="orange" title="Cambios a actas aprobadas que no entran">
          <Text size="sm">
            Un acta aprobada no cambia en ningún equipo: queda como se selló. Lo hecho aquí se
            deshace y queda en el historial de la sesión.
          </Text>
          <List size="sm">
            {(vista.rechazadas ?? []).map((r, i) => (
              <List.Item key={i}>{rechazada(r)}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {vista.numeros.length > 0 && (
        <Alert color="blue" title="Sesiones con el mismo número">
          <List size="sm">
            {vista.numeros.map((n) => (
              <List.Item key={`${n.lado}:${n.sesionId}`}>{renumerada(n)}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {(vista.acuerdos ?? []).length > 0 && (
        <Alert color="blue" title="Acuerdos con el mismo número">
          <List size="sm">
            {(vista.acuerdos ?? []).map((a) => (
              <List.Item key={`${a.lado}:${a.acuerdoId}`}>{acuerdoRenumerado(a)}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </>
  )
}

const renumerada = (n: SesionRenumerada): string =>
  `La sesión ${SESION_TIPO_LABEL[n.tipo as SesionTipo] ?? n.tipo} N° ${n.antes}/${n.anio} de «${n.instancia}» ${n.lado === 'aqui' ? 'que está aquí' : 'que trae el paquete'} pasa a ser la N° ${n.despues}/${n.anio}: los dos equipos usaron ese número.`

const acuerdoRenumerado = (a: AcuerdoRenumeradoPaquete): string =>
  `El acuerdo N° ${a.antes} ${a.lado === 'aqui' ? 'que está aquí' : 'que trae el paquete'} en la ${a.sesion} pasa a ser el N° ${a.despues}: los dos equipos usaron ese número.`

const rechazada = (r: EdicionRechazada): string => {
  const cuando = new Date(r.en).toLocaleString('es-CL')
  return r.lado === 'aqui'
    ? `La ${r.sesion} se aprobó en el otro equipo sin ver este cambio hecho aquí (${cuando}), que se deshace: ${r.cambio}.`
    : `La ${r.sesion} está aprobada aquí; no entra este cambio de «${r.instalacion}» (${cuando}): ${r.cambio}.`
}
