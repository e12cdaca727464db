import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createUser, resetPassword } from '../../src/app/accounts.ts';
import { createApiKey, revokeApiKey } from '../../src/app/api-keys.ts';
import { verifyAuditChain } from '../../src/app/audit.ts';
import { systemCaller } from '../../src/app/caller.ts';
import { auditHash, GENESIS_HASH } from '../../src/domain/audit/chain.ts';
import { appendAudit, readChainHead, type AuditRow } from '../../src/store/audit-log.ts';
import { queryRows, type Database } from '../../src/store/connection.ts';
import { auditLog } from '../../src/store/schema.ts';
import { freshCliTarget, runCli, type CliTarget } from '../helpers/cli.ts';
import { freshDatabase } from '../helpers/database.ts';

let database: Database;

beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(async () => {
  await database?.close();
});

async function row(seq: number): Promise<AuditRow> {
  const [r] = await database.db.select().from(auditLog).where(sql`${auditLog.seq} = ${seq}`);
  if (!r) throw new Error(`no audit record ${seq}`);
  return r;
}

async function count(): Promise<number> {
  const [r] = await queryRows<{ n: number | string }>(database.db, sql`select count(*) as n from audit_log`);
  return Number(r!.n);
}

describe('the audit chain', () => {
  let total = 0;

  it('use cases write one record per change, and the chain verifies', async () => {
    const caller = systemCaller('audit-test');
    const org = await createOrganization(database.db, caller, { slug: 'bank-x', name: 'Bank X', kind: 'bank' });
    const { user } = await createUser(database.db, caller, {
      organizationId: org.id,
      email: 'Partner@Bank-X.example',
      name: 'Partner X',
      role: 'partner_admin',
    });
    const { apiKey } = await createApiKey(database.db, caller, { organizationId: org.id, name: 'fraud engine', scopes: ['lookup'] });
    await revokeApiKey(database.db, caller, apiKey.prefix);
    await resetPassword(database.db, caller, 'partner@bank-x.example');
    // A refused change writes nothing.
    await expect(createOrganization(database.db, caller, { slug: 'bank-x', name: 'Again', kind: 'bank' })).rejects.toThrow(/already exists/);

    const records = await database.db.select().from(auditLog).orderBy(auditLog.seq);
    expect(records.map((r) => [Number(r.seq), r.action, r.subjectId])).toEqual([
      [1, 'organization.created', org.id],
      [2, 'user.created', user.id],
      [3, 'api_key.created', apiKey.id],
      [4, 'api_key.revoked', apiKey.id],
      [5, 'user.password_reset', user.id],
    ]);
    expect(records[0]).toMatchObject({ actorType: 'system', actorId: 'audit-test', subjectType: 'organization', prevHash: GENESIS_HASH });
    expect(records[1]!.after).toMatchObject({ email: 'partner@bank-x.example', role: 'partner_admin', organizationId: org.id });
    expect(records[3]!.before).toMatchObject({ revokedAt: null });
    expect((records[3]!.after as { revokedAt: string }).revokedAt).toMatch(/^\d{4}-/);
    // No secret goes into the audit trail.
    expect(JSON.stringify(records)).not.toMatch(/passwordHash|password_hash|keyHash|key_hash|cg_[0-9a-f]{8}_/);
    for (let i = 1; i < records.length; i++) expect(records[i]!.prevHash).toBe(records[i - 1]!.hash);

    total = records.length;
    const result = await verifyAuditChain(database.db);
    expect(result).toEqual({ ok: true, records: total, headHash: records[total - 1]!.hash });
    expect(await readChainHead(database.db)).toEqual({ seq: total, hash: records[total - 1]!.hash });
  });

  it('a change rolled back with its transaction leaves no record and no gap', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await appendAudit(tx, { actorType: 'system', actorId: 'test', action: 'thing.changed', subjectType: 'thing' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await count()).toBe(total);
    await appendAudit(database.db, { actorType: 'system', actorId: 'test', action: 'thing.changed', subjectType: 'thing', after: { n: 1 } });
    total++;
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, records: total });
  });

  it('an edited record is caught at its number; restored, the chain verifies again', async () => {
    const original = await row(3);
    await database.db.execute(sql`update audit_log set after = '{"scopes": ["lookup", "feeds:read"]}'::jsonb where seq = 3`);
    expect(await verifyAuditChain(database.db)).toEqual({
      ok: false,
      records: 2,
      seq: 3,
      reason: 'its content does not match its hash',
    });

    // jsonb gives back the same value whatever the key order, so restoring the content restores the chain.
    await database.db.execute(sql`update audit_log set after = ${JSON.stringify(original.after)}::jsonb where seq = 3`);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, records: total });

    // Any column counts, not only the JSON: the actor, the time, the action.
    for (const edit of [
      sql`update audit_log set actor_id = 'someone-else' where seq = 2`,
      sql`update audit_log set at = at + interval '1 millisecond' where seq = 2`,
      sql`update audit_log set action = 'user.viewed' where seq = 2`,
      sql`update audit_log set organization_id = gen_random_uuid() where seq = 2`,
    ]) {
      const saved = await row(2);
      await database.db.execute(edit);
      expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, seq: 2, reason: 'its content does not match its hash' });
      await database.db.update(auditLog).set(saved).where(sql`${auditLog.seq} = 2`);
      expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
    }
  });

  it('an edited record with a recomputed hash is caught at the next record', async () => {
    const saved = await row(2);
    const forged = { ...saved, seq: 2, after: { ...(saved.after as object), role: 'admin' } };
    await database.db.update(auditLog).set({ after: forged.after, hash: auditHash(forged) }).where(sql`${auditLog.seq} = 2`);
    expect(await verifyAuditChain(database.db)).toEqual({
      ok: false,
      records: 2,
      seq: 3,
      reason: 'it does not point at the previous record',
    });
    await database.db.update(auditLog).set(saved).where(sql`${auditLog.seq} = 2`);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, records: total });
  });

  it('a deleted record in the middle is caught', async () => {
    const saved = await row(3);
    await database.db.execute(sql`delete from audit_log where seq = 3`);
    expect(await verifyAuditChain(database.db)).toEqual({ ok: false, records: 2, seq: 3, reason: 'record 3 is missing' });
    await database.db.insert(auditLog).values(saved);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, records: total });
  });

  it('a deleted first record is caught', async () => {
    const saved = await row(1);
    await database.db.execute(sql`delete from audit_log where seq = 1`);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, seq: 1, reason: 'record 1 is missing' });
    await database.db.insert(auditLog).values(saved);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, records: total });
  });

  it('a truncated log (the last records deleted) is caught by the chain head', async () => {
    const last = await row(total);
    const beforeLast = await row(total - 1);
    await database.db.execute(sql`delete from audit_log where seq = ${total}`);
    expect(await verifyAuditChain(database.db)).toEqual({
      ok: false,
      records: total - 1,
      seq: total,
      reason: `the chain head names record ${total}, the log ends at ${total - 1}`,
    });
    await database.db.execute(sql`delete from audit_log where seq = ${total - 1}`);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, records: total - 2, seq: total });
    await database.db.insert(auditLog).values([beforeLast, last]);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, records: total });
  });

  it('a chain head moved back to hide truncation is still caught', async () => {
    const last = await row(total);
    const head = await readChainHead(database.db);
    await database.db.execute(sql`delete from audit_log where seq = ${total}`);
    // The head is moved back one record but its hash is not recomputed (the forger cannot know
    // it without also rewriting the record): the hash no longer matches.
    await database.db.execute(sql`update audit_chain_head set seq = ${total - 1} where id = 1`);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, records: total - 1 });
    await database.db.insert(auditLog).values(last);
    await database.db.execute(sql`update audit_chain_head set seq = ${head.seq}, hash = ${head.hash} where id = 1`);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, records: total });
  });

  it('verifies across batch boundaries', async () => {
    for (const batchSize of [1, 2, total - 1, total, total + 1]) {
      expect(await verifyAuditChain(database.db, batchSize)).toMatchObject({ ok: true, records: total });
    }
    const saved = await row(total - 1);
    await database.db.execute(sql`update audit_log set subject_id = 'x' where seq = ${total - 1}`);
    for (const batchSize of [1, 2, total - 1, total]) {
      expect(await verifyAuditChain(database.db, batchSize)).toMatchObject({ ok: false, seq: total - 1 });
    }
    await database.db.update(auditLog).set(saved).where(sql`${auditLog.seq} = ${total - 1}`);
  });

  it('50 concurrent appends keep the chain linear and valid', async () => {
    const before = await count();
    const rows = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        appendAudit(database.db, {
          actorType: 'system',
          actorId: `writer-${i}`,
          action: 'thing.changed',
          subjectType: 'thing',
          subjectId: String(i),
          after: { i, nested: { b: 2, a: 1 }, when: new Date(0) },
        }),
      ),
    );
    const seqs = rows.map((r) => Number(r.seq)).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => before + 1 + i));
    total = before + 50;
    expect(await count()).toBe(total);
    // No fork: every hash is pointed at by exactly the next record.
    const all = await database.db.select().from(auditLog).orderBy(auditLog.seq);
    expect(new Set(all.map((r) => r.prevHash)).size).toBe(all.length);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, records: total });
  });

  it('concurrent use cases, some failing, keep the chain valid', async () => {
    const caller = systemCaller('audit-test');
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        // Every third one collides on its slug and is rolled back.
        createOrganization(database.db, caller, { slug: `org-${i % 3 === 0 ? 'same' : i}`, name: `Org ${i}`, kind: 'other' }),
      ),
    );
    const created = results.filter((r) => r.status === 'fulfilled').length;
    // Seven of them want `org-same`: one gets it, six are refused.
    expect(created).toBe(14);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ status: 409 });
    total += created;
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, records: total });
  });
});

