import type { WebSocket } from 'ws';
import type { JwtClaims } from '../jwt.ts';
import type { ChannelRights } from './channel-authorization.ts';
import type { ChangeFilter } from './change-filter.ts';

export interface ChangeBinding {
  id: number;
  event: string; // INSERT | UPDATE | DELETE | *
  schema: string;
  table: string | null;
  filter: ChangeFilter | null;
}

/** One joined channel on one socket. */
export interface ChannelMember {
  id: string;
  socket: SocketState;
  topic: string;
  joinRef: string | null;
  role: string;
  claims: JwtClaims;
  broadcastSelf: boolean;
  broadcastAck: boolean;
  presenceKey: string;
  bindings: ChangeBinding[];
  /** Private channels carry what realtime.messages policies allowed at join; public ones null. */
  rights: ChannelRights | null;
  /** Bumped per re-authorization, so an older answer never overwrites a newer one. */
  authGeneration: number;
}

export interface SocketState {
  ws: WebSocket;
  vsn: '1.0.0' | '2.0.0';
  members: Map<string, ChannelMember>; // by topic
  /** When the client last sent anything; Phoenix drops sockets silent for a minute. */
  lastSeenMs: number;
  /** From the socket's apikey: who a channel joined without access_token acts as. */
  apikeyIdentity: { role: string; claims: JwtClaims };
}
