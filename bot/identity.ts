/**
 * Who is speaking: the Teams user resolved to a fixed contact of a covenant party (5.1).
 * Resolved once per turn before any handler runs; handlers read it with `identityOf(context)`.
 */
import { TeamsInfo, type TurnContext } from 'botbuilder';
import { resolveContact, type ResolvedContact } from '../src/parties/registry';
import type { Store } from '../src/storage/ports';
import { localDate, type Clock } from '../src/time/dates';

const IDENTITY_KEY = Symbol('convenantbot.identity');
// Looking up an e-mail is a call to Teams; a slow answer must not hold up the turn.
const MEMBER_LOOKUP_TIMEOUT_MS = 2_000;

export type Identity = ResolvedContact;

export interface IdentityDeps {
  store: Store;
  clock: Clock;
  timeZone: string;
}

/**
 * By Entra object id first. Only when that finds no one, ask Teams for the user's e-mail (the
 * first message of a contact the platform coordinator entered by e-mail); failures count as unknown.
 */
export async function resolveIdentity(context: TurnContext, deps: IdentityDeps): Promise<Identity | undefined> {
  const today = localDate(deps.clock(), deps.timeZone);
  const aadObjectId = context.activity.from?.aadObjectId;
  if (aadObjectId) {
    const known = await resolveContact(deps.store, { aadObjectId }, today);
    if (known) return known;
  }
  const email = await lookUpEmail(context);
  if (!email) return undefined;
  return resolveContact(deps.store, { email, ...(aadObjectId && { aadObjectId }) }, today);
}

async function lookUpEmail(context: TurnContext): Promise<string | undefined> {
  const fromId = context.activity.from?.id;
  if (context.activity.channelId !== 'msteams' || !fromId) return undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    const member = await Promise.race([
      TeamsInfo.getMember(context, fromId),
      new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), MEMBER_LOOKUP_TIMEOUT_MS);
      }),
    ]);
    return member?.email ?? member?.userPrincipalName ?? undefined;
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

export function setIdentity(context: TurnContext, identity: Identity): void {
  context.turnState.set(IDENTITY_KEY, identity);
}

/** The speaker of this turn; the identity gate guarantees it for messages and card actions. */
export function identityOf(context: TurnContext): Identity {
  const identity = context.turnState.get(IDENTITY_KEY) as Identity | undefined;
  if (!identity) throw new Error('identityOf: no identity on this turn (the identity gate did not run)');
  return identity;
}
