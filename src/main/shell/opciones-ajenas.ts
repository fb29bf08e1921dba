/**
 * The command-line switches the installed app refuses, in every spelling that reaches Chromium
 * or Node: Chromium takes a switch after "--", "-" (and "/" on Windows, where it also ignores
 * case); Node takes "_" for "-" in an option's name. So "-inspect", "--INSPECT", "/inspect",
 * "--inspect_brk=9229" all name the inspector. No Electron import: testable under Node.
 */

/**
 * Switches that would let another program drive the trusted page (remote debugging, devtools) or
 * the main process (inspector, V8 flags): no fuse covers Chromium's. Each also refuses its
 * longer forms ("inspect" refuses "inspect-brk", "inspect-port", "inspect-publish-uid").
 */
export const OPCIONES_AJENAS = [
  'remote-debugging-port',
  'remote-debugging-pipe',
  'remote-debugging-address',
  'remote-debugging-targets',
  'remote-allow-origins',
  'auto-open-devtools-for-tabs',
  'inspect',
  'debug',
  'js-flags'
] as const

/**
 * The switch an argument names, the way the most lenient reader would take it: leading dashes
 * or a slash dropped, lower case, "_" as "-", up to any "=" (a value); null for a plain argument.
 */
export function nombreDeOpcion(arg: string): string | null {
  const m = /^\s*(?:-+|\/)([^=-][^=]*)/.exec(arg)
  if (!m) return null
  return m[1]!.trim().toLowerCase().replace(/_/g, '-')
}

/** True when the argument is one of OPCIONES_AJENAS (or a longer form of one), however spelled. */
export function esOpcionAjena(arg: string): boolean {
  const nombre = nombreDeOpcion(arg)
  return nombre !== null && OPCIONES_AJENAS.some((s) => nombre === s || nombre.startsWith(`${s}-`))
}
