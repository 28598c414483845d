import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { PGlite } from '@electric-sql/pglite';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { verifyJwt, type JwtClaims } from '../jwt.ts';
import { authorizeChannel, type ChannelRights } from './channel-authorization.ts';
import { ChangeFeed } from './change-feed.ts';
import { parseChangeFilter } from './change-filter.ts';
import type { ChangeBinding, ChannelMember, SocketState } from './channel-member.ts';
import { decodeBinaryPush, decodeText, encodeBinaryBroadcast, encodeRawPayload, encodeText, type PhoenixMessage } from './phoenix-frames.ts';
import { PresenceStore } from './presence-store.ts';

export interface RealtimeOptions {
  db: PGlite;
  jwtSecret: string;
  switchableRoles: Set<string>;
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

export async function attachRealtime(server: Server, options: RealtimeOptions): Promise<RealtimeHandle> {
  const wss = new WebSocketServer({ noServer: true });
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
      if (msg) handleMessage(state, msg);
    });
    ws.on('close', () => {
      sockets.delete(state);
      for (const member of state.members.values()) leave(member);
      state.members.clear();
    });
    ws.on('error', () => ws.terminate());
  }

  function reply(state: SocketState, joinRef: string | null, ref: string | null, topic: string, status: 'ok' | 'error', response: unknown): void {
    push(state, { joinRef, ref, topic, event: 'phx_reply', payload: { status, response } });
  }

  function identityFrom(token: unknown): { ok: true; role: string; claims: JwtClaims } | { ok: false; reason: string } {
    if (typeof token !== 'string' || token === '') return { ok: false, reason: 'missing access token' };
    const check = verifyJwt(token, options.jwtSecret);
    if (!check.ok) return { ok: false, reason: check.reason === 'expired' ? 'Token has expired' : 'Invalid token' };
    const role = typeof check.claims.role === 'string' ? check.claims.role : 'anon';
    if (!options.switchableRoles.has(role)) return { ok: false, reason: `role ${role} is not allowed` };
    return { ok: true, role, claims: check.claims };
  }

  function handleMessage(state: SocketState, msg: PhoenixMessage): void {
    if (msg.topic === 'phoenix' && msg.event === 'heartbeat') {
      reply(state, null, msg.ref, 'phoenix', 'ok', {});
      return;
    }
    const payload = (typeof msg.payload === 'object' && msg.payload !== null ? msg.payload : {}) as Record<string, unknown>;
    if (msg.event === 'phx_join') return join(state, msg, payload);
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
          push(state, { joinRef: member.joinRef, ref: msg.ref, topic: msg.topic, event: 'phx_close', payload: {} });
          leave(member);
          state.members.delete(msg.topic);
          return;
        }
        member.role = id.role;
        member.claims = id.claims;
        if (msg.ref) reply(state, msg.joinRef, msg.ref, msg.topic, 'ok', {});
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

  function join(state: SocketState, msg: PhoenixMessage, payload: Record<string, unknown>): void {
    const config = (payload.config ?? {}) as {
      broadcast?: { self?: boolean; ack?: boolean };
      presence?: { key?: string; enabled?: boolean };
      postgres_changes?: { event?: string; schema?: string; table?: string; filter?: string }[];
      private?: boolean;
    };
    const given = payload.access_token;
    const id = given === undefined || given === null ? { ok: true as const, ...state.apikeyIdentity } : identityFrom(given);
    if (!id.ok) {
      reply(state, msg.joinRef, msg.ref, msg.topic, 'error', { reason: id.reason });
      return;
    }
    const bindings: ChangeBinding[] = [];
    const echoed: Record<string, unknown>[] = [];
    for (const entry of config.postgres_changes ?? []) {
      const filter = parseChangeFilter(entry.filter);
      if (filter === 'invalid') {
        reply(state, msg.joinRef, msg.ref, msg.topic, 'error', { reason: `invalid filter: ${entry.filter}` });
        return;
      }
      const binding: ChangeBinding = {
        id: ++bindingIds,
        event: (entry.event ?? '*').toUpperCase(),
        schema: entry.schema ?? 'public',
        table: entry.table ?? null,
        filter,
      };
      bindings.push(binding);
      echoed.push({ ...entry, id: binding.id });
    }
    if (config.private === true) {
      // Authorization needs the database; the join completes once the policies have answered.
      authorizeChannel(options.db, channelName(msg.topic), id.role, id.claims).then(
        (rights) => {
          if (!rights.readBroadcast && !rights.readPresence) {
            reply(state, msg.joinRef, msg.ref, msg.topic, 'error', { reason: `Unauthorized: You do not have permissions to read from this Channel topic: ${channelName(msg.topic)}` });
            return;
          }
          completeJoin(state, msg, config, id, bindings, echoed, rights);
        },
        (error: unknown) => reply(state, msg.joinRef, msg.ref, msg.topic, 'error', { reason: `authorization failed: ${(error as Error).message}` }),
      );
      return;
    }
    completeJoin(state, msg, config, id, bindings, echoed, null);
  }

  function completeJoin(
    state: SocketState, msg: PhoenixMessage,
    config: { broadcast?: { self?: boolean; ack?: boolean }; presence?: { key?: string; enabled?: boolean } },
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
      const payload = JSON.parse(body.toString('utf8')) as unknown;
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

function presenceTopic(member: ChannelMember): string {
  return member.rights ? `private:${member.topic}` : member.topic;
}

function channelName(topic: string): string {
  return topic.startsWith('realtime:') ? topic.slice('realtime:'.length) : topic;
}
