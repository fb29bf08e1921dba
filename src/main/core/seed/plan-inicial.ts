import { dialectoDe } from '../db/dialecto'
import { z } from 'zod'
import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../db/schema'
import { INDICADOR_TIPOS } from '../../../shared/domain/plan'
import { newId, nowStamp } from '../db/ids'
// The transcription is data: bundled with the app, checked here before it is written.
import seedJson from '../../../../resources/seed/plan-2013-2014.json'

const SEED_KEY = 'seed.plan-2013-2014'

const texto = z.string().min(1)
const seedSchema = z.object({
  plan: z.object({ nombre: texto, periodoDesde: texto, periodoHasta: texto }),
  instancias: z.array(
    z.object({
      codigo: texto,
      nombre: texto,
      coordinador: z.string().nullable(),
      secretariaActas: z.string().nullable()
    })
  ),
  ejes: z.array(
    z.object({
      codigo: texto,
      nombre: texto,
      objetivos: z.array(
        z.object({
          codigo: texto,
          texto,
          acciones: z.array(
            z.object({
              codigo: texto,
              texto,
              instancia: texto,
              responsables: z.string(),
              // Labels only where the source writes them otherwise than the matrix does.
              separadorCodigo: z.string().optional(),
              rotuloIndicadores: texto.optional(),
              metas: z.array(
                z.object({ rotulo: texto.optional(), texto, plazo: z.string().nullable() })
              ),
              indicadores: z.array(
                z.object({
                  texto,
                  tipo: z.enum(INDICADOR_TIPOS),
                  numerador: z.string().optional(),
                  denominador: z.string().optional(),
                  vineta: z.string().optional()
                })
              )
            })
          )
        })
      )
    })
  ),
  glosario: z.array(z.object({ sigla: texto, nombre: texto }))
})

export type PlanSeed = z.infer<typeof seedSchema>

export function planSeed(): PlanSeed {
  return seedSchema.parse(seedJson)
}

/**
 * First run: writes the 2013-2014 plan, its instancias and the glossary in one transaction,
 * once. A marker in app_settings keeps a user who deleted it from getting it back.
 */
export async function seedPlanInicial(db: Kysely<Database>): Promise<boolean> {
  const done = await db
    .selectFrom('app_settings')
    .select('key')
    .where('key', '=', SEED_KEY)
    .executeTakeFirst()
  if (done) return false
  const seed = planSeed()
  await db.transaction().execute(async (trx) => {
    const hasPlan = await trx.selectFrom('planes').select('id').executeTakeFirst()
    if (!hasPlan) await writeSeed(trx, seed)
    await trx
      .insertInto('app_settings')
      .values({ key: SEED_KEY, value: nowStamp(), updated_at: nowStamp() })
      .execute()
  })
  return true
}

type Trx = Transaction<Database>
type Stamps = { created_at: string; updated_at: string }
type AccionSeed = PlanSeed['ejes'][number]['objetivos'][number]['acciones'][number]

/** The instancias, in order; returns their ids by code. */
async function writeInstancias(
  trx: Trx,
  seed: PlanSeed,
  stamps: Stamps
): Promise<Map<string, string>> {
  const instanciaIds = new Map<string, string>()
  for (const [i, inst] of seed.instancias.entries()) {
    const id = newId()
    instanciaIds.set(inst.codigo, id)
    await trx
      .insertInto('instancias')
      .values({
        id,
        codigo: inst.codigo,
        nombre: inst.nombre,
        coordinador: inst.coordinador,
        secretaria_actas: inst.secretariaActas,
        orden: i + 1,
        ...stamps
      })
      .execute()
  }
  return instanciaIds
}

