// Phoenix channel frames as realtime-js speaks them. vsn 1.0.0 sends JSON objects
// {topic, event, payload, ref, join_ref}; vsn 2.0.0 sends JSON arrays
// [join_ref, ref, topic, event, payload] plus binary frames for user broadcasts.

export interface PhoenixMessage {
  joinRef: string | null;
  ref: string | null;
  topic: string;
  event: string;
  payload: unknown;
}

export interface BinaryBroadcast {
  joinRef: string | null;
  ref: string | null;
  topic: string;
  userEvent: string;
  metadata: Record<string, unknown> | null;
  /** 0 = raw bytes, 1 = JSON text. */
  encoding: number;
  body: Buffer;
}

const KIND_USER_BROADCAST_PUSH = 3;
const KIND_USER_BROADCAST = 4;

export function decodeText(text: string): PhoenixMessage | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
    const o = parsed as Record<string, unknown>;
    if (typeof o.topic !== 'string' || typeof o.event !== 'string') return null;
    return { joinRef: o.join_ref == null ? null : String(o.join_ref), ref: o.ref == null ? null : String(o.ref), topic: o.topic, event: o.event, payload: o.payload };
  }
  if (!Array.isArray(parsed) || parsed.length !== 5 || typeof parsed[2] !== 'string' || typeof parsed[3] !== 'string') return null;
  const [joinRef, ref, topic, event, payload] = parsed as [unknown, unknown, string, string, unknown];
  return { joinRef: joinRef == null ? null : String(joinRef), ref: ref == null ? null : String(ref), topic, event, payload };
}

export function encodeText(msg: PhoenixMessage, vsn: '1.0.0' | '2.0.0'): string {
  if (vsn === '1.0.0') return JSON.stringify({ topic: msg.topic, event: msg.event, payload: msg.payload, ref: msg.ref, join_ref: msg.joinRef });
  return JSON.stringify([msg.joinRef, msg.ref, msg.topic, msg.event, msg.payload]);
}

/** A server push whose payload is already JSON text (fan-out serialises the row once). */
export function encodeRawPayload(joinRef: string | null, topic: string, event: string, payloadJson: string, vsn: '1.0.0' | '2.0.0'): string {
  const jr = JSON.stringify(joinRef);
  if (vsn === '1.0.0') return `{"topic":${JSON.stringify(topic)},"event":${JSON.stringify(event)},"payload":${payloadJson},"ref":null,"join_ref":${jr}}`;
  return `[${jr},null,${JSON.stringify(topic)},${JSON.stringify(event)},${payloadJson}]`;
}

/** The client's user-broadcast push: kind, five lengths, encoding, then the strings and the body. */
export function decodeBinaryPush(buf: Buffer): BinaryBroadcast | null {
  if (buf.length < 7 || buf[0] !== KIND_USER_BROADCAST_PUSH) return null;
  const lengths = [buf[1], buf[2], buf[3], buf[4], buf[5]] as number[];
  const encoding = buf[6] as number;
  let offset = 7;
  const take = (n: number): string => {
    const s = buf.subarray(offset, offset + n).toString('utf8');
    offset += n;
    return s;
  };
  const joinRef = take(lengths[0] as number);
  const ref = take(lengths[1] as number);
  const topic = take(lengths[2] as number);
  const userEvent = take(lengths[3] as number);
  const meta = take(lengths[4] as number);
  if (offset > buf.length) return null;
  let metadata: Record<string, unknown> | null = null;
  if (meta) {
    try {
      metadata = JSON.parse(meta) as Record<string, unknown>;
    } catch {
      return null;
    }
  }
  return { joinRef: joinRef || null, ref: ref || null, topic, userEvent, metadata, encoding, body: buf.subarray(offset) };
}

/** The server's user broadcast: kind 4, lengths of topic, event and metadata, encoding, body. */
export function encodeBinaryBroadcast(topic: string, userEvent: string, encoding: number, body: Buffer): Buffer {
  const t = Buffer.from(topic, 'utf8');
  const e = Buffer.from(userEvent, 'utf8');
  const header = Buffer.from([KIND_USER_BROADCAST, t.length, e.length, 0, encoding]);
  return Buffer.concat([header, t, e, body]);
}
