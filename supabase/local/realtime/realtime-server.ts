import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { PGlite } from '@electric-sql/pglite';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { tokenIdentity } from '../identity.ts';
import { verifyJwt, type JwtClaims } from '../jwt.ts';
import { isAllowedHost, isAllowedOrigin } from '../loopback.ts';
import { authorizeChannel, type ChannelRights } from './channel-authorization.ts';
import { ChangeFeed } from './change-feed.ts';
import { parseChangeFilter, type ChangeFilter } from './change-filter.ts';
import type { ChangeBinding, ChannelMember, SocketState } from './channel-member.ts';
import { decodeBinaryPush, decodeText, encodeBinaryBroadcast, encodeRawPayload, encodeText, type PhoenixMessage } from './phoenix-frames.ts';
import { PresenceStore } from './presence-store.ts';
import { TEXT_SERIALIZERS } from '../request-transaction.ts';

export interface RealtimeOptions {
  db: PGlite;
  jwtSecret: string;
  switchableRoles: Set<string>;
  /** Started with allowNonLoopback: any Host and Origin may connect. */
  allowNonLoopback?: boolean;
}

export interface RealtimeHandle {
  /** Drops every socket without a goodbye, as a crashed or restarted server would. */
  dropAllConnections(): void;
  /** Resolves once every change notified so far has been pushed. */
  drain(): Promise<void>;
  close(): Promise<void>;
}

const PATH = '/realtime/v1/websocket';
const SOCKET_TIMEOUT_MS = 60_000;
/** Larger frames close the socket (1009); Supabase's own limit for a message is smaller still. */
const MAX_FRAME_BYTES = 1024 * 1024;

interface JoinConfig {
  broadcast?: { self?: boolean; ack?: boolean };
  presence?: { key?: string; enabled?: boolean };
  postgres_changes: { event?: string; schema?: string; table?: string; filter?: string }[];
  private?: boolean;
}

