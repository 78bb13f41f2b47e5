import { BlockList, isIP } from 'node:net';
import { normalizeIp } from '../lib/ip-filter.js';

// Rails' request.remote_ip (ActionDispatch::RemoteIp): X-Forwarded-For is honoured when the
// peer is a trusted proxy (loopback or private addresses); the client is the right-most
// forwarded address that is not itself a trusted proxy, or the left-most if all are. Locally
// this lets tests and demos present another client address (for ip_filter) with one header.
const TRUSTED = new BlockList();
TRUSTED.addSubnet('127.0.0.0', 8, 'ipv4');
TRUSTED.addSubnet('10.0.0.0', 8, 'ipv4');
TRUSTED.addSubnet('172.16.0.0', 12, 'ipv4');
TRUSTED.addSubnet('192.168.0.0', 16, 'ipv4');
TRUSTED.addAddress('::1', 'ipv6');
TRUSTED.addSubnet('fc00::', 7, 'ipv6');

function isTrustedProxy(ip) {
  const type = isIP(ip);
  return type !== 0 && TRUSTED.check(ip, type === 4 ? 'ipv4' : 'ipv6');
}

export function remoteIp(request) {
  const peer = normalizeIp(request.raw.socket?.remoteAddress ?? '');
  const header = request.headers['x-forwarded-for'];
  if (typeof header !== 'string' || header.trim() === '' || !isTrustedProxy(peer)) return peer;
  const forwarded = header
    .split(',')
    .map(normalizeIp)
    .filter((ip) => isIP(ip) !== 0);
  const chain = [...forwarded, peer].reverse();
  return chain.find((ip) => !isTrustedProxy(ip)) ?? forwarded[0] ?? peer;
}
