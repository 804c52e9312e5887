import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  PLAYGROUND_IDENTITIES,
  PLAYGROUND_USERS,
  personalChatId,
  playgroundConfigYaml,
} from '../../../bot/dev/playground-identities';
import { DEMO_CONTACTS, type DemoRole } from '../../../src/parties/demo-contacts';

describe('playground identities', () => {
  it('gives every demo role its own playground user and Entra object id', () => {
    const roles = Object.keys(DEMO_CONTACTS) as DemoRole[];
    expect(PLAYGROUND_USERS.map((u) => u.role).sort()).toEqual([...roles].sort());
    expect(new Set(PLAYGROUND_USERS.map((u) => u.id)).size).toBe(roles.length);
    expect(new Set(Object.values(PLAYGROUND_IDENTITIES)).size).toBe(roles.length);
    for (const user of PLAYGROUND_USERS) {
      expect(PLAYGROUND_IDENTITIES[user.role]).toBe(user.aadObjectId);
      expect(user.aadObjectId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
  });

  it('.m365agentsplayground.yml is what playgroundConfigYaml() writes (the demo counsellor first)', async () => {
    const file = await readFile(new URL('../../../.m365agentsplayground.yml', import.meta.url), 'utf8');
    expect(file).toBe(playgroundConfigYaml());
    expect(file).toContain(`currentUser:\n  id: 'user-id-0'\n  name: 'Bea Begeleider'`);
  });

  it('puts the chosen role first and five others in users, as the playground schema demands', () => {
    const yaml = playgroundConfigYaml('landlord-vidomes');
    expect(yaml).toContain(`currentUser:\n  id: 'user-id-1'\n  name: 'Victor Verhuur'`);
    expect(yaml.match(/^ {2}- id: /gm)).toHaveLength(5);
    expect(yaml).toContain(`id: '${personalChatId('landlord-vidomes')}'`);
  });
});
