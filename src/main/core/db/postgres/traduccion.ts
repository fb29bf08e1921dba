import {
  OperationNodeTransformer,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryId,
  type QueryResult,
  type RawNode,
  type RootOperationNode,
  type UnknownRow
} from 'kysely'

// The services' hand-written SQL tells SQLite's planner the join order with `cross join T a on …`
// (SQLite never reorders a CROSS JOIN). PostgreSQL plans joins itself and has no ON after CROSS
// JOIN: there the same words mean the inner join `join T a on …`. Translated here, in the one
// place the dialects' SQL text differs, so each statement is written once.
const CRUCE = /\bcross\s+join(\s+[\w."]+(?:\s+(?:as\s+)?(?!on\b)[\w"]+)?\s+on\b)/gi

export const traducirSql = (texto: string): string => texto.replace(CRUCE, 'join$1')

class Traductor extends OperationNodeTransformer {
  protected override transformRaw(node: RawNode, queryId?: QueryId): RawNode {
    const t = super.transformRaw(node, queryId)
    return { ...t, sqlFragments: t.sqlFragments.map(traducirSql) }
  }
}

export class SqliteAPostgres implements KyselyPlugin {
  readonly #traductor = new Traductor()

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#traductor.transformNode(args.node, args.queryId)
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result)
  }
}
