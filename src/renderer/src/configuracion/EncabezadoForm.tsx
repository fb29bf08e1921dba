import type { ReactNode } from 'react'
import {
  Button,
  FileInput,
  Group,
  Image,
  Input,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput
} from '@mantine/core'
import { useForm, type UseFormReturnType } from '@mantine/form'
import { configGuardarSchema, type ConfigDocumentos } from '../../../shared/actas/contract'
import { useEscribir } from '../api/escrituras'
import { notifyError, notifySaved } from '../components/notify'
import { validarCon } from '../forms/validar'

/**
 * The acta's header lines, logo, paper and city, checked by the contract's schema before
 * saving. The paper lays out both the DOCX and the PDF.
 */
export function EncabezadoForm(props: { config: ConfigDocumentos }): ReactNode {
  const escribir = useEscribir()
  const form = useForm<ConfigDocumentos>({
    mode: 'controlled',
    initialValues: props.config,
    validate: validarCon(configGuardarSchema, (v: ConfigDocumentos) => v)
  })
  const leerLogo = (file: File | null): void => {
    if (!file) return form.setFieldValue('logo', null)
    if (file.size > 500_000)
      return notifyError('Logo demasiado grande', {
        code: 'entrada_invalida',
        message: 'El logo no puede superar 500 KB.'
      })
    const reader = new FileReader()
    reader.onload = () => form.setFieldValue('logo', String(reader.result))
    reader.readAsDataURL(file)
  }
  const guardar = form.onSubmit(async (values) => {
    // What the page read: a setting someone else changed meanwhile is refused, not lost.
    const r = await escribir('config:guardar', { ...values, antes: props.config })
    if (!r.ok) {
      if (r.error.fields) form.setErrors(r.error.fields)
      return notifyError('No se pudo guardar', r.error)
    }
    notifySaved('Configuración de documentos guardada.')
    form.setValues(r.value)
    form.resetDirty(r.value)
  })
  const { logo } = form.values
  return (
    <form onSubmit={guardar} noValidate>
      <Stack>
        <Textarea
          label="Encabezado institucional (una línea por renglón)"
          autosize
          minRows={3}
          {...form.getInputProps('encabezado')}
        />
        <FileInput
          label="Logo (PNG o JPEG, hasta 500 KB)"
          accept="image/png,image/jpeg"
          clearable
          placeholder="Elegir archivo…"
          error={form.errors.logo}
          onChange={leerLogo}
        />
        {logo ? (
          <Image src={logo} alt="Logo actual" h={60} w="auto" fit="contain" />
        ) : (
          <Text size="sm" c="dimmed">
            Sin logo.
          </Text>
        )}
        <PapelYCiudad form={form} />
        <Group>
          <Button type="submit">Guardar</Button>
          {logo && (
            <Button variant="default" onClick={() => form.setFieldValue('logo', null)}>
              Quitar logo
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  )
}

/** The paper both documents are laid out on, and the city of the acta's opening formula. */
function PapelYCiudad(props: { form: UseFormReturnType<ConfigDocumentos> }): ReactNode {
  const { form } = props
  return (
    <>
      <Input.Wrapper
        label="Papel de las actas (DOCX y PDF)"
        description="Carta: 21,6 × 27,9 cm. Oficio: 21,6 × 33 cm."
      >
        <div>
          <SegmentedControl
            aria-label="Papel de las actas"
            data={[
              { value: 'carta', label: 'Carta' },
              { value: 'oficio', label: 'Oficio' }
            ]}
            {...form.getInputProps('papel')}
          />
        </div>
      </Input.Wrapper>
      <TextInput
        label="Ciudad donde sesiona (para «En Santiago, a…»)"
        {...form.getInputProps('ciudad')}
      />
    </>
  )
}
