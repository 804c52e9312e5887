/**
 * Structured JSON logs (pino). Application logs carry no personal data (DESIGN.md "Who may see
 * what"): never message text or card input, and ids only as a short hash that lets an operator
 * follow one user or conversation through the logs without learning who it is.
 */
import { createHash } from 'node:crypto';
import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config';

export type { Logger } from 'pino';

export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'convenantbot' },
      // Belt and braces: should someone log a whole activity or config anyway, these stay out.
      redact: {
        paths: ['text', '*.text', 'value', '*.value', 'attachments', '*.attachments', 'appPassword', '*.appPassword'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

/** A stable, non-reversible short form of an id for log correlation. */
export function hashId(id: string | undefined): string | undefined {
  if (!id) return undefined;
  return createHash('sha256').update(id).digest('hex').slice(0, 12);
}
