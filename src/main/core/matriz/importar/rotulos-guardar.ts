import type { RotulosAccion } from '../rotulos'
import type { Trx } from './aplicar-filas'

/**
 * Keeps the labels the workbook writes for one acción (null: the usual one), after its metas and
 * indicadores were brought in line with it; a row is written only where its label changed.
 */
export async function guardarRotulos(
  trx: Trx,
  accionId: string,
  r: RotulosAccion,
  stamp: string
): Promise<void> {
  const accion = await trx
    .selectFrom('acciones')
    .select(['rotulo_indicadores', 'separador_codigo'])
    .where('id', '=', accionId)
    .executeTakeFirstOrThrow()
  if (accion.rotulo_indicadores !== r.indicadores || accion.separador_codigo !== r.separador)
    await trx
      .updateTable('acciones')
      .set({ rotulo_indicadores: r.indicadores, separador_codigo: r.separador, updated_at: stamp })
      .where('id', '=', accionId)
      .execute()
  const metas = await trx
    .selectFrom('metas')
    .select(['id', 'rotulo'])
    .where('accion_id', '=', accionId)
    .orderBy('orden')
    .orderBy('id')
    .execute()
  for (const [i, m] of metas.entries()) {
    const rotulo = r.metas[i] ?? null
    if (m.rotulo !== rotulo)
      await trx
        .updateTable('metas')
        .set({ rotulo, updated_at: stamp })
        .where('id', '=', m.id)
        .execute()
  }
  const indicadores = await trx
    .selectFrom('indicadores')
    .select(['id', 'vineta'])
    .where('accion_id', '=', accionId)
    .orderBy('orden')
    .orderBy('id')
    .execute()
  for (const [i, x] of indicadores.entries()) {
    const vineta = r.vinetas[i] ?? null
    if (x.vineta !== vineta)
      await trx
        .updateTable('indicadores')
        .set({ vineta, updated_at: stamp })
        .where('id', '=', x.id)
        .execute()
  }
}
