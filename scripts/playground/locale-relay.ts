/**
 * A loopback relay between the Agents Playground and the bot that gives every activity the
 * locale of a Dutch Teams client.
 *
 * Why: the playground writes `locale: "en-US"` into every activity it sends (messages, card
 * actions, installs; see its MessageActivityGenerator), with no setting to change it, and the bot
 * answers English to "en…" locales. Teams sends the user's own locale, which for the covenant's
 * users is nl-NL. Everything else passes through unchanged, including the bot's invoke responses.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LocaleRelay {
  /** Point the playground here instead of at the bot. */
  readonly url: string;
  /**
   * Resolves once no activity has been on its way to the bot for `quietMs`. The bot answers an
   * activity's HTTP request only after its turn (and every message it sent) is done.
   */
  idle(quietMs: number, timeoutMs: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startLocaleRelay(botUrl: string, locale: string): Promise<LocaleRelay> {
  let inFlight = 0;
  let lastSeen = Date.now();
  const server = createServer((req, res) => {
    inFlight += 1;
    lastSeen = Date.now();
    res.once('close', () => {
      inFlight -= 1;
      lastSeen = Date.now();
    });
    void (async () => {
      try {
        const body = await readBody(req);
        const response = await fetch(botUrl, {
          method: req.method,
          headers: forwardedHeaders(req),
          ...(body.length > 0 && { body: withLocale(body, locale) }),
        });
        const answer = Buffer.from(await response.arrayBuffer());
        const contentType = response.headers.get('content-type');
        res.writeHead(response.status, contentType ? { 'content-type': contentType } : {});
        res.end(answer);
      } catch (error) {
        // What the playground would see if the bot were down.
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`locale relay: ${(error as Error).message}`);
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/messages`,
    idle: async (quietMs, timeoutMs) => {
      const deadline = Date.now() + timeoutMs;
      while (inFlight > 0 || Date.now() - lastSeen < quietMs) {
        if (Date.now() > deadline)
          throw new Error(`locale relay: bot still busy after ${timeoutMs} ms (${inFlight} in flight)`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function forwardedHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of ['content-type', 'authorization', 'x-ms-agents-playground']) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  return headers;
}

/** Sets the activity's locale and its clientInfo entity's; anything that is not an activity passes as is. */
function withLocale(body: Buffer, locale: string): Buffer {
  let activity: unknown;
  try {
    activity = JSON.parse(body.toString('utf8'));
  } catch {
    return body;
  }
  if (activity === null || typeof activity !== 'object' || !('type' in activity)) return body;
  const patched = activity as { locale?: string; entities?: { type?: string; locale?: string }[] };
  patched.locale = locale;
  for (const entity of patched.entities ?? []) {
    if (entity.type === 'clientInfo') entity.locale = locale;
  }
  return Buffer.from(JSON.stringify(patched));
}
