import type { PGlite } from '@electric-sql/pglite';
import { legacyClaimSettings, TEXT_SERIALIZERS } from '../request-transaction.ts';

export interface ChannelRights {
  readBroadcast: boolean;
  readPresence: boolean;
  writeBroadcast: boolean;
  writePresence: boolean;
}

/**
 * Private channels are authorized as Supabase Realtime does it: RLS policies on
 * realtime.messages decide, with realtime.topic() naming the channel. Inside a transaction that
 * is always rolled back, a probe row per extension is written as the server, then read (SELECT
 * policies) and written again (INSERT policies) under the subscriber's role and claims.
 */
export async function authorizeChannel(db: PGlite, topic: string, role: string, claims: Record<string, unknown>): Promise<ChannelRights> {
  const rights: ChannelRights = { readBroadcast: false, readPresence: false, writeBroadcast: false, writePresence: false };
  await db.transaction(async (tx) => {
    const probes = await tx.query<{ id: string; extension: string }>(
      `insert into realtime.messages (topic, extension, event, private)
       values ($1, 'broadcast', 'authorization-probe', true), ($1, 'presence', 'authorization-probe', true) returning id::text, extension`,
      [topic], { serializers: TEXT_SERIALIZERS });
    await tx.query(
      `select set_config('realtime.topic', $1, true), set_config('request.jwt.claims', $2, true), set_config('role', $3, true),
              set_config('request.jwt.claim.sub', $4, true), set_config('request.jwt.claim.role', $5, true),
              set_config('request.jwt.claim.email', $6, true)`,
      [topic, JSON.stringify({ ...claims, role }), role, ...legacyClaimSettings(claims, role)], { serializers: TEXT_SERIALIZERS });
    // Each probe runs behind a savepoint: a policy that raises counts as "no" for that probe only.
    const attempt = async (sql: string, params: string[]): Promise<{ ok: boolean; rows: number }> => {
      await tx.exec('savepoint realtime_probe');
      try {
        const res = await tx.query(sql, params, { serializers: TEXT_SERIALIZERS });
        return { ok: true, rows: res.rows.length };
      } catch {
        return { ok: false, rows: 0 };
      } finally {
        await tx.exec('rollback to savepoint realtime_probe');
      }
    };
    for (const probe of probes.rows) {
      const read = await attempt('select 1 from realtime.messages where id = $1::uuid', [probe.id]);
      const write = await attempt(
        `insert into realtime.messages (topic, extension, event, private) values ($1, $2, 'authorization-probe', true)`,
        [topic, probe.extension]);
      if (probe.extension === 'broadcast') {
        rights.readBroadcast = read.ok && read.rows > 0;
        rights.writeBroadcast = write.ok;
      } else {
        rights.readPresence = read.ok && read.rows > 0;
        rights.writePresence = write.ok;
      }
    }
    await tx.rollback();
  });
  return rights;
}
