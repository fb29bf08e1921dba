import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { Medicion } from '../../../shared/domain/sesiones'
import { porcentajeDe } from '../../../shared/domain/sesiones'
import type { ParsedInput } from '../../../shared/api/contract'
import { newId, nowStamp } from '../db/ids'
import { conflict, notFound } from '../errors'
import { leerParaEscribir, type Columnas } from '../concurrencia'
import { sesionEditable } from '../sesiones'
import { planDeFecha } from '../plan'

/**
 * A session reports on the acciones of its own period (planDeFecha, as its screen lists them):
 * an acción of another period (a closed one, say) is refused, unless this session already
 * reported on it (its screen shows that row, so it stays editable where the period allows).
 */
async function delPeriodoDeSesion(
  trx: Kysely<Database>,
  sesion: { fecha: string },
  accion: { plan_id: string; codigo: string },
  campo: string,
  yaGuardado: () => Promise<unknown>
): Promise<void> {
  if (accion.plan_id === (await planDeFecha(trx, sesion.fecha))) return
  if (await yaGuardado()) return
  throw conflict(
    `La acción ${accion.codigo} es de otro período del plan, no del de esta sesión (${sesion.fecha.split('-').reverse().join('-')}).`,
    campo
  )
}

/** What was reported on an acción in this session: one row per session and acción, upserted. */
export async function guardarAvance(
  db: Kysely<Database>,
  leido: ParsedInput<'avance:guardar'>
): Promise<null> {
  await db.transaction().execute(async (trx) => {
    const sesion = await sesionEditable(trx, leido.sesionId)
    const { valores: input, ...cas } = await leerParaEscribir(trx, {
      tabla: 'avances',
      clave: { sesion_id: leido.sesionId, accion_id: leido.accionId },
      columnas: { estado: 'estado', porcentaje: 'porcentaje', reporte: 'reporte' },
      input: leido,
      antes: leido.antes,
      noExiste: () => notFound('La acción'),
      // What the screen shows for an acción not reported on yet (sesion-detalle).
      vacio: { porcentaje: null, reporte: '' }
    })
    const accion = await trx
      .selectFrom('acciones')
      .select(['id', 'codigo', 'instancia_id', 'plan_id'])
      .where('id', '=', input.accionId)
      .executeTakeFirst()
    if (!accion) throw notFound('La acción')
    if (accion.instancia_id !== sesion.instancia_id) {
      throw conflict(
        `La acción ${accion.codigo} no corresponde a la instancia de esta sesión.`,
        'accionId'
      )
    }
    await delPeriodoDeSesion(trx, sesion, accion, 'accionId', () =>
      trx
        .selectFrom('avances')
        .select('id')
        .where('sesion_id', '=', sesion.id)
        .where('accion_id', '=', accion.id)
        .executeTakeFirst()
    )
    const stamp = nowStamp()
    const values = {
      estado: input.estado,
      porcentaje: input.porcentaje,
      reporte: input.reporte,
      accion_codigo: accion.codigo,
      updated_at: stamp
    }
    const r = await trx
      .insertInto('avances')
      .values({
        id: newId(),
        sesion_id: sesion.id,
        accion_id: accion.id,
        created_at: stamp,
        ...values
      })
      .onConflict((oc) =>
        oc.columns(['sesion_id', 'accion_id']).doUpdateSet(values).where(cas.comoSeLeyo)
      )
      .executeTakeFirst()
    if (!r.numInsertedOrUpdatedRows) throw cas.faltante()
  })
  return null
}

const COLUMNAS_MEDICION: Columnas<ParsedInput<'medicion:guardar'>> = {
  valor: 'valor',
  numerador: 'numerador',
  denominador: 'denominador',
  fechaCorte: 'fecha_corte',
  nota: 'nota'
}

/** The indicador a session may give a value for: of its instancia and period. */
async function indicadorDeSesion(
  trx: Kysely<Database>,
  sesion: { id: string; instancia_id: string; fecha: string },
  indicadorId: string
) {
  const ind = await trx
    .selectFrom('indicadores')
    .innerJoin('acciones', 'acciones.id', 'indicadores.accion_id')
    .select([
      'indicadores.id',
      'indicadores.texto',
      'indicadores.tipo',
      'indicadores.numerador',
      'indicadores.denominador',
      'acciones.codigo',
      'acciones.instancia_id',
      'acciones.plan_id'
    ])
    .where('indicadores.id', '=', indicadorId)
    .executeTakeFirst()
  if (!ind) throw notFound('El indicador')
  if (ind.instancia_id !== sesion.instancia_id) {
    throw conflict(
      `El indicador de la acción ${ind.codigo} no corresponde a la instancia de esta sesión.`,
      'indicadorId'
    )
  }
  await delPeriodoDeSesion(trx, sesion, ind, 'indicadorId', () =>
    trx
      .selectFrom('mediciones')
      .select('id')
      .where('sesion_id', '=', sesion.id)
      .where('indicador_id', '=', ind.id)
      .executeTakeFirst()
  )
  return ind
}

/** A measured value of an indicador at a cut-off date; a porcentaje is computed, never typed. */
export async function guardarMedicion(
  db: Kysely<Database>,
  leido: ParsedInput<'medicion:guardar'>
): Promise<Medicion> {
  return db.transaction().execute(async (trx) => {
    const sesion = await sesionEditable(trx, leido.sesionId)
    const { valores: input, ...cas } = await leerParaEscribir(trx, {
      tabla: 'mediciones',
      clave: { sesion_id: leido.sesionId, indicador_id: leido.indicadorId },
      columnas: COLUMNAS_MEDICION,
      input: leido,
      antes: leido.antes,
      noExiste: () => notFound('El indicador'),
      vacio: { valor: null, numerador: null, denominador: null, nota: '' }
    })
    const ind = await indicadorDeSesion(trx, sesion, input.indicadorId)
    const porcentaje = ind.tipo === 'porcentaje'
    if (porcentaje && (input.numerador === null || input.denominador === null)) {
      throw conflict('Indique numerador y denominador.', 'numerador')
    }
    const stamp = nowStamp()
    const values = {
      accion_codigo: ind.codigo,
      indicador_texto: ind.texto,
      tipo: ind.tipo,
      valor: porcentaje ? porcentajeDe(input.numerador, input.denominador) : input.valor,
      numerador: porcentaje ? input.numerador : null,
      denominador: porcentaje ? input.denominador : null,
      fecha_corte: input.fechaCorte,
      nota: input.nota,
      updated_at: stamp
    }
    const r = await trx
      .insertInto('mediciones')
      .values({
        id: newId(),
        sesion_id: sesion.id,
        indicador_id: ind.id,
        created_at: stamp,
        ...values
      })
      .onConflict((oc) =>
        oc.columns(['sesion_id', 'indicador_id']).doUpdateSet(values).where(cas.comoSeLeyo)
      )
      .executeTakeFirst()
    if (!r.numInsertedOrUpdatedRows) throw cas.faltante()
    return {
      indicadorId: ind.id,
      indicadorTexto: ind.texto,
      tipo: ind.tipo,
      numeradorTexto: ind.numerador,
      denominadorTexto: ind.denominador,
      valor: values.valor,
      numerador: values.numerador,
      denominador: values.denominador,
      porcentaje: porcentaje ? values.valor : null,
      fechaCorte: input.fechaCorte,
      nota: input.nota
    }
  })
}