export async function attachRealtime(server: Server, options: RealtimeOptions): Promise<RealtimeHandle> {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const sockets = new Set<SocketState>();
  const presence = new PresenceStore();
  const byTopic = new Map<string, Set<ChannelMember>>();
  let bindingIds = 0;

  const allMembers = function* (): Iterable<ChannelMember> {
    for (const set of byTopic.values()) yield* set;
  };
  const push = (socket: SocketState, msg: PhoenixMessage): void => {
    if (socket.ws.readyState === socket.ws.OPEN) socket.ws.send(encodeText(msg, socket.vsn));
  };
  const feed = new ChangeFeed(
    options.db,
    allMembers,
    (member, ids, data) => {
      push(member.socket, { joinRef: member.joinRef, ref: null, topic: member.topic, event: 'postgres_changes', payload: { ids, data } });
    },
    (member, ids, dataJson) => {
      const socket = member.socket;
      if (socket.ws.readyState !== socket.ws.OPEN) return;
      socket.ws.send(encodeRawPayload(member.joinRef, member.topic, 'postgres_changes', `{"ids":${JSON.stringify(ids)},"data":${dataJson}}`, socket.vsn));
    },
  );
  await feed.start();
  const unlistenBroadcast = await options.db.listen('realtime_broadcast', (raw) => {
    let msg: { topic?: unknown; event?: unknown; payload?: unknown; private?: unknown };
    try {
      msg = JSON.parse(raw) as typeof msg;
    } catch {
      return;
    }
    if (typeof msg.topic !== 'string' || typeof msg.event !== 'string') return;
    const body = Buffer.from(JSON.stringify(msg.payload ?? {}), 'utf8');
    const toPrivate = msg.private !== false;
    for (const member of byTopic.get(`realtime:${msg.topic}`) ?? []) {
      if (Boolean(member.rights) !== toPrivate || (member.rights && !member.rights.readBroadcast)) continue;
      sendBroadcast(member, msg.event, 1, body);
    }
  });

  // Supabase closes a channel when the token it joined with expires and no fresh one came, and
  // Phoenix drops a socket that sent nothing (not even a heartbeat) for a minute.
  const expiry = setInterval(() => {
    const silentSince = Date.now() - SOCKET_TIMEOUT_MS;
    for (const s of sockets) if (s.lastSeenMs < silentSince) s.ws.terminate();
    const now = Date.now() / 1000;
    for (const member of [...allMembers()]) {
      const exp = member.claims.exp;
      if (typeof exp !== 'number' || exp > now) continue;
      const state = member.socket;
      push(state, { joinRef: member.joinRef, ref: null, topic: member.topic, event: 'system', payload: { status: 'error', message: 'Token has expired', extension: 'system', channel: channelName(member.topic) } });
      push(state, { joinRef: member.joinRef, ref: null, topic: member.topic, event: 'phx_close', payload: {} });
      leave(member);
      state.members.delete(member.topic);
    }
  }, 1000);
  expiry.unref();

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://local');
    if (url.pathname !== PATH && url.pathname !== `${PATH}/`) {
      socket.destroy();
      return;
    }
    const origin = Array.isArray(req.headers.origin) ? req.headers.origin[0] : req.headers.origin;
    if (!options.allowNonLoopback && (!isAllowedOrigin(origin) || !isAllowedHost(req.headers.host))) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    const apikey = url.searchParams.get('apikey') ?? (req.headers.apikey as string | undefined) ?? '';
    const check = verifyJwt(apikey, options.jwtSecret);
    if (!check.ok && check.reason !== 'expired') {
      socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
      return;
    }
    const vsn = url.searchParams.get('vsn') === '2.0.0' ? '2.0.0' : '1.0.0';
    const keyIdentity = identityFrom(apikey);
    const apikeyIdentity = keyIdentity.ok ? { role: keyIdentity.role, claims: keyIdentity.claims } : { role: 'anon', claims: { role: 'anon' } };
    wss.handleUpgrade(req, socket, head, (ws) => onConnection(ws, vsn, apikeyIdentity));
  });

  function onConnection(ws: WebSocket, vsn: SocketState['vsn'], apikeyIdentity: SocketState['apikeyIdentity']): void {
    const state: SocketState = { ws, vsn, members: new Map(), apikeyIdentity, lastSeenMs: Date.now() };
    sockets.add(state);
    ws.on('message', (data: RawData, isBinary: boolean) => {
      // One bad frame must cost at most this socket, never the process.
      try {
        onMessage(state, data, isBinary);
      } catch (error) {
        console.error('realtime: closing a socket after a frame failed:', (error as Error).message);
        ws.close(1011, 'internal error');
      }
    });
    ws.on('close', () => {
      sockets.delete(state);
      for (const member of state.members.values()) leave(member);
      state.members.clear();
    });
    ws.on('error', () => ws.terminate());
  }

  function onMessage(state: SocketState, data: RawData, isBinary: boolean): void {
    state.lastSeenMs = Date.now();
    const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
    if (isBinary) {
      const frame = decodeBinaryPush(buf);
      if (!frame) return;
      const member = state.members.get(frame.topic);
      if (!member) return;
      const sent = relayBroadcast(member, frame.userEvent, frame.encoding, frame.body);
      if (member.broadcastAck && frame.ref) reply(state, frame.joinRef, frame.ref, frame.topic, sent ? 'ok' : 'error', sent ? {} : { reason: 'Unauthorized' });
      return;
    }
    const msg = decodeText(buf.toString('utf8'));
    if (!msg) return;
    try {
      handleMessage(state, msg);
    } catch (error) {
      // The socket stays; the failing push is answered with an error, as Phoenix does.
      reply(state, msg.joinRef, msg.ref, msg.topic, 'error', { reason: `invalid message: ${(error as Error).message}` });
    }
  }

  function reply(state: SocketState, joinRef: string | null, ref: string | null, topic: string, status: 'ok' | 'error', response: unknown): void {
    push(state, { joinRef, ref, topic, event: 'phx_reply', payload: { status, response } });
  }

  function identityFrom(token: unknown): { ok: true; role: string; claims: JwtClaims } | { ok: false; reason: string } {
    const id = tokenIdentity(token, options.jwtSecret, options.switchableRoles);
    if (id.ok) return id;
    const reasons = { missing: 'missing access token', expired: 'Token has expired', role: `role ${id.role ?? ''} is not allowed`, malformed: 'Invalid token', signature: 'Invalid token' };
    return { ok: false, reason: reasons[id.reason] };
  }

  function handleMessage(state: SocketState, msg: PhoenixMessage): void {
    if (msg.topic === 'phoenix' && msg.event === 'heartbeat') {
      reply(state, null, msg.ref, 'phoenix', 'ok', {});
      return;
    }
    const payload = (typeof msg.payload === 'object' && msg.payload !== null ? msg.payload : {}) as Record<string, unknown>;
    if (msg.event === 'phx_join') {
      join(state, msg, payload).catch((error: unknown) => {
        reply(state, msg.joinRef, msg.ref, msg.topic, 'error', { reason: `join failed: ${(error as Error).message}` });
      });
      return;
    }
    const member = state.members.get(msg.topic);
    if (!member) {
      if (msg.ref) reply(state, msg.joinRef, msg.ref, msg.topic, 'error', { reason: 'unmatched topic' });
      return;
    }
    switch (msg.event) {
      case 'phx_leave':
        reply(state, msg.joinRef, msg.ref, msg.topic, 'ok', {});
        leave(member);
        state.members.delete(msg.topic);
        return;
      case 'access_token': {
        const id = identityFrom(payload.access_token);
        if (!id.ok) {
          push(state, { joinRef: member.joinRef, ref: null, topic: msg.topic, event: 'system', payload: { status: 'error', message: id.reason, extension: 'system', channel: channelName(msg.topic) } });
          push(state, { joinRef: member.joinRef, ref: null, topic: msg.topic, event: 'phx_close', payload: {} });
          leave(member);
          state.members.delete(msg.topic);
          return;
        }
        const changed = identityKey(member.role, member.claims) !== identityKey(id.role, id.claims);
        member.role = id.role;
        member.claims = id.claims;
        if (!member.rights || !changed) {
          if (msg.ref) reply(state, msg.joinRef, msg.ref, msg.topic, 'ok', {});
          return;
        }
        // A private channel's rights belong to an identity: nothing passes until the policies
        // have answered for the new one, and a member they no longer admit is closed.
        member.rights = { readBroadcast: false, readPresence: false, writeBroadcast: false, writePresence: false };
        const generation = ++member.authGeneration;
        const close = (reason: string): void => {
          push(state, { joinRef: member.joinRef, ref: null, topic: msg.topic, event: 'system', payload: { status: 'error', message: reason, extension: 'system', channel: channelName(msg.topic) } });
          push(state, { joinRef: member.joinRef, ref: null, topic: msg.topic, event: 'phx_close', payload: {} });
          leave(member);
          if (state.members.get(msg.topic) === member) state.members.delete(msg.topic);
        };
        authorizeChannel(options.db, channelName(msg.topic), id.role, id.claims).then(
          (rights) => {
            if (member.authGeneration !== generation || state.members.get(msg.topic) !== member) return;
            if (!rights.readBroadcast && !rights.readPresence) return close(`Unauthorized: You do not have permissions to read from this Channel topic: ${channelName(msg.topic)}`);
            member.rights = rights;
            if (msg.ref) reply(state, msg.joinRef, msg.ref, msg.topic, 'ok', {});
          },
          (error: unknown) => {
            if (member.authGeneration === generation && state.members.get(msg.topic) === member) close(`authorization failed: ${(error as Error).message}`);
          },
        );
        return;
      }
      case 'broadcast': {
        const body = Buffer.from(JSON.stringify(payload.payload ?? {}), 'utf8');
        const sent = relayBroadcast(member, String(payload.event ?? ''), 1, body);
        if (member.broadcastAck) reply(state, msg.joinRef, msg.ref, msg.topic, sent ? 'ok' : 'error', sent ? {} : { reason: 'Unauthorized' });
        return;
      }
      case 'presence': {
        if (member.rights && !member.rights.writePresence) {
          reply(state, msg.joinRef, msg.ref, msg.topic, 'error', { reason: 'Unauthorized: You do not have permissions to track presence on this Channel topic' });
          return;
        }
        const diff = payload.event === 'untrack'
          ? presence.untrack(presenceTopic(member), member.presenceKey, member.id)
          : presence.track(presenceTopic(member), member.presenceKey, member.id, (payload.payload as Record<string, unknown>) ?? {});
        reply(state, msg.joinRef, msg.ref, msg.topic, 'ok', {});
        sendPresenceDiff(member, diff);
        return;
      }
      default:
        if (msg.ref) reply(state, msg.joinRef, msg.ref, msg.topic, 'ok', {});
    }
  }

  async function join(state: SocketState, msg: PhoenixMessage, payload: Record<string, unknown>): Promise<void> {
    const config = parseJoinConfig(payload.config);
    if (typeof config === 'string') {
      reply(state, msg.joinRef, msg.ref, msg.topic, 'error', { reason: config });
      return;
    }
    const given = payload.access_token;
    const id = given === undefined || given === null ? { ok: true as const, ...state.apikeyIdentity } : identityFrom(given);
    if (!id.ok) {
      reply(state, msg.joinRef, msg.ref, msg.topic, 'error', { reason: id.reason });
      return;
    }
    const bindings: ChangeBinding[] = [];
    const echoed: Record<string, unknown>[] = [];
    for (const entry of config.postgres_changes) {
      const filter = parseChangeFilter(entry.filter);
      const schema = entry.schema ?? 'public';
      const problem = filter === 'invalid' ? `invalid filter: ${entry.filter}` : filter ? await checkFilter(schema, entry.table, filter) : null;
      if (problem) {
        // As Supabase: the join fails, so the client reports CHANNEL_ERROR instead of receiving everything.
        reply(state, msg.joinRef, msg.ref, msg.topic, 'error', { reason: `Unable to subscribe to changes with given parameters: ${problem}` });
        return;
      }
      const binding: ChangeBinding = {
        id: ++bindingIds,
        event: (entry.event ?? '*').toUpperCase(),
        schema,
        table: entry.table ?? null,
        filter: filter === 'invalid' ? null : filter,
      };
      bindings.push(binding);
      echoed.push({ ...entry, id: binding.id });
    }
    let rights: ChannelRights | null = null;
    if (config.private === true) {
      try {
        rights = await authorizeChannel(options.db, channelName(msg.topic), id.role, id.claims);
      } catch (error) {
        reply(state, msg.joinRef, msg.ref, msg.topic, 'error', { reason: `authorization failed: ${(error as Error).message}` });
        return;
      }
      if (!rights.readBroadcast && !rights.readPresence) {
        reply(state, msg.joinRef, msg.ref, msg.topic, 'error', { reason: `Unauthorized: You do not have permissions to read from this Channel topic: ${channelName(msg.topic)}` });
        return;
      }
    }
    completeJoin(state, msg, config, id, bindings, echoed, rights);
  }

  /** Why a filter cannot work on the table (unknown table or column, a value the type rejects), or null. */
  async function checkFilter(schema: string, table: string | undefined, filter: ChangeFilter): Promise<string | null> {
    if (!table || table === '*') return `a filter needs a table (filter on ${filter.column})`;
    const type = await feed.columnType(schema, table, filter.column);
    if (!type) return `column ${filter.column} does not exist in ${schema}.${table}`;
    try {
      await options.db.query(`select value::${type} from jsonb_array_elements_text($1::text::jsonb)`, [JSON.stringify(filter.values)], { serializers: TEXT_SERIALIZERS });
    } catch (error) {
      return `invalid value for ${filter.column} (${type}): ${(error as Error).message}`;
    }
    return null;
  }

  function completeJoin(
    state: SocketState, msg: PhoenixMessage,
    config: JoinConfig,
    id: { role: string; claims: JwtClaims }, bindings: ChangeBinding[], echoed: Record<string, unknown>[], rights: ChannelRights | null,
  ): void {
    if (state.ws.readyState !== state.ws.OPEN) return;
    const existing = state.members.get(msg.topic);
    if (existing) leave(existing);
    const member: ChannelMember = {
      id: randomUUID(),
      socket: state,
      topic: msg.topic,
      joinRef: msg.joinRef,
      role: id.role,
      claims: id.claims,
      broadcastSelf: config.broadcast?.self === true,
      broadcastAck: config.broadcast?.ack === true,
      presenceKey: config.presence?.key || randomUUID(),
      bindings,
      rights,
      authGeneration: 0,
    };
    state.members.set(msg.topic, member);
    const set = byTopic.get(msg.topic) ?? new Set<ChannelMember>();
    set.add(member);
    byTopic.set(msg.topic, set);
    reply(state, msg.joinRef, msg.ref, msg.topic, 'ok', { postgres_changes: echoed });
    if (bindings.length) {
      push(state, { joinRef: msg.joinRef, ref: null, topic: msg.topic, event: 'system', payload: { status: 'ok', message: 'Subscribed to PostgreSQL', extension: 'postgres_changes', channel: channelName(msg.topic) } });
    }
    if (config.presence?.enabled !== false && (!rights || rights.readPresence)) {
      push(state, { joinRef: msg.joinRef, ref: null, topic: msg.topic, event: 'presence_state', payload: presence.state(presenceTopic(member)) });
    }
  }

  function leave(member: ChannelMember): void {
    const set = byTopic.get(member.topic);
    if (set?.delete(member) && set.size === 0) byTopic.delete(member.topic);
    const diff = presence.untrack(presenceTopic(member), member.presenceKey, member.id);
    if (Object.keys(diff.leaves).length) sendPresenceDiff(member, diff);
  }

  function sendPresenceDiff(from: ChannelMember, diff: { joins: object; leaves: object }): void {
    for (const other of byTopic.get(from.topic) ?? []) {
      if (Boolean(other.rights) !== Boolean(from.rights) || (other.rights && !other.rights.readPresence)) continue;
      push(other.socket, { joinRef: other.joinRef, ref: null, topic: from.topic, event: 'presence_diff', payload: diff });
    }
  }

  function relayBroadcast(from: ChannelMember, userEvent: string, encoding: number, body: Buffer): boolean {
    if (from.rights && !from.rights.writeBroadcast) return false;
    for (const other of byTopic.get(from.topic) ?? []) {
      if (other === from && !from.broadcastSelf) continue;
      // Public and private channels of one topic are separate, as on Supabase.
      if (Boolean(other.rights) !== Boolean(from.rights) || (other.rights && !other.rights.readBroadcast)) continue;
      sendBroadcast(other, userEvent, encoding, body);
    }
    return true;
  }

  function sendBroadcast(to: ChannelMember, userEvent: string, encoding: number, body: Buffer): void {
    if (to.socket.vsn === '2.0.0') {
      if (to.socket.ws.readyState === to.socket.ws.OPEN) to.socket.ws.send(encodeBinaryBroadcast(to.topic, userEvent, encoding, body));
    } else if (encoding === 1) {
      let payload: unknown;
      try {
        payload = JSON.parse(body.toString('utf8'));
      } catch {
        // A binary broadcast that claims JSON but is not cannot be shown to a JSON-only client.
        return;
      }
      push(to.socket, { joinRef: null, ref: null, topic: to.topic, event: 'broadcast', payload: { type: 'broadcast', event: userEvent, payload } });
    }
  }

  return {
    dropAllConnections() {
      for (const s of sockets) s.ws.terminate();
    },
    drain: () => feed.drain(),
    async close() {
      clearInterval(expiry);
      await unlistenBroadcast();
      await feed.stop();
      for (const s of sockets) s.ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

function identityKey(role: string, claims: JwtClaims): string {
  // A refreshed token of the same identity differs only in its times and session.
  const { exp: _exp, iat: _iat, ...rest } = claims;
  return JSON.stringify([role, rest]);
}

/** The join config, shape-checked: a string says what is wrong. */
function parseJoinConfig(raw: unknown): JoinConfig | string {
  if (raw === undefined || raw === null) return { postgres_changes: [] };
  if (typeof raw !== 'object' || Array.isArray(raw)) return 'config must be an object';
  const c = raw as Record<string, unknown>;
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const optString = (v: unknown): boolean => v === undefined || v === null || typeof v === 'string';
  if (c.broadcast !== undefined && c.broadcast !== null && !isObj(c.broadcast)) return 'config.broadcast must be an object';
  if (c.presence !== undefined && c.presence !== null && !isObj(c.presence)) return 'config.presence must be an object';
  const changes = c.postgres_changes ?? [];
  if (!Array.isArray(changes)) return 'config.postgres_changes must be an array';
  for (const entry of changes) {
    if (!isObj(entry)) return 'each config.postgres_changes entry must be an object';
    if (!optString(entry.event) || !optString(entry.schema) || !optString(entry.table) || !optString(entry.filter)) {
      return 'config.postgres_changes entries take string event, schema, table and filter';
    }
  }
  const presence = isObj(c.presence) ? c.presence : undefined;
  const broadcast = isObj(c.broadcast) ? c.broadcast : undefined;
  return {
    broadcast: broadcast ? { self: broadcast.self === true, ack: broadcast.ack === true } : undefined,
    presence: presence ? { key: typeof presence.key === 'string' ? presence.key : undefined, enabled: presence.enabled !== false } : undefined,
    postgres_changes: changes.map((e) => {
      const entry = e as Record<string, string | null | undefined>;
      return { event: entry.event ?? undefined, schema: entry.schema ?? undefined, table: entry.table ?? undefined, filter: entry.filter ?? undefined };
    }),
    private: c.private === true,
  };
}

function presenceTopic(member: ChannelMember): string {
  return member.rights ? `private:${member.topic}` : member.topic;
}

function channelName(topic: string): string {
  return topic.startsWith('realtime:') ? topic.slice('realtime:'.length) : topic;
}
