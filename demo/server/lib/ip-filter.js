import { BlockList, isIP } from 'node:net';

// Quizzes::Quiz#valid_ip?: the quiz's ip_filter is a comma-separated list of addresses or
// ranges ("10.0.0.0/8", "192.168.1.0/255.255.255.0", "203.0.113.7"); an entry Ruby's IPAddr
// cannot parse is ignored. (Canvas also resolves account-level named filters; the emulator has
// no accounts, so only literal entries are supported.)

export function normalizeIp(ip) {
  if (typeof ip !== 'string') return '';
  const trimmed = ip.trim();
  // IPv4 peers of a dual-stack socket arrive as ::ffff:a.b.c.d; IPAddr compares them as IPv4.
  return trimmed.startsWith('::ffff:') && isIP(trimmed.slice(7)) === 4 ? trimmed.slice(7) : trimmed;
}

function maskToPrefix(mask) {
  const bits = mask
    .split('.')
    .map((octet) => Number(octet).toString(2).padStart(8, '0'))
    .join('');
  return /^1*0*$/.test(bits) ? (bits.indexOf('0') === -1 ? 32 : bits.indexOf('0')) : null;
}

function compile(filter) {
  const list = new BlockList();
  for (const raw of filter.split(',')) {
    const entry = raw.trim();
    if (!entry) continue;
    const [addr, suffix] = entry.split('/');
    const type = isIP(addr);
    if (!type) continue;
    const family = type === 4 ? 'ipv4' : 'ipv6';
    if (suffix === undefined) {
      list.addAddress(addr, family);
      continue;
    }
    const prefix = /^\d+$/.test(suffix)
      ? Number(suffix)
      : type === 4 && isIP(suffix) === 4
        ? maskToPrefix(suffix)
        : null;
    if (prefix === null || prefix > (type === 4 ? 32 : 128)) continue;
    list.addSubnet(addr, prefix, family);
  }
  return list;
}

/** True when `ip` is covered by the quiz's `filter`. A blank filter means "no restriction". */
export function ipAllowedByFilter(filter, ip) {
  if (filter == null || String(filter).trim() === '') return true;
  const address = normalizeIp(ip);
  const type = isIP(address);
  if (!type) return false;
  return compile(String(filter)).check(address, type === 4 ? 'ipv4' : 'ipv6');
}
