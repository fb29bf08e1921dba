import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { Miembro, Persona } from '../../../shared/domain/sesiones'
import type { ParsedInput } from '../../../shared/api/contract'
import { newId, nowStamp } from '../db/ids'
import { conflict, notFound } from '../errors'
import { leerParaEscribir } from '../concurrencia'

const personaQuery = (db: Kysely<Database>) =>
  db
    .selectFrom('personas')
    .leftJoin('instituciones', 'instituciones.id', 'personas.institucion_id')
    .selectAll('personas')
    .select('instituciones.sigla as sigla')

type PersonaJoin = Awaited<ReturnType<ReturnType<typeof personaQuery>['executeTakeFirstOrThrow']>>

const toPersona = (r: PersonaJoin): Persona => ({
  id: r.id,
  nombre: r.nombre,
  cargo: r.cargo,
  institucionId: r.institucion_id,
  institucionSigla: r.sigla,
  correo: r.correo,
  telefono: r.telefono
})

export async function listarPersonas(db: Kysely<Database>): Promise<Persona[]> {
  return (await personaQuery(db).orderBy('personas.nombre').execute()).map(toPersona)
}

export async function obtenerPersona(db: Kysely<Database>, id: string): Promise<Persona> {
  const row = await personaQuery(db).where('personas.id', '=', id).executeTakeFirst()
  if (!row) throw notFound('La persona')
  return toPersona(row)
}

async function assertInstitucion(db: Kysely<Database>, id: string | null): Promise<void> {
  if (
    id &&
    !(await db.selectFrom('instituciones').select('id').where('id', '=', id).executeTakeFirst())
  ) {
    throw conflict('La institución no existe.', 'institucionId')
  }
}

export async function crearPersona(
  db: Kysely<Database>,
  input: ParsedInput<'persona:crear'>
): Promise<Persona> {
  await assertInstitucion(db, input.institucionId)
  const stamp = nowStamp()
  const id = newId()
  await db
    .insertInto('personas')
    .values({
      id,
      nombre: input.nombre,
      cargo: input.cargo,
      institucion_id: input.institucionId,
      correo: input.correo,
      telefono: input.telefono,
      created_at: stamp,
      updated_at: stamp
    })
    .execute()
  return obtenerPersona(db, id)
}

export async function actualizarPersona(
  db: Kysely<Database>,
  leido: ParsedInput<'persona:actualizar'>
): Promise<Persona> {
  await db.transaction().execute(async (trx) => {
    const { valores: input, ...cas } = await leerParaEscribir(trx, {
      tabla: 'personas',
      clave: { id: leido.id },
      columnas: {
        nombre: 'nombre',
        cargo: 'cargo',
        institucionId: 'institucion_id',
        correo: 'correo',
        telefono: 'telefono'
      },
      input: leido,
      antes: leido.antes,
      noExiste: () => notFound('La persona')
    })
    await assertInstitucion(trx, input.institucionId)
    const r = await trx
      .updateTable('personas')
      .set({
        nombre: input.nombre,
        cargo: input.cargo,
        institucion_id: input.institucionId,
        correo: input.correo,
        telefono: input.telefono,
        updated_at: nowStamp()
      })
      .where('id', '=', input.id)
      .where(cas.comoSeLeyo)
      .executeTakeFirst()
    if (!r.numUpdatedRows) throw cas.faltante()
  })
  return obtenerPersona(db, leido.id)
}

export async function listarMiembros(
  db: Kysely<Database>,
  instanciaId: string
): Promise<Miembro[]> {
  const rows = await db
    .selectFrom('miembros')
    .select(['id', 'instancia_id', 'persona_id', 'calidad'])
    .where('instancia_id', '=', instanciaId)
    .execute()
  const personas = new Map((await listarPersonas(db)).map((p) => [p.id, p]))
  return rows
    .map((r) => ({
      id: r.id,
      instanciaId: r.instancia_id,
      persona: personas.get(r.persona_id)!,
      calidad: r.calidad
    }))
    .sort(
      (a, b) =>
        (a.persona.institucionSigla ?? '').localeCompare(b.persona.institucionSigla ?? '', 'es') ||
        a.calidad.localeCompare(b.calidad) * -1 ||
        a.persona.nombre.localeCompare(b.persona.nombre, 'es')
    )
}

export async function agregarMiembro(
  db: Kysely<Database>,
  input: ParsedInput<'miembro:agregar'>
): Promise<Miembro> {
  const persona = await obtenerPersona(db, input.personaId)
  if (!persona.institucionId) {
    throw conflict(
      'Indique la institución de la persona antes de agregarla como miembro.',
      'personaId'
    )
  }
  if (
    !(await db
      .selectFrom('instancias')
      .select('id')
      .where('id', '=', input.instanciaId)
      .executeTakeFirst())
  ) {
    throw notFound('La instancia')
  }
  const existing = await db
    .selectFrom('miembros')
    .select('id')
    .where('instancia_id', '=', input.instanciaId)
    .where('persona_id', '=', input.personaId)
    .executeTakeFirst()
  if (existing) throw conflict(`${persona.nombre} ya es miembro de esta instancia.`, 'personaId')
  const stamp = nowStamp()
  const id = newId()
  await db
    .insertInto('miembros')
    .values({
      id,
      instancia_id: input.instanciaId,
      persona_id: input.personaId,
      calidad: input.calidad,
      created_at: stamp,
      updated_at: stamp
    })
    .execute()
  return { id, instanciaId: input.instanciaId, persona, calidad: input.calidad }
}
