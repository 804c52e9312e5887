/**
 * Logs and audit trail carry no personal data or secrets (issue 6, item 7; DESIGN.md "Who may see
 * what"). A full journey runs through the real bot with every log line captured at trace level,
 * and everything the libraries print to the console too: a counsellor fills the nomination card
 * with marker values, the landlords take their steps with marker texts, the counsellor and a
 * landlord read lists, a stranger knocks, and the weekly digest goes out. None of the markers, no
 * e-mail address and no secret may appear in any of it. The audit trail has the BIO 8.15.01
 * fields for every change and read, and no markers either.
 */
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger, type Logger } from '../../bot/logger';
import type { RunningBot } from '../../bot/main';
import { DigestScheduler } from '../../bot/scheduler/digest-scheduler';
import { PARNASSIA_ID } from '../../src/parties/covenant-parties';
import { createMemoryStore } from '../../src/storage/memory/memory-store';
import type { Store } from '../../src/storage/ports';
import { buttonFor, cardOf, TeamsUser, texts } from '../support/nomination-card-driver';
import { STEP1, STEP2, STEP3 } from '../support/nomination-form-values';
import { actionOn, execute, install, installInChannel, personalChat, TestClock } from '../support/status-flow';
import { DEMO, postActivity, startTestBot, teamsActivity } from '../support/teams-bot';
import { cardOf as cardIn, startFakeTeamsConnector, type FakeTeamsConnector } from '../support/teams-connector';

const PLATFORM = '19:platform@thread.tacv2';
const VICTOR = personalChat(DEMO['landlord-vidomes']);
const BEA = personalChat(DEMO['counsellor-parnassia']);

/** What the counsellor and the landlords type, each string carrying a marker that must stay out of the logs. */
const MARKED = {
  candidateName: 'Jan MARKER',
  dateOfBirth: '1987-06-05',
  housing: 'SECRET-HOUSING-REQ gelijkvloers, lift',
  neighbourhood: 'SECRET-NEIGHBOURHOOD-REQ rustige straat',
  residencyMaatwerkMotivation: 'SECRET-RESIDENCY-MAATWERK woont sinds 2022 in de gemeente, daarvoor in de kliniek',
  budgetMotivation: 'SECRET-MOTIVATION-j beheert eigen geld al twee jaar zonder achterstand',
  homeDescription: 'SECRET-OWN-HOME-DESCRIPTION Dorpsstraat 12, Voorburg',
  creditExtraConditions: 'SECRET-CREDIT-CONDITIONS huur via budgetbeheer',
};
const MARKERS = [
  'MARKER',
  '1987-06-05',
  'SECRET-HOUSING-REQ',
  'SECRET-NEIGHBOURHOOD-REQ',
  'SECRET-RESIDENCY-MAATWERK',
  'SECRET-MOTIVATION-j',
  'SECRET-OWN-HOME-DESCRIPTION',
  'SECRET-CREDIT-CONDITIONS',
  'Dorpsstraat',
];
const APP_PASSWORD = 'SECRET-APP-PASSWORD-0123456789';
const DB_PASSWORD = 'SECRET-DB-PASSWORD';

/** Every log line as written, and every console call the libraries make. */
class Capture {
  readonly lines: string[] = [];
  readonly stream = new Writable({
    write: (chunk: Buffer, _encoding, done) => {
      this.lines.push(chunk.toString());
      done();
    },
  });
  readonly logger: Logger = createLogger('trace', this.stream);

  spyOnConsole(): void {
    for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        this.lines.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : safeString(a))).join(' '));
      });
    }
  }

  text(): string {
    return this.lines.join('\n');
  }
}