describe('canhgiac audit verify', () => {
  let target: CliTarget;

  beforeAll(async () => {
    target = await freshCliTarget();
  });
  afterAll(async () => {
    await target?.cleanup();
  });

  it('prints OK with the count on a good database, and exits 1 naming the tampered record after an SQL edit', async () => {
    const seeded = await runCli(['seed', '--demo'], target.env);
    expect(seeded.stderr).toBe('');
    expect(seeded.code).toBe(0);

    const good = await runCli(['audit', 'verify'], target.env);
    expect(good.stderr).toBe('');
    expect(good.code).toBe(0);
    const match = /^OK: (\d+) audit records, chain head [0-9a-f]{64}\n$/.exec(good.stdout);
    expect(match, good.stdout).not.toBeNull();
    const records = Number(match![1]);
    // At least one record per demo organization and user.
    expect(records).toBeGreaterThanOrEqual(11);

    // Tamper with a record in the middle from this process, as someone with SQL access would.
    const tampered = Math.ceil(records / 2);
    const db = await target.open();
    try {
      await db.db.execute(sql`update audit_log set after = coalesce(after, '{}'::jsonb) || '{"tampered": true}'::jsonb where seq = ${tampered}`);
    } finally {
      await db.close();
    }

    const bad = await runCli(['audit', 'verify'], target.env);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toBe(`canhgiac: TAMPERED: audit record ${tampered}: its content does not match its hash.\n`);
    // Three CLI runs and a new PGlite cluster (initdb in WebAssembly) on a busy 2-core machine.
  }, 150_000);
});
