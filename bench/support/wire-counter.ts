/**
 * A TCP proxy in front of the database that counts the commands passing through it, by name:
 * each MongoDB wire-protocol message from the client is one round trip. Used only in a separate
 * counting phase (the extra hop would add to the timed turns otherwise).
 */
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface WireCounter {
  /** The same server's URI, through the proxy. */
  uri: string;
  counts: Map<string, number>;
  counting: boolean;
  close(): Promise<void>;
}

const OP_MSG = 2013;
/** Counts per command and collection (find nominations, insert claims, …). */
const BY_COLLECTION = true;

/** The command's name: the first key of the OP_MSG body section (kind 0). */
function commandName(message: Buffer): string {
  if (message.readInt32LE(12) !== OP_MSG || message[20] !== 0) return 'other';
  const end = message.indexOf(0, 26);
  if (end <= 26) return 'other';
  const name = message.toString('utf8', 26, end);
  // The command's value is the collection name (a BSON string, type 2) for the CRUD commands.
  if (message[25] !== 2 || !BY_COLLECTION) return name;
  const length = message.readInt32LE(end + 1);
  return `${name} ${message.toString('utf8', end + 5, end + 4 + length)}`;
}

export async function startWireCounter(uri: string): Promise<WireCounter> {
  const target = new URL(uri.replace(/^mongodb:/, 'http:'));
  const sockets = new Set<Socket>();
  const counter: WireCounter = { uri: '', counts: new Map(), counting: false, close: async () => {} };
  const server: Server = createServer((client) => {
    const upstream = createConnection(Number(target.port), target.hostname);
    sockets.add(client).add(upstream);
    let pending = Buffer.alloc(0);
    client.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 4 && pending.length >= pending.readInt32LE(0)) {
        const length = pending.readInt32LE(0);
        if (counter.counting) {
          const name = commandName(pending.subarray(0, length));
          counter.counts.set(name, (counter.counts.get(name) ?? 0) + 1);
        }
        pending = pending.subarray(length);
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => client.write(chunk));
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  counter.uri = `mongodb://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  counter.close = async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return counter;
}
