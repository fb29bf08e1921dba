// Runs @doyensec/electronegativity through its documented programmatic API and writes its
// findings as JSON. Not the CLI: its CSV writer races (the header write can truncate the first
// finding) and the CLI drops the list of files it could not parse.
// Usage: node --require ./scripts/sin-red.cjs scripts/electronegativity.cjs OUT.json ELECTRON INPUT...
const fs = require('node:fs')
const run = require('@doyensec/electronegativity')

async function main() {
  const [out, electronVersion, ...inputs] = process.argv.slice(2)
  const scans = []
  for (const input of inputs) {
    const r = await run({ input, isRelative: true, electronVersionOverride: electronVersion })
    scans.push({
      input,
      checks: r.globalChecks + r.atomicChecks,
      errors: r.errors.map((e) => ({ file: e.file, message: e.message })),
      issues: r.issues.map((i) => ({
        id: i.id,
        severity: i.severity.name,
        confidence: i.confidence.name,
        file: i.file,
        line: i.location.line,
        column: i.location.column,
        sample: i.sample ?? ''
      }))
    })
  }
  fs.writeFileSync(out, JSON.stringify(scans, null, 2))
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
