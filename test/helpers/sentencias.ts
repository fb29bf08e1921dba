import type { SqliteHandle } from '../../src/main/core/db/sqlite'

/** One statement run through the handle: how (all, run, get), its text, parameters and result. */
export interface Corrida {
  metodo: 'all' | 'run' | 'get'
  sql: string
  params: unknown[]
  resultado: unknown
}

/** The handle, telling `visto` of every statement kysely (or anyone) runs through it. */
export function observando(handle: SqliteHandle, visto: (c: Corrida) => void): SqliteHandle {
  return new Proxy(handle, {
    get(target, prop) {
      if (prop === 'prepare')
        return (sql: string) => {
          const stmt = target.prepare(sql)
          return new Proxy(stmt, {
            get(s, p) {
              const v = Reflect.get(s, p) as unknown
              if (p === 'all' || p === 'run' || p === 'get')
                return (...params: unknown[]) => {
                  const resultado = (v as (...a: unknown[]) => unknown).apply(s, params)
                  visto({ metodo: p, sql, params, resultado })
                  return resultado
                }
              return typeof v === 'function' ? (v as () => unknown).bind(s) : v
            }
          })
        }
      const v = Reflect.get(target, prop) as unknown
      return typeof v === 'function' ? (v as () => unknown).bind(target) : v
    }
  })
}
