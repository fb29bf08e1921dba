import { useState, type ReactNode } from 'react'
import {
  Alert,
  Button,
  Group,
  NumberInput,
  PasswordInput,
  Select,
  Stack,
  Text,
  TextInput,
  Title
} from '@mantine/core'
import { useForm, type UseFormReturnType } from '@mantine/form'
import {
  conexionSchema,
  ETIQUETAS_TLS,
  MODOS_TLS,
  type EstadoBaseDatos,
  type ModoTlsConexion
} from '../../../shared/base-datos/contract'
import { call } from '../api/client'
import { useApiQuery } from '../api/queries'
import { notifyError, notifySaved } from '../components/notify'
import { preguntar } from '../components/preguntar'
import { validarCon } from '../forms/validar'

interface Valores {
  host: string
  puerto: number | string
  base: string
  usuario: string
  tls: ModoTlsConexion
  ca: string
  clave: string
}

// An empty port field is '' in Mantine: 0 here, refused by the schema with its message.
const entrada = (v: Valores) => ({ ...v, puerto: Number(v.puerto), ca: v.ca.trim() || null })

function iniciales(e: EstadoBaseDatos): Valores {
  const c = e.configurada
  return c.tipo === 'servidor'
    ? { ...c, ca: c.ca ?? '', clave: '' }
    : { host: '', puerto: 5432, base: '', usuario: '', tls: 'preferido', ca: '', clave: '' }
}

type Aviso = { ok: boolean; mensaje: string } | null

/** Configuración → «Base de datos compartida»: a PostgreSQL server instead of the local file. */
export function BaseDatosSeccion(): ReactNode {
  const estado = useApiQuery('conexion:estado', undefined)
  return (
    <>
      <Title order={2} size="h3" mt="lg">
        Base de datos compartida
      </Title>
      <Text size="sm">
        Para que varias personas trabajen en los mismos datos, la aplicación puede usar una base
        PostgreSQL del servidor del ministerio en vez del archivo de este equipo. Informática le
        entrega los datos de conexión. Nunca se cambia sola de uno a otro.
      </Text>
      {estado.data ? (
        <FormularioConexion key={JSON.stringify(estado.data.configurada)} estado={estado.data} />
      ) : (
        <Text size="sm" c="dimmed">
          {estado.error ? estado.error.message : 'Cargando…'}
        </Text>
      )}
    </>
  )
}

function FormularioConexion(props: { estado: EstadoBaseDatos }): ReactNode {
  const { estado } = props
  const [aviso, setAviso] = useState<Aviso>(null)
  const [ocupado, setOcupado] = useState<'probar' | 'guardar' | null>(null)
  const form = useForm<Valores>({
    mode: 'controlled',
    initialValues: iniciales(estado),
    validate: validarCon(conexionSchema, entrada)
  })
  const conServidor = estado.configurada.tipo === 'servidor'
  const tras = estado.reinicia
    ? 'La aplicación se reiniciará.'
    : 'Reinicie el servicio para usarla.'
  const probar = form.onSubmit(async (v) => {
    setOcupado('probar')
    setAviso(null)
    const r = await call('conexion:probar', entrada(v))
    setOcupado(null)
    if (!r.ok) {
      if (r.error.fields) form.setErrors(r.error.fields)
      return setAviso({ ok: false, mensaje: r.error.message })
    }
    setAviso({ ok: r.value.ok, mensaje: r.value.mensaje })
  })
  const guardar = async (): Promise<void> => {
    if (form.validate().hasErrors) return
    const si = await preguntar(
      'Usar la base de datos compartida',
      `Desde ahora la aplicación abrirá la base del servidor ${form.values.host}, no el archivo de este equipo (sus datos no se copian solos). ${tras}`,
      'Guardar y reiniciar',
      'cancelar'
    )
    if (!si) return
    setOcupado('guardar')
    const r = await call('conexion:guardar', entrada(form.values))
    setOcupado(null)
    if (!r.ok) {
      if (r.error.fields) form.setErrors(r.error.fields)
      setAviso({ ok: false, mensaje: r.error.message })
      return notifyError('No se guardó la conexión', r.error)
    }
    setAviso({ ok: true, mensaje: `Conexión guardada. ${tras}` })
    notifySaved(`Conexión guardada. ${tras}`)
  }
  return (
    <form onSubmit={probar} noValidate aria-label="Base de datos compartida">
      <Stack>
        <Text size="sm">
          En uso ahora: <strong>{estado.enUso}</strong>
        </Text>
        <Campos form={form} estado={estado} />
        {aviso && (
          <Alert color={aviso.ok ? 'green' : 'red'} role="status" data-testid="aviso-base-datos">
            {aviso.mensaje}
          </Alert>
        )}
        <Group>
          <Button type="submit" variant="light" loading={ocupado === 'probar'}>
            Probar conexión
          </Button>
          <Button loading={ocupado === 'guardar'} onClick={() => void guardar()}>
            Guardar y reiniciar
          </Button>
          {conServidor && <BotonLocal tras={tras} setAviso={setAviso} />}
        </Group>
      </Stack>
    </form>
  )
}

