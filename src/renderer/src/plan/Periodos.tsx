import { useState, type ReactNode } from 'react'
import { Alert, Button, Group, Select, Text } from '@mantine/core'
import { modals } from '@mantine/modals'
import type { PlanResumen } from '../../../shared/domain/plan'
import { formatFecha } from '../../../shared/domain/fechas'
import { useApiQuery } from '../api/queries'
import { useEscribir } from '../api/escrituras'
import type { FormSpec } from '../components/EntityForm'
import { notifyError, notifySaved } from '../components/notify'
import { useRuta } from '../ruta'
import { nuevoPeriodoForm, rotuloPeriodo } from './periodos-forms'
import { CompararDialog } from './CompararDialog'

/** The current period: the one that starts last (the order plan:listar gives). */
export const vigenteDe = (planes: PlanResumen[] | undefined): string | undefined =>
  planes?.at(-1)?.id

/**
 * The plan's periods: which one is shown (the current one unless another is chosen), a new one
 * copied from it, two compared, and this one closed (read-only from then on).
 */
export function Periodos(props: { plan: PlanResumen; onForm: (f: FormSpec) => void }): ReactNode {
  const { plan } = props
  const { data: planes } = useApiQuery('plan:listar', {})
  const [, navegar] = useRuta()
  const escribir = useEscribir()
  const [comparar, setComparar] = useState(false)
  const vigente = vigenteDe(planes)
  const abrir = (id: string) => navegar(`/plan?plan=${encodeURIComponent(id)}`)
  const cerrar = () =>
    modals.openConfirmModal({
      title: 'Cerrar período',
      children: (
        <Text size="sm">
          Al cerrar «{plan.nombre}» sus ejes, objetivos, acciones, metas e indicadores quedan de
          sólo lectura y no se pueden volver a editar. Las sesiones y acuerdos que los citan no
          cambian. ¿Desea cerrarlo?
        </Text>
      ),
      labels: { confirm: 'Cerrar período', cancel: 'Cancelar' },
      cancelProps: { 'data-autofocus': true },
      onConfirm: async () => {
        const r = await escribir('plan:cerrar', { id: plan.id })
        if (r.ok) notifySaved('Período cerrado.')
        else notifyError('No se pudo cerrar el período', r.error)
      }
    })
  return (
    <>
      <Group align="flex-end">
        <Select
          label="Período"
          w={380}
          allowDeselect={false}
          data={(planes ?? [plan]).map((p) => ({ value: p.id, label: rotuloPeriodo(p, vigente) }))}
          value={plan.id}
          onChange={(id) => id && abrir(id)}
        />
        <Button variant="default" onClick={() => props.onForm(nuevoPeriodoForm(plan, abrir))}>
          Nuevo período a partir de este
        </Button>
        <Button
          variant="default"
          disabled={(planes?.length ?? 0) < 2}
          onClick={() => setComparar(true)}
        >
          Comparar períodos
        </Button>
        {/* Only an earlier period is closed: the current one is always editable. */}
        {!plan.cerradoAt && plan.id !== vigente && (
          <Button variant="subtle" color="red" onClick={cerrar}>
            Cerrar período
          </Button>
        )}
      </Group>
      {plan.cerradoAt && (
        <Alert color="gray" title="Período cerrado">
          Cerrado el {formatFecha(plan.cerradoAt.slice(0, 10))}: se puede consultar, pero no
          modificar. Para cambiarlo, cree un nuevo período a partir de este.
        </Alert>
      )}
      {comparar && planes && (
        <CompararDialog planes={planes} actual={plan.id} onClose={() => setComparar(false)} />
      )}
    </>
  )
}
