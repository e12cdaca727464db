import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/app/audit.ts';
import { verifyPassword } from '../../src/app/passwords.ts';
import { queryRows } from '../../src/store/connection.ts';
import { freshCliTarget, runCli, type CliResult, type CliTarget } from '../helpers/cli.ts';

/** The one line a failing command prints: `canhgiac: <message>`, no stack trace. */
function expectOneLineError(result: CliResult, code = 1): string {
  expect(result.code, `stdout: ${result.stdout}\nstderr: ${result.stderr}`).toBe(code);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^canhgiac: /);
  return lines[0]!;
}

/**
 * Commander's own usage errors (unknown command, missing option or argument): the message on one
 * line, then a hint where to find the usage; no stack trace and nothing on stdout.
 */
function expectUsageError(result: CliResult, message: string): void {
  expect(result.code).not.toBe(0);
  expect(result.stdout).toBe('');
  expect(result.stderr).toBe(`error: ${message}\n(run with --help for usage)\n`);
}

describe('canhgiac --help', () => {
  const commands: [string, (string | RegExp)[]][] = [
    ['serve', ['--no-demo', /web app/]],
    ['start', [/[Bb]uild the web app/, /demo data/]],
    ['migrate', [/migrations/]],
    ['seed', ['--demo']],
    ['user add', ['--org <slug>', '--email <email>', '--name <name>', '--role <role>', '--password <password>', 'partner_admin']],
    ['user reset-password', ['<email>', '--password <password>']],
    ['org add', ['--slug <slug>', '--name <name>', '--kind <kind>', '--platform <platform>', 'agency, platform, bank, telco, other']],
    ['org list', [/List organizations/]],
    ['apikey create', ['--org <slug>', '--name <name>', '--scopes <list>', '--expires-in-days <days>', 'lookup']],
    ['apikey list', ['--org <slug>', /never the keys/]],
    ['apikey revoke', ['<id-or-prefix>']],
    ['audit verify', [/tampered/]],
    ['check', [/link\s+tables/, /foreign\s+keys/]],
  ];

  it.concurrent.each(commands)('%s --help exits 0 and describes its options', async (command, mentions) => {
    const result = await runCli([...command.split(' '), '--help'], {});
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Usage: canhgiac ${command} `);
    for (const m of mentions) {
      if (typeof m === 'string') expect(result.stdout).toContain(m);
      else expect(result.stdout).toMatch(m);
    }
  });

  it('the top-level help lists every command', async () => {
    const result = await runCli(['--help'], {});
    expect(result.code).toBe(0);
    for (const command of ['start', 'serve', 'migrate', 'seed', 'user', 'org', 'apikey', 'audit', 'check']) {
      expect(result.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    }
  });
});

// These fail before any database is opened, so they can run side by side.
describe.concurrent('canhgiac usage errors', () => {
  it('an unknown command exits non-zero with its name', async () => {
    expectUsageError(await runCli(['frobnicate'], {}), "unknown command 'frobnicate'");
  });

  it('a missing option exits non-zero naming it', async () => {
    expectUsageError(
      await runCli(['user', 'add', '--org', 'canhgiac', '--name', 'X', '--role', 'analyst'], {}),
      "required option '--email <email>' not specified",
    );
  });

  it('a missing argument exits non-zero naming it', async () => {
    expectUsageError(await runCli(['apikey', 'revoke'], {}), "missing required argument 'id-or-prefix'");
  });

  it('a bad configuration variable exits 2 with one line naming it, before touching any database', async () => {
    const result = await runCli(['migrate'], { PORT: 'abc', DATA_DIR: '/nonexistent/never-created' });
    expect(result.stdout).toBe('');
    expect(expectOneLineError(result, 2)).toBe('canhgiac: Invalid configuration: PORT must be a whole number (got "abc")');
  });

  it('an unreachable database exits 1 with one line saying which', async () => {
    // Port 1 is never a PostgreSQL server: the connection is refused at once.
    const result = await runCli(['org', 'list'], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nothing' });
    expect(expectOneLineError(result)).toMatch(/^canhgiac: Cannot open the database \(DATABASE_URL\): /);
  });
});

// Each step is a real process; the first one also creates a PGlite cluster (initdb in WebAssembly).
describe('a session with the canhgiac command', { timeout: 120_000 }, () => {
  let target: CliTarget;
  let password = '';
  let key = '';
  let prefix = '';

  beforeAll(async () => {
    target = await freshCliTarget();
  });
  afterAll(async () => {
    await target?.cleanup();
  });

  it('seed --demo creates the demo data and prints one sign-in line per role', async () => {
    const result = await runCli(['seed', '--demo'], target.env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const signIns = result.stdout.split('\n').filter((l) => l.includes('Sign in as'));
    expect(signIns.map((l) => l.replace(/ \/ \S+$/, '').trim())).toEqual([
      'Sign in as admin: admin@canhgiac.example',
      'Sign in as supervisor: supervisor@canhgiac.example',
      'Sign in as analyst: analyst@canhgiac.example',
      'Sign in as platform_operator: operator@meta.example',
      'Sign in as partner_admin: partner@nganhang-demo.example',
    ]);
    // Five different generated passwords.
    const passwords = signIns.map((l) => l.split(' / ')[1]);
    expect(new Set(passwords).size).toBe(5);
    for (const p of passwords) expect(p!.length).toBeGreaterThanOrEqual(12);
  });

  it('a second seed --demo refuses with a clear message', async () => {
    const result = await runCli(['seed', '--demo'], target.env);
    expect(result.stdout).toBe('');
    expect(expectOneLineError(result)).toBe('canhgiac: The database already has data; demo data goes only into an empty one.');
  });

  it('org add with a bad kind refuses with one line naming the field', async () => {
    const bad = await runCli(['org', 'add', '--slug', 'truong-hoc', '--name', 'Trường học', '--kind', 'school'], target.env);
    expect(bad.stdout).toBe('');
    const line = expectOneLineError(bad);
    expect(line).toMatch(/^canhgiac: The organization is not valid\. \(kind: /);
    expect(line).toContain('agency, platform, bank, telco, other');
  });

  it('user add prints the generated password once', async () => {
    const result = await runCli(
      ['user', 'add', '--org', 'nganhang-demo', '--email', 'Chi.Nguyen@NganHang-Demo.example', '--name', 'Nguyễn Thị Chi', '--role', 'partner_admin'],
      target.env,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const match = /^User added: chi\.nguyen@nganhang-demo\.example \(partner_admin at nganhang-demo\)\nPassword \(shown once\): (\S+)\n$/.exec(
      result.stdout,
    );
    expect(match, result.stdout).not.toBeNull();
    password = match![1]!;
    expect(password.length).toBeGreaterThanOrEqual(12);
  });

  it('apikey create prints the key once; list shows its prefix and never the key; revoke revokes it', async () => {
    const created = await runCli(
      ['apikey', 'create', '--org', 'nganhang-demo', '--name', 'fraud engine', '--scopes', 'lookup,feeds:read', '--expires-in-days', '30'],
      target.env,
    );
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^API key created for nganhang-demo: fraud engine \[lookup, feeds:read\] id [0-9a-f-]{36}\n/);
    const match = /^Key \(shown once, store it now\): (cg_([0-9a-f]{8})_[A-Za-z0-9_-]{43})$/m.exec(created.stdout);
    expect(match, created.stdout).not.toBeNull();
    key = match![1]!;
    prefix = match![2]!;

    const listed = await runCli(['apikey', 'list'], target.env);
    expect(listed.stderr).toBe('');
    expect(listed.code).toBe(0);
    const row = listed.stdout.split('\n').find((l) => l.includes(prefix));
    expect(row, listed.stdout).toBeDefined();
    for (const cell of ['nganhang-demo', 'fraud engine', 'lookup,feeds:read', 'active', 'never']) expect(row).toContain(cell);
    expect(listed.stdout).not.toContain(key);
    expect(listed.stdout).not.toContain(key.slice(12));

    const revoked = await runCli(['apikey', 'revoke', prefix], target.env);
    expect(revoked.stderr).toBe('');
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toMatch(new RegExp(`^API key ${prefix} \\(fraud engine\\) revoked at \\d{4}-\\d\\d-\\d\\dT`));
  });

  it('check finds every linked row on the demo data, and names a link whose parent is missing', async () => {
    const sound = await runCli(['check'], target.env);
    expect(sound.stderr).toBe('');
    expect(sound.code).toBe(0);
    expect(sound.stdout).toBe('OK: 9 link columns checked, every row they name is there\n');
    const database = await target.open();
    const orphan = crypto.randomUUID();
    try {
      await queryRows(database.db, sql`insert into case_indicators (case_id, indicator_id) select ${orphan}::uuid, id from indicators limit 1`);
    } finally {
      await database.close();
    }
    const broken = await runCli(['check'], target.env);
    expect(broken.stdout).toBe('');
    expect(expectOneLineError(broken)).toBe('canhgiac: MISSING: 1 case_indicators rows name a cases row that is not there (case_id).');
    const cleanup = await target.open();
    try {
      await queryRows(cleanup.db, sql`delete from case_indicators where case_id = ${orphan}::uuid`);
    } finally {
      await cleanup.close();
    }
  });

  it('the database holds what the commands said, and the audit trail records it', async () => {
    const database = await target.open();
    try {
      const [user] = await queryRows<{ name: string; role: string; slug: string; password_hash: string }>(
        database.db,
        sql`select u.name, u.role, o.slug, u.password_hash from users u join organizations o on o.id = u.organization_id
            where u.email = 'chi.nguyen@nganhang-demo.example'`,
      );
      expect(user).toMatchObject({ name: 'Nguyễn Thị Chi', role: 'partner_admin', slug: 'nganhang-demo' });
      expect(user!.password_hash).toMatch(/^\$argon2id\$/);
      // The printed password is the one that signs in.
      expect(await verifyPassword(user!.password_hash, password)).toBe(true);
      expect(await verifyPassword(user!.password_hash, `${password}x`)).toBe(false);

      const [apiKey] = await queryRows<{ key_hash: string; scopes: string[]; revoked_at: unknown; expires_at: unknown }>(
        database.db,
        sql`select key_hash, scopes, revoked_at, expires_at from api_keys where prefix = ${prefix}`,
      );
      // Stored hashed, never in clear.
      expect(apiKey!.key_hash).toBe(createHash('sha256').update(key).digest('hex'));
      expect(apiKey!.scopes).toEqual(['lookup', 'feeds:read']);
      expect(apiKey!.revoked_at).not.toBeNull();
      const expiresInDays = (new Date(apiKey!.expires_at as string).getTime() - Date.now()) / 86_400_000;
      expect(expiresInDays).toBeGreaterThan(29.9);
      expect(expiresInDays).toBeLessThanOrEqual(30);

      // The refused org add wrote nothing.
      const refused = await queryRows(database.db, sql`select id from organizations where slug = 'truong-hoc'`);
      expect(refused).toEqual([]);
      // The three changes are the last records, audited as the CLI's.
      const actions = await queryRows<{ action: string; actor_type: string; actor_id: string }>(
        database.db,
        sql`select action, actor_type, actor_id from audit_log where seq >= (select min(seq) from audit_log where actor_id = 'cli') order by seq`,
      );
      expect(actions).toEqual([
        { action: 'user.created', actor_type: 'system', actor_id: 'cli' },
        { action: 'api_key.created', actor_type: 'system', actor_id: 'cli' },
        { action: 'api_key.revoked', actor_type: 'system', actor_id: 'cli' },
      ]);
      const [total] = await queryRows<{ n: number | string }>(database.db, sql`select count(*) as n from audit_log`);
      expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, records: Number(total!.n) });
    } finally {
      await database.close();
    }
  });
});