/** One acción with its metas and indicadores. */
async function writeAccion(
  trx: Trx,
  ids: { planId: string; objetivoId: string; instanciaId: string },
  acc: AccionSeed,
  orden: number,
  stamps: Stamps
): Promise<void> {
  const accionId = newId()
  await trx
    .insertInto('acciones')
    .values({
      id: accionId,
      plan_id: ids.planId,
      objetivo_id: ids.objetivoId,
      codigo: acc.codigo,
      texto: acc.texto,
      instancia_id: ids.instanciaId,
      responsables: acc.responsables,
      rotulo_indicadores: acc.rotuloIndicadores,
      separador_codigo: acc.separadorCodigo,
      orden,
      ...stamps
    })
    .execute()
  for (const [im, meta] of acc.metas.entries()) {
    await trx
      .insertInto('metas')
      .values({
        id: newId(),
        accion_id: accionId,
        texto: meta.texto,
        plazo: meta.plazo,
        rotulo: meta.rotulo,
        orden: im + 1,
        ...stamps
      })
      .execute()
  }
  for (const [ii, ind] of acc.indicadores.entries()) {
    await trx
      .insertInto('indicadores')
      .values({
        id: newId(),
        accion_id: accionId,
        texto: ind.texto,
        tipo: ind.tipo,
        numerador: ind.numerador ?? null,
        denominador: ind.denominador ?? null,
        vineta: ind.vineta,
        orden: ii + 1,
        ...stamps
      })
      .execute()
  }
}

/** The plan's ejes, objetivos and acciones, each in its order. */
async function writeArbol(
  trx: Trx,
  seed: PlanSeed,
  planId: string,
  instanciaIds: Map<string, string>,
  stamps: Stamps
): Promise<void> {
  for (const [ie, eje] of seed.ejes.entries()) {
    const ejeId = newId()
    await trx
      .insertInto('ejes')
      .values({
        id: ejeId,
        plan_id: planId,
        codigo: eje.codigo,
        nombre: eje.nombre,
        orden: ie + 1,
        ...stamps
      })
      .execute()
    for (const [io, obj] of eje.objetivos.entries()) {
      const objetivoId = newId()
      await trx
        .insertInto('objetivos')
        .values({
          id: objetivoId,
          plan_id: planId,
          eje_id: ejeId,
          codigo: obj.codigo,
          texto: obj.texto,
          orden: io + 1,
          ...stamps
        })
        .execute()
      for (const [ia, acc] of obj.acciones.entries()) {
        const instanciaId = instanciaIds.get(acc.instancia)
        if (!instanciaId) throw new Error(`seed: instancia ${acc.instancia} desconocida`)
        await writeAccion(trx, { planId, objetivoId, instanciaId }, acc, ia + 1, stamps)
      }
    }
  }
}

/**
 * The seed without the labels (columns of schema version 5), for a file at an earlier version:
 * tests build such files with this seed, as the app of that version wrote them. (Kysely leaves
 * out a column whose value is undefined.)
 */
async function segunEsquema(trx: Trx, seed: PlanSeed): Promise<PlanSeed> {
  // A server starts at schema 21 (postgres/esquema): it always has the labels.
  if (dialectoDe(trx) === 'postgres') return seed
  const { rows } =
    await sql`select 1 from pragma_table_info('metas') where name = 'rotulo'`.execute(trx)
  if (rows.length) return seed
  const sin: PlanSeed = JSON.parse(JSON.stringify(seed))
  for (const a of sin.ejes.flatMap((e) => e.objetivos.flatMap((o) => o.acciones))) {
    delete a.separadorCodigo
    delete a.rotuloIndicadores
    for (const m of a.metas) delete m.rotulo
    for (const i of a.indicadores) delete i.vineta
  }
  return sin
}

async function writeSeed(trx: Trx, original: PlanSeed): Promise<void> {
  const seed = await segunEsquema(trx, original)
  const stamp = nowStamp()
  const stamps = { created_at: stamp, updated_at: stamp }
  const instanciaIds = await writeInstancias(trx, seed, stamps)
  for (const [i, g] of seed.glosario.entries()) {
    await trx
      .insertInto('instituciones')
      .values({ id: newId(), sigla: g.sigla, nombre: g.nombre, orden: i + 1, ...stamps })
      .execute()
  }
  const planId = newId()
  await trx
    .insertInto('planes')
    .values({
      id: planId,
      nombre: seed.plan.nombre,
      periodo_desde: seed.plan.periodoDesde,
      periodo_hasta: seed.plan.periodoHasta,
      ...stamps
    })
    .execute()
  await writeArbol(trx, seed, planId, instanciaIds, stamps)
}
