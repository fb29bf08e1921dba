import { useState, type ReactNode } from 'react'
import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core'
import { useForm, type UseFormReturnType } from '@mantine/form'
import type { z } from 'zod'
import type { ApiResult } from '../../../shared/api/result'
import { useEscribir, type Escribir } from '../api/escrituras'
import { FechaInput } from '../fechas/FechaInput'
import { validarCon } from '../forms/validar'
import { notifyError, notifySaved } from './notify'

export type Values = Record<string, string>

export interface FieldSpec {
  name: string
  label: string
  kind: 'text' | 'textarea' | 'select' | 'date'
  options?: { value: string; label: string }[]
  description?: string
  required?: boolean
  visible?: (values: Values) => boolean
}

export interface FormSpec {
  title: string
  fields: FieldSpec[]
  initialValues: Values
  /** The contract's schema for the call this form makes. */
  schema: z.ZodType
  toInput: (values: Values) => unknown
  /**
   * The write, through `escribir` so that what it changed is read again. `antes`: the initial
   * values as input, what the form read (an update sends it; the core refuses it, stale, if
   * someone else changed those fields meanwhile).
   */
  save: (escribir: Escribir, input: unknown, antes: unknown) => Promise<ApiResult<unknown>>
  /** Extra controls under the fields (for example "read the deadline from the text"). */
  extra?: (form: UseFormReturnType<Values>) => ReactNode
}

/**
 * A screen's form dialog: `open(spec)` shows it; saving closes it (the write invalidates what
 * the screen shows) and calls `onSaved`, cancelling just closes it.
 */
export function useEntityForm(onSaved?: () => void): [(spec: FormSpec) => void, ReactNode] {
  const [spec, setSpec] = useState<FormSpec | null>(null)
  const modal = (
    <EntityFormModal
      spec={spec}
      onClose={() => setSpec(null)}
      onSaved={() => {
        setSpec(null)
        onSaved?.()
      }}
    />
  )
  return [setSpec, modal]
}

/** One dialog for every plan element: fields from a spec, validated by the contract's schema. */
export function EntityFormModal(props: {
  spec: FormSpec | null
  onClose: () => void
  onSaved: () => void
}): ReactNode {
  const { spec } = props
  return (
    <Modal opened={spec !== null} onClose={props.onClose} title={spec?.title} size="lg">
      {spec && (
        <EntityForm key={spec.title} spec={spec} onCancel={props.onClose} onSaved={props.onSaved} />
      )}
    </Modal>
  )
}

function EntityForm(props: {
  spec: FormSpec
  onCancel: () => void
  onSaved: () => void
}): ReactNode {
  const { spec } = props
  const [saving, setSaving] = useState(false)
  const escribir = useEscribir()
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: spec.initialValues,
    validate: validarCon(spec.schema, spec.toInput)
  })

  const submit = form.onSubmit(async (values) => {
    setSaving(true)
    const r = await spec.save(escribir, spec.toInput(values), spec.toInput(spec.initialValues))
    setSaving(false)
    if (!r.ok) {
      if (r.error.fields) form.setErrors(r.error.fields)
      notifyError('No se pudo guardar', r.error)
      return
    }
    notifySaved()
    props.onSaved()
  })

  return (
    <form
      onSubmit={submit}
      noValidate
      // Ctrl+Enter saves from anywhere, including a multi-line text.
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault()
          void submit()
        }
      }}
    >
      <Stack gap="sm">
        {spec.fields
          .filter((f) => !f.visible || f.visible(form.values))
          .map((f, i) => (
            <Field key={f.name} field={f} form={form} autoFocus={i === 0} />
          ))}
        {spec.extra?.(form)}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={props.onCancel}>
            Cancelar
          </Button>
          <Button type="submit" loading={saving} title="Guardar (Ctrl+Enter)">
            Guardar
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

function Field(props: {
  field: FieldSpec
  form: UseFormReturnType<Values>
  autoFocus: boolean
}): ReactNode {
  const { field: f, form } = props
  const common = {
    label: f.label,
    description: f.description,
    withAsterisk: f.required,
    // Mantine's modal focuses the element marked data-autofocus when it opens.
    'data-autofocus': props.autoFocus || undefined,
    ...form.getInputProps(f.name)
  }
  switch (f.kind) {
    case 'textarea':
      return <Textarea autosize minRows={3} maxRows={12} {...common} />
    case 'select':
      return (
        <Select
          data={f.options ?? []}
          clearable={!f.required}
          allowDeselect={!f.required}
          {...common}
        />
      )
    case 'date':
      return <FechaInput {...common} />
    default:
      return <TextInput {...common} />
  }
}
