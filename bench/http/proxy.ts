/**
 * A round-robin HTTP proxy for http.bench.ts, standing in for the load balancer in front of several
 * Stegvis instances: each request goes to the next instance in PROXY_TARGETS (`host:port,…`), over
 * keep-alive connections so that the proxy does not add a TCP handshake to every request. Started by
 * processes.ts with a port in BENCH_HELPER_PORT; tells its parent when it listens.
 */
import http from 'node:http';

const targets = (process.env.PROXY_TARGETS ?? '').split(',').map((target) => {
  const [host, port] = target.split(':');
  return { host, port: Number(port), agent: new http.Agent({ keepAlive: true, maxSockets: 256 }) };
});
let next = 0;

const server = http.createServer((request, response) => {
  const target = targets[next];
  next = (next + 1) % targets.length;
  const upstream = http.request(
    {
      host: target.host,
      port: target.port,
      agent: target.agent,
      method: request.method,
      path: request.url,
      headers: request.headers,
    },
    (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    },
  );
  upstream.on('error', (error) => {
    if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain' });
    response.end(`proxy: ${error.message}`);
  });
  request.pipe(upstream);
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.BENCH_HELPER_PORT), '127.0.0.1', () => process.send?.('ready'));
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