/** Back to the local file: explicit, after a confirmation (switching is never silent). */
function BotonLocal(props: { tras: string; setAviso: (a: Aviso) => void }): ReactNode {
  const { tras, setAviso } = props
  const [ocupado, setOcupado] = useState(false)
  const volver = async (): Promise<void> => {
    const si = await preguntar(
      'Volver al archivo local',
      `La aplicación dejará de usar el servidor y abrirá el archivo de este equipo: verá los datos guardados aquí, no los del servidor. ${tras}`,
      'Volver al archivo local',
      'cancelar'
    )
    if (!si) return
    setOcupado(true)
    const r = await call('conexion:local', undefined)
    setOcupado(false)
    if (!r.ok) return notifyError('No se pudo volver al archivo local', r.error)
    setAviso({ ok: true, mensaje: `Se usará el archivo local. ${tras}` })
  }
  return (
    <Button variant="default" loading={ocupado} onClick={() => void volver()}>
      Volver al archivo local
    </Button>
  )
}

/** The connection's fields; the CA file through the system's chooser where the host has one. */
function Campos(props: { form: UseFormReturnType<Valores>; estado: EstadoBaseDatos }): ReactNode {
  const { form, estado } = props
  const elegirCa = async (): Promise<void> => {
    const r = await call('conexion:certificado', undefined)
    if (!r.ok) return notifyError('No se pudo elegir el archivo', r.error)
    if (r.value.archivo) form.setFieldValue('ca', r.value.archivo)
  }
  return (
    <>
      <Group grow align="flex-start">
        <TextInput
          label="Servidor"
          placeholder="db.ministerio.cl"
          {...form.getInputProps('host')}
        />
        <NumberInput
          label="Puerto"
          min={1}
          max={65535}
          allowDecimal={false}
          hideControls
          {...form.getInputProps('puerto')}
        />
      </Group>
      <Group grow align="flex-start">
        <TextInput label="Base de datos" {...form.getInputProps('base')} />
        <TextInput label="Usuario" autoComplete="off" {...form.getInputProps('usuario')} />
      </Group>
      <Select
        label="Conexión segura (TLS)"
        allowDeselect={false}
        data={MODOS_TLS.map((m) => ({ value: m, label: ETIQUETAS_TLS[m] }))}
        {...form.getInputProps('tls')}
      />
      <Group align="flex-end">
        <TextInput
          style={{ flex: 1 }}
          label="Certificado de la autoridad (CA), opcional"
          description="Archivo .pem que entrega informática, para verificar el servidor."
          placeholder="/ruta/al/certificado.pem"
          {...form.getInputProps('ca')}
        />
        {estado.eligeArchivos && (
          <Button variant="default" onClick={() => void elegirCa()}>
            Elegir archivo…
          </Button>
        )}
      </Group>
      <PasswordInput
        label="Contraseña"
        autoComplete="new-password"
        description={descripcionClave(estado)}
        {...form.getInputProps('clave')}
      />
    </>
  )
}

function descripcionClave(e: EstadoBaseDatos): string {
  if (e.sinAlmacenSeguro) return `${e.sinAlmacenSeguro} «Probar conexión» sí la usa, sin guardarla.`
  if (e.configurada.tipo === 'servidor' && e.configurada.claveGuardada)
    return 'Hay una contraseña guardada, cifrada por el sistema. Déjela vacía para conservarla (solo con el mismo servidor, usuario, modo TLS y certificado).'
  return 'Se guarda cifrada por el sistema del equipo; vacía si el servidor no la pide.'
}