function safeString(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

async function emailsIn(store: Store): Promise<string[]> {
  return (await store.parties.list()).flatMap((party) => party.contacts.map((c) => c.email));
}

describe('logs and audit trail of a full journey', () => {
  let capture: Capture;
  let store: Store;
  let time: TestClock;
  let connector: FakeTeamsConnector;
  let bot: RunningBot;

  beforeEach(async () => {
    capture = new Capture();
    capture.spyOnConsole();
    store = createMemoryStore();
    time = new TestClock();
    connector = await startFakeTeamsConnector(() => time.now);
    bot = await startTestBot(
      { PLATFORM_CHANNEL_ID: PLATFORM, LOG_LEVEL: 'trace' },
      {
        store,
        logger: capture.logger,
        clock: time.clock,
        outbox: { poll: false, sleep: time.sleep, random: () => 0 },
        digestScheduler: false,
      },
    );
  });
  afterEach(async () => {
    await bot.stop();
    await connector.close();
    vi.restoreAllMocks();
  });

  it('logs no candidate data, no e-mail and no secret; audits every change and read by ids only', async () => {
    for (const role of ['landlord-vidomes', 'landlord-wooninvest'] as const) await install(bot, connector, role);
    await installInChannel(bot, connector, PLATFORM);

    // The counsellor fills in the card: short residency (maatwerk, 1c) and a budget exception (5.6j).
    const bea = new TeamsUser(bot, DEMO['counsellor-parnassia']);
    let card = cardOf(await bea.type('aanmelden'));
    card = cardOf(
      await bea.press(buttonFor(card, 'next'), { ...STEP1, ...pick(MARKED, 'candidateName', 'dateOfBirth') }),
    );
    const step2 = {
      ...STEP2,
      residency1From: '2022-01-01',
      checklistC: 'exception',
      ...pick(MARKED, 'housing', 'neighbourhood', 'residencyMaatwerkMotivation'),
    };
    // A wrong date first: the card comes back with the values and the error, and that is not logged either.
    cardOf(await bea.press(buttonFor(card, 'next'), { ...step2, residency1From: '31-02-2022' }));
    card = cardOf(await bea.press(buttonFor(card, 'next'), step2));
    const step3 = { ...STEP3, checklistJ: 'exception', budgetMotivation: MARKED.budgetMotivation };
    const verdict = cardOf(await bea.press(buttonFor(card, 'submit'), step3));
    expect(texts(verdict).join(' ')).toContain('maatwerk');
    await bea.type('mijn aanmeldingen');
    const [nomination] = await store.nominations.find({ nominatingPartyId: PARNASSIA_ID, states: ['registered'] });
    expect(nomination).toMatchObject({ candidate: { name: MARKED.candidateName } });
    const id = nomination!.id;

    // The landlords are told; Victor acknowledges and proposes a home, the counsellor finds it suitable.
    await install(bot, connector, 'counsellor-parnassia'); // her chat, reached through the fake connector
    await bot.outbox.drainOnce();
    const landlordCard = () =>
      cardIn(
        connector
          .delivered()
          .filter((c) => c.conversationId === VICTOR)
          .at(-1)!.activity,
      );
    const counsellorCard = () =>
      cardIn(
        connector
          .delivered()
          .filter((c) => c.conversationId === BEA)
          .at(-1)!.activity,
      );
    const step = async (role: 'landlord-vidomes' | 'counsellor-parnassia', verb: string, inputs = {}) => {
      const onCard = role === 'landlord-vidomes' ? landlordCard() : counsellorCard();
      await execute(bot, connector, role, actionOn(onCard, verb), inputs);
      await bot.outbox.drainOnce();
    };
    // Victor looks at his queue (5.4), then acknowledges.
    await postActivity(bot, teamsActivity(DEMO['landlord-vidomes'], { serviceUrl: connector.url, text: 'wachtrij' }));
    await step('landlord-vidomes', 'nomination.acknowledge');
    await step('landlord-vidomes', 'nomination.propose-home', { homeDescription: MARKED.homeDescription });
    await step('counsellor-parnassia', 'nomination.confirm-suitable');
    await step('landlord-vidomes', 'nomination.make-offer', { offerMadeOn: '2025-06-16' });
    await step('counsellor-parnassia', 'nomination.record-offer-answer', {
      offerAnswer: 'accepted',
      offerAnsweredOn: '2025-06-16',
    });
    await step('landlord-vidomes', 'nomination.record-credit-check', {
      creditCheckOn: '2025-06-16',
      creditOutcome: 'elevated-risk',
      creditExtraConditions: MARKED.creditExtraConditions,
      creditAgreedWithCareProvider: 'true',
    });
    expect(await store.nominations.get(id)).toMatchObject({
      state: 'credit-checked',
      proposedHome: { description: MARKED.homeDescription },
      creditCheck: { extraConditions: MARKED.creditExtraConditions },
    });
    // Someone no covenant party knows, writing their own name: refused, and only a hash is logged.
    await postActivity(
      bot,
      teamsActivity('99999999-0000-0000-0000-000000000099', { serviceUrl: connector.url, text: 'Ik ben Jan MARKER' }),
    );

    // The weekly digest (Monday 09:00 has passed on the test's clock) goes to the platform channel.
    const digest = new DigestScheduler({
      store,
      clock: time.clock,
      schedule: { kind: 'weekly', isoWeekday: 1, hour: 9, minute: 0 },
      timeZone: 'Europe/Amsterdam',
      platformChannelId: PLATFORM,
      logger: capture.logger,
    });
    expect((await digest.tick()).kind).not.toBe('not-due');
    await bot.outbox.drainOnce();
    expect(connector.delivered().some((c) => c.conversationId === PLATFORM)).toBe(true);

    // The logs: plenty of them, and none of it personal.
    const logs = capture.text();
    expect(capture.lines.length).toBeGreaterThan(15);
    for (const line of capture.lines.filter((l) => l.startsWith('{'))) expect(() => JSON.parse(line)).not.toThrow();
    const forbidden = [...MARKERS, ...(await emailsIn(store)), ...Object.values(DEMO)];
    for (const marker of forbidden) expect(logs, `"${marker}" in the logs`).not.toContain(marker);

    // The audit trail: each version written has its record, reads too, all by ids only.
    const trail = await store.audit.listForObject(id);
    const final = await store.nominations.get(id);
    for (let version = 1; version <= final!.version; version++) {
      expect(trail.find((r) => r.id === `${id}:v${version}`)?.result, `v${version}`).toBe('success');
    }
    const reads = new Set(trail.filter((r) => r.action.startsWith('nomination.read:')).map((r) => r.action));
    expect([...reads].sort()).toEqual(
      expect.arrayContaining(['nomination.read:landlord-queue', 'nomination.read:organisation-list']),
    );
    for (const record of trail) {
      expect(record).toEqual({
        id: expect.any(String),
        at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        action: expect.stringMatching(/^nomination\.[a-z-]+(:[a-z-]+)?$/),
        object: { type: 'nomination', id },
        result: expect.stringMatching(/^(success|denied|conflict|error)$/),
        origin: expect.stringMatching(/^(teams|test|outbox|scheduler)$/),
        actorId: expect.stringMatching(/^\S+$/),
      });
    }
    const audit = JSON.stringify(trail);
    for (const marker of forbidden) expect(audit, `"${marker}" in the audit trail`).not.toContain(marker);
    const actions = [...new Set(trail.map((r) => r.action))].join(', ');
    vi.restoreAllMocks(); // the console again, for the figures
    console.info(
      `log privacy: ${capture.lines.length} log lines, ${trail.length} audit records (${actions}), 0 markers`,
    );
  }, 60_000);
});

describe('logs of a bot with credentials', () => {
  afterEach(() => vi.restoreAllMocks());

  it('never carries the app password, the database URI or a bearer token', async () => {
    const capture = new Capture();
    capture.spyOnConsole();
    const bot = await startTestBot(
      {
        MICROSOFT_APP_ID: '00000000-0000-0000-0000-00000000b07',
        MICROSOFT_APP_PASSWORD: APP_PASSWORD,
        HOST: '127.0.0.1',
        MONGODB_URI: `mongodb://convenantbot:${DB_PASSWORD}@127.0.0.1:1/`,
        LOG_LEVEL: 'trace',
      },
      { store: createMemoryStore(), logger: capture.logger, digestScheduler: false },
    );
    try {
      const refused = await fetch(`${bot.url}/api/messages`, { method: 'POST', body: '{}' });
      expect(refused.status).toBe(401);
      // Should a handler ever log a request or config whole, the redaction catches it.
      capture.logger.warn(
        {
          headers: { authorization: 'Bearer SECRET-TOKEN' },
          req: { headers: { authorization: 'Bearer SECRET-TOKEN' } },
          config: { appPassword: APP_PASSWORD, mongodbUri: `mongodb://u:${DB_PASSWORD}@h/` },
          contact: { email: 'iemand@example.org' },
          err: { request: { headers: { authorization: 'Bearer SECRET-TOKEN' } } },
        },
        'a careless log line',
      );
    } finally {
      await bot.stop();
    }
    const logs = capture.text();
    expect(logs).toContain('Convenantbot started');
    for (const secret of [APP_PASSWORD, DB_PASSWORD, 'SECRET-TOKEN', 'iemand@example.org']) {
      expect(logs, secret).not.toContain(secret);
    }
  });
});

function pick<T extends Record<string, string>, K extends keyof T>(values: T, ...keys: K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, values[key]])) as Pick<T, K>;
}
