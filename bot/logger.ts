/**
 * Structured JSON logs (pino). Application logs carry no personal data (DESIGN.md "Who may see
 * what"): never message text or card input, and ids only as a short hash that lets an operator
 * follow one user or conversation through the logs without learning who it is.
 */
import { createHash } from 'node:crypto';
import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config';

export type { Logger } from 'pino';

/** Activity content, secrets and connection strings, and the personal fields of a contact or candidate. */
const REDACTED_KEYS = [
  'text',
  'value',
  'attachments',
  'appPassword',
  'password',
  'MICROSOFT_APP_PASSWORD',
  'authorization',
  'token',
  'accessToken',
  'mongodbUri',
  'MONGODB_URI',
  'uri',
  'email',
  'candidate',
];
const REDACTED_PATHS = [
  ...REDACTED_KEYS.flatMap((key) => [key, `*.${key}`]),
  'headers.authorization',
  '*.headers.authorization',
  '*.*.headers.authorization',
  'err.request',
  'err.response',
];

export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'convenantbot' },
      // Belt and braces: should someone log a whole activity, config, request or HTTP error anyway,
      // these stay out. Paths match one level deep (pino has no `**`), so each is also listed under
      // `*.`; `err.request`/`err.response` are how botframework's RestError carries the bearer token.
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    destination,
  );
}

/** A stable, non-reversible short form of an id for log correlation. */
export function hashId(id: string | undefined): string | undefined {
  if (!id) return undefined;
  return createHash('sha256').update(id).digest('hex').slice(0, 12);
}
