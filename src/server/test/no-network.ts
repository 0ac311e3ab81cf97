import net from 'node:net';

// Tests may talk to this machine only (the app under test, a local PostgreSQL server).
const originalConnect = net.Socket.prototype.connect;
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', undefined]);
net.Socket.prototype.connect = function connect(this: net.Socket, ...args: unknown[]) {
  const first = args[0] as { host?: string; path?: string } | number | string;
  const host = typeof first === 'object' && first !== null ? first.host : typeof args[1] === 'string' ? args[1] : undefined;
  const isSocketPath = typeof first === 'object' && first !== null && Boolean(first.path);
  if (!isSocketPath && !LOCAL_HOSTS.has(host)) throw new Error(`Outbound network is refused in tests (tried ${String(host)})`);
  return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;
