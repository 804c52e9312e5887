/** Who must hear of a step: the other side, and landlords only while they are involved. */
import { describe, expect, it } from 'vitest';
import type { NominationState } from '../../../src/nomination/nomination';
import { notificationsFor, type Notification } from '../../../src/nomination/notifications';
import type { TransitionName } from '../../../src/nomination/transitions';
import { ACTORS, drive, nominationIn, VALID_PAYLOADS, verdict, type ActorName } from './fixtures';

function told(
  state: NominationState,
  who: ActorName,
  name: TransitionName,
  payload: Record<string, unknown> = VALID_PAYLOADS[name],
): Omit<Notification, 'version' | 'state'>[] {
  const before = nominationIn(state);
  const after = drive(before, [[who, name, payload]]);
  return notificationsFor(name, ACTORS[who], before, after, after.version).map(({ version, state: s, ...rest }) => {
    expect(version).toBe(after.version);
    expect(s).toBe(after.state);
    return rest;
  });
}

const landlords = (event: TransitionName, landlordIds: string[]) => ({ audience: 'landlords', landlordIds, event });
const nominator = (event: TransitionName) => ({ audience: 'nominating-organisation', event });

describe('notifications', () => {
  it('sends a registration to the landlords the verdict allows (5.3), not to excluded targets', () => {
    expect(told('draft', 'counsellor', 'submit')).toEqual([landlords('submit', ['vidomes', 'wooninvest'])]);
  });

  it('tells no one of a draft found not eligible, or withdrawn before submitting', () => {
    expect(told('draft', 'counsellor', 'submit', { verdict: verdict('not-eligible') })).toEqual([]);
    expect(told('draft', 'counsellor', 'withdraw')).toEqual([]);
  });

  it('tells the nominating organisation of landlord steps', () => {
    expect(told('registered', 'vidomes', 'acknowledge')).toEqual([nominator('acknowledge')]);
    expect(told('credit-checked', 'vidomes', 'sign-lease')).toEqual([nominator('sign-lease')]);
  });

  it('tells the other landlords when one proposes a home, or refuses and so closes it', () => {
    expect(told('acknowledged', 'vidomes', 'propose-home')).toEqual([
      nominator('propose-home'),
      landlords('propose-home', ['wooninvest']),
    ]);
    expect(told('registered', 'wooninvest', 'refuse')).toEqual([nominator('refuse'), landlords('refuse', ['vidomes'])]);
  });

  it('tells only the committed landlord of care steps once a home is proposed', () => {
    expect(told('home-proposed', 'counsellor', 'confirm-suitable')).toEqual([
      landlords('confirm-suitable', ['vidomes']),
    ]);
    expect(told('offer-accepted', 'counsellor', 'withdraw')).toEqual([landlords('withdraw', ['vidomes'])]);
  });

  it('tells every addressed landlord that a home was not suitable, so another can be proposed (4.5)', () => {
    expect(told('home-proposed', 'casemanager', 'reject-suitable')).toEqual([
      landlords('reject-suitable', ['vidomes', 'wooninvest']),
    ]);
  });
});
