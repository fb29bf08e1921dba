// Preload for tools that phone home (electronegativity fetches translations on every run):
// any connection to a host other than this machine fails at once, before a packet leaves.
const dns = require('node:dns')
const net = require('node:net')
const LOCAL = new Set(['localhost', '127.0.0.1', '::1'])
const refuse = (host) =>
  Object.assign(new Error(`network disabled: ${host}`), { code: 'ENOTFOUND' })
const origLookup = dns.lookup
dns.lookup = function (host, ...rest) {
  const cb = rest[rest.length - 1]
  if (!LOCAL.has(host)) return process.nextTick(() => cb(refuse(host)))
  return origLookup.call(this, host, ...rest)
}
dns.promises.lookup = async (host, ...rest) => {
  if (!LOCAL.has(host)) throw refuse(host)
  return require('node:dns').promises.lookup(host, ...rest)
}
const origConnect = net.Socket.prototype.connect
net.Socket.prototype.connect = function (...args) {
  const o = typeof args[0] === 'object' ? args[0] : { host: args[1] }
  if (o && o.host && !LOCAL.has(o.host)) throw refuse(o.host)
  return origConnect.apply(this, args)
}
