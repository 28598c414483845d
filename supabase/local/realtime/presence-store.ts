import { randomBytes } from 'node:crypto';

// Presence per topic: each tracked member is a key with a list of metas, each meta tagged with a
// phx_ref so a client can tell its own joins and leaves apart, as Phoenix.Presence does.
export type Metas = Record<string, unknown>[];

export class PresenceStore {
  private readonly topics = new Map<string, Map<string, Map<string, Record<string, unknown>>>>();

  state(topic: string): Record<string, { metas: Metas }> {
    const out: Record<string, { metas: Metas }> = {};
    for (const [key, byMember] of this.topics.get(topic) ?? []) out[key] = { metas: [...byMember.values()] };
    return out;
  }

  /** Sets the member's meta under key; returns the diff to broadcast. */
  track(topic: string, key: string, memberId: string, payload: Record<string, unknown>) {
    const leaves = this.untrack(topic, key, memberId).leaves;
    const keys = this.topics.get(topic) ?? new Map<string, Map<string, Record<string, unknown>>>();
    this.topics.set(topic, keys);
    const members = keys.get(key) ?? new Map<string, Record<string, unknown>>();
    keys.set(key, members);
    const meta = { ...payload, phx_ref: randomBytes(8).toString('base64url') };
    members.set(memberId, meta);
    return { joins: { [key]: { metas: [meta] } }, leaves };
  }

  untrack(topic: string, key: string, memberId: string) {
    const members = this.topics.get(topic)?.get(key);
    const meta = members?.get(memberId);
    if (!members || !meta) return { joins: {}, leaves: {} };
    members.delete(memberId);
    if (members.size === 0) this.topics.get(topic)?.delete(key);
    return { joins: {}, leaves: { [key]: { metas: [meta] } } };
  }
}
