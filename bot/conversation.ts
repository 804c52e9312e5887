/**
 * Where a turn happens (1:1 chat, platform channel, other shared conversation) and the
 * conversation references the bot keeps to send proactively later (notifications, digests).
 */
import { ActivityTypes, TurnContext, type Activity, type ChannelAccount } from 'botbuilder';
import type { ConversationReferenceStore } from '../src/storage/ports';
import type { CommandPlace, TeamsScope } from './commands';

export function teamsScope(activity: Partial<Activity>): TeamsScope {
  switch (activity.conversation?.conversationType) {
    case 'channel':
      return 'team';
    case 'groupChat':
      return 'groupChat';
    default:
      // Teams marks 1:1 chats 'personal'; the Agents Playground and tests may leave it out.
      return 'personal';
  }
}

/** A channel message's conversation id carries ";messageid=…" (its thread); the channel is before it. */
export function channelConversationId(conversationId: string): string {
  return conversationId.split(';')[0] ?? conversationId;
}

export function commandPlace(activity: Partial<Activity>, platformChannelId: string | undefined): CommandPlace {
  const scope = teamsScope(activity);
  if (scope === 'personal') return { scope, platform: false };
  if (platformChannelId === undefined) return { scope, platform: true };
  const channelData = activity.channelData as { channel?: { id?: string } } | undefined;
  const ids = [channelData?.channel?.id, activity.conversation?.id && channelConversationId(activity.conversation.id)];
  return { scope, platform: ids.includes(platformChannelId) };
}

/** `user:<aadObjectId>` for a 1:1 chat, `conversation:<id>` for a channel or group chat. */
export function conversationKey(activity: Partial<Activity>): string | undefined {
  if (teamsScope(activity) === 'personal') {
    const aadObjectId = activity.from?.aadObjectId;
    return aadObjectId ? `user:${aadObjectId}` : undefined;
  }
  const id = activity.conversation?.id;
  return id ? `conversation:${channelConversationId(id)}` : undefined;
}

/** The bot was added: to a 1:1 chat, a team or a group chat. */
export function isBotAdded(activity: Partial<Activity>): boolean {
  if (activity.type === ActivityTypes.ConversationUpdate) {
    const botId = activity.recipient?.id;
    return (activity.membersAdded ?? []).some((member: ChannelAccount) => member.id === botId);
  }
  if (activity.type === ActivityTypes.InstallationUpdate) {
    return typeof activity.action === 'string' && activity.action.startsWith('add');
  }
  return false;
}

/** The bot was removed (uninstalled, or taken out of a team or group chat). */
export function isBotRemoved(activity: Partial<Activity>): boolean {
  if (activity.type === ActivityTypes.ConversationUpdate) {
    const botId = activity.recipient?.id;
    return (activity.membersRemoved ?? []).some((member: ChannelAccount) => member.id === botId);
  }
  return activity.type === ActivityTypes.InstallationUpdate && activity.action?.startsWith('remove') === true;
}

/** Forgets the conversation: nothing can be sent there any more, so nothing needs to be kept. */
export async function forgetConversation(
  store: ConversationReferenceStore,
  activity: Partial<Activity>,
): Promise<void> {
  const key = conversationKey(activity);
  if (key) await store.delete(key);
}

/**
 * Stores the reference to reach this conversation later. `onlyIfChanged` saves a write on
 * ordinary turns: it writes only when nothing is stored yet or Teams moved the service URL.
 */
export async function rememberConversation(
  store: ConversationReferenceStore,
  activity: Partial<Activity>,
  now: Date,
  options: { onlyIfChanged?: boolean } = {},
): Promise<void> {
  const key = conversationKey(activity);
  if (!key) return;
  const reference = proactiveReference(activity);
  if (options.onlyIfChanged) {
    const stored = await store.get(key);
    // The locale too: the outbox draws this person's cards in it (Teams set to English → English).
    const same = (field: string) => stored?.reference[field] === reference[field];
    if (stored && same('serviceUrl') && same('locale')) return;
  }
  await store.upsert({ key, reference, updatedAt: now.toISOString() });
}

function proactiveReference(activity: Partial<Activity>): Record<string, unknown> {
  // activityId would make a proactive send a reply in an old thread; a channel belongs to no one user.
  const { activityId: _activityId, user, ...reference } = TurnContext.getConversationReference(activity);
  const shared = teamsScope(activity) !== 'personal';
  if (shared && reference.conversation) {
    reference.conversation = { ...reference.conversation, id: channelConversationId(reference.conversation.id) };
  }
  // A 1:1 reference needs the user's ids, not their display name (store as little as needed).
  const person = user && { id: user.id, aadObjectId: user.aadObjectId };
  return JSON.parse(JSON.stringify(shared ? reference : { ...reference, user: person })) as Record<string, unknown>;
}
