import { runCli } from './index'

runCli(
  process.argv.slice(2),
  (s) => process.stdout.write(`${s}\n`),
  (s) => process.stderr.write(`${s}\n`)
).then((code) => {
  process.exitCode = code
  // Done once its output is written: a connection a server left half-open (node-pg keeps the
  // socket of a login refused for want of a password until the server's 60 s timeout) must not
  // hold the terminal. An empty write's callback runs after every earlier write has gone out.
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)))
})
