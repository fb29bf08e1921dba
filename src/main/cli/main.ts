import { runCli } from './index'

runCli(
  process.argv.slice(2),
  (s) => process.stdout.write(`${s}\n`),
  (s) => process.stderr.write(`${s}\n`)
).then((code) => {
  process.exitCode = code
})
