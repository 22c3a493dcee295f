/**
 * A device's network, between it and the real team server: a TCP proxy on 127.0.0.1 that can be cut
 * (the laptop offline: every connection refused or reset) or made to lose the answer to a push after
 * the server has sent it (the server committed, the device never hears). Nothing is answered here:
 * every byte that arrives is the real server's.
 */
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface NetProxy {
  /** http://127.0.0.1:<port>: the address the device is given for the team server. */
  url: string;
  online: boolean;
  /** The next `count` pushes' answers are thrown away once the server has sent them, the connection reset. */
  dropPushResponses(count?: number): void;
  /** How many push answers were thrown away. */
  dropped: number;
  close(): Promise<void>;
}

export async function startNetProxy(target: string): Promise<NetProxy> {
  const to = new URL(target);
  const sockets = new Set<net.Socket>();
  let toDrop = 0;
  let online = true;
  const proxy = {
    url: '',
    dropped: 0,
    get online() {
      return online;
    },
    set online(value: boolean) {
      online = value;
      // Cut: the connections the device keeps alive go too, as they would with the Wi-Fi off.
      if (!value) for (const s of sockets) s.destroy();
    },
    dropPushResponses(count = 1) {
      toDrop = count;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  const server = net.createServer((client) => {
    if (!online) {
      client.destroy();
      return;
    }
    const upstream = net.connect(Number(to.port), to.hostname);
    sockets.add(client).add(upstream);
    let pushing = false;
    client.on('data', (chunk: Buffer) => {
      // Requests are small and start a chunk: the request line says whether this one is a push.
      const head = chunk.subarray(0, 200).toString('latin1');
      if (/^[A-Z]+ \//.test(head)) pushing = /^POST \/v1\/cases\/[^ ]+\/versions /.test(head);
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (pushing && toDrop > 0) {
        toDrop--;
        proxy.dropped++;
        client.destroy();
        upstream.destroy();
        return;
      }
      client.write(chunk);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}
