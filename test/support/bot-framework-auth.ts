/**
 * Stand-ins for the token issuers the bot trusts, on loopback: an OpenID configuration and a
 * JWKS with keys generated here, and RS256 tokens signed with them. `botFrameworkAuthSettings`
 * points botbuilder at them (startBot's `auth` override), so the production validation checks
 * real signatures offline (DESIGN.md "Testing authentication offline"). Tokens are made with
 * node:crypto, not with the JWT library botbuilder checks them with.
 */
import { createHmac, createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CallerIdConstants, type ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import { AuthenticationConstants } from 'botframework-connector';

/** What the Bot Framework Service puts in `iss`. */
export const BOT_FRAMEWORK_ISSUER = AuthenticationConstants.ToBotFromChannelTokenIssuer;

export interface SigningKey {
  kid: string;
  /** The channel ids this key may sign for, as on the real JWKS (e.g. ['msteams']). */
  endorsements?: string[];
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export function generateSigningKey(kid: string, endorsements?: string[]): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, ...(endorsements && { endorsements }), privateKey, publicKey };
}

export type Claims = Record<string, unknown>;

export interface SignOptions {
  /** Sign with this key; default the issuer's key named by `kid`, else its first key. */
  signWith?: SigningKey;
  /** The `kid` header; default the signing key's kid. */
  kid?: string;
  /**
   * 'none': unsigned (empty signature). 'HS256': an HMAC keyed with the public key's PEM, the
   * classic key-confusion forgery against libraries that let the token pick the algorithm.
   */
  alg?: 'RS256' | 'none' | 'HS256';
}

export interface TokenFor {
  appId: string;
  serviceUrl: string;
}

export interface TokenIssuer {
  /** The `iss` its tokens carry. */
  issuer: string;
  metadataUrl: string;
  /** Paths botbuilder fetched (metadata, keys): shows the checks ran against this issuer. */
  requests(): string[];
  /** A Bot Framework channel token's claims, valid for the next hour; an override of undefined drops a claim. */
  claims(target: TokenFor, overrides?: Claims): Claims;
  sign(claims: Claims, options?: SignOptions): string;
  /** `sign(claims(target, overrides), options)`: by default a token the bot must accept. */
  token(target: TokenFor, overrides?: Claims, options?: SignOptions): string;
  close(): Promise<void>;
}

export async function startTokenIssuer(keys: SigningKey[], issuer = BOT_FRAMEWORK_ISSUER): Promise<TokenIssuer> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (req.url === '/.well-known/openid-configuration') {
      json(res, { issuer, jwks_uri: `${baseUrl(server)}/keys`, id_token_signing_alg_values_supported: ['RS256'] });
    } else if (req.url === '/keys') {
      json(res, { keys: keys.map(jwk) });
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  const claims = (target: TokenFor, overrides: Claims = {}): Claims => {
    const now = Math.floor(Date.now() / 1000);
    const all: Claims = {
      serviceurl: target.serviceUrl,
      nbf: now - 60,
      exp: now + 3600,
      iss: issuer,
      aud: target.appId,
      ...overrides,
    };
    return Object.fromEntries(Object.entries(all).filter(([, value]) => value !== undefined));
  };

  const sign = (payload: Claims, options: SignOptions = {}): string => {
    const key = options.signWith ?? keys.find((k) => k.kid === options.kid) ?? keys[0];
    if (!key) throw new Error('startTokenIssuer: no key to sign with');
    const alg = options.alg ?? 'RS256';
    const header = { alg, typ: 'JWT', kid: options.kid ?? key.kid, x5t: options.kid ?? key.kid };
    const unsigned = `${base64url(header)}.${base64url(payload)}`;
    if (alg === 'none') return `${unsigned}.`;
    const signature =
      alg === 'HS256'
        ? createHmac('sha256', key.publicKey.export({ format: 'pem', type: 'spki' }))
            .update(unsigned)
            .digest('base64url')
        : createSign('RSA-SHA256').update(unsigned).sign(key.privateKey).toString('base64url');
    return `${unsigned}.${signature}`;
  };

  return {
    issuer,
    metadataUrl: `${baseUrl(server)}/.well-known/openid-configuration`,
    requests: () => [...requests],
    claims,
    sign,
    token: (target, overrides, options) => sign(claims(target, overrides), options),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * botbuilder's public-cloud settings with the two key sources moved to loopback. All of them,
 * because once any one is set botbuilder takes every unset one as "none" rather than its default.
 */
export function botFrameworkAuthSettings(
  channel: TokenIssuer,
  emulatorAndSkills: TokenIssuer,
): ConfigurationBotFrameworkAuthenticationOptions {
  return {
    ToBotFromChannelOpenIdMetadataUrl: channel.metadataUrl,
    ToBotFromChannelTokenIssuer: channel.issuer,
    ToBotFromEmulatorOpenIdMetadataUrl: emulatorAndSkills.metadataUrl,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

/** The public half as the Bot Framework JWKS publishes it, endorsements included. */
function jwk(key: SigningKey): Record<string, unknown> {
  const { n, e } = key.publicKey.export({ format: 'jwk' });
  return { kty: 'RSA', use: 'sig', kid: key.kid, x5t: key.kid, n, e, endorsements: key.endorsements };
}

function baseUrl(server: Server): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function json(res: ServerResponse, body: unknown): void {
  // Not chained: with restify loaded, writeHead does not return the response.
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
