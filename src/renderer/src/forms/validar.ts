import type { z } from 'zod'

/**
 * A @mantine/form `validate` from the contract's schema: the values are turned into the call's
 * input and checked by the same zod schema the main process uses, so the Spanish messages match.
 */
export function validarCon<V>(
  schema: z.ZodType,
  toInput: (values: V) => unknown
): (values: V) => Record<string, string> {
  return (values) => {
    const r = schema.safeParse(toInput(values))
    if (r.success) return {}
    const errors: Record<string, string> = {}
    for (const issue of r.error.issues) {
      const key = issue.path.map(String).join('.')
      if (key && !(key in errors)) errors[key] = issue.message
    }
    return errors
  }
}
