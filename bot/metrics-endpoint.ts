/**
 * GET /metrics: the Prometheus text exposition format 0.0.4. It holds no personal data, but it
 * does show how busy the covenant is; with METRICS_TOKEN set, only a request carrying
 * `Authorization: Bearer <METRICS_TOKEN>` gets it (docs/operations.md, "Who may read /metrics").
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type restify from 'restify';
import type { Logger } from './logger';
import type { BotMetrics } from './metrics';

export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export function metricsHandler(metrics: BotMetrics, token: string | undefined, logger: Logger) {
  return async (req: restify.Request, res: restify.Response): Promise<void> => {
    if (token !== undefined && !bearerMatches(req.headers.authorization, token)) {
      res.sendRaw(401, 'unauthorized\n', {
        'content-type': 'text/plain; charset=utf-8',
        'www-authenticate': 'Bearer realm="metrics"',
      });
      return;
    }
    try {
      res.sendRaw(200, await metrics.expose(), { 'content-type': METRICS_CONTENT_TYPE });
    } catch (error) {
      logger.warn({ err: { name: (error as Error).name, message: (error as Error).message } }, 'metrics failed');
      res.sendRaw(500, 'metrics failed\n', { 'content-type': 'text/plain; charset=utf-8' });
    }
  };
}

/**
 * Constant time: both sides are hashed first, so neither the token's content nor its length shows
 * in how long a wrong guess takes.
 */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer +(\S+) *$/i.exec(header ?? '');
  const given = match?.[1] ?? '';
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(token)) && match !== null;
}
