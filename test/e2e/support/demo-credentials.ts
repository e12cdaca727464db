export const DEMO_ROLES = ['admin', 'supervisor', 'analyst', 'platform_operator', 'partner_admin'] as const;
export type DemoRole = (typeof DEMO_ROLES)[number];

export interface DemoUser {
  role: DemoRole;
  email: string;
  password: string;
}

// `canhgiac seed --demo` (and the server, on a new database) prints once: "  Sign in as analyst: analyst@… / 8Xk…"
const LINE = /^\s*Sign in as ([a-z_]+): (\S+@\S+) \/ (\S+)\s*$/;

function isDemoRole(value: string): value is DemoRole {
  return (DEMO_ROLES as readonly string[]).includes(value);
}

/** Reads the demo users out of what seeding printed (support/demo-template.ts). */
export function parseDemoCredentials(output: string): Map<DemoRole, DemoUser> {
  const users = new Map<DemoRole, DemoUser>();
  for (const line of output.split(/\r?\n/)) {
    const match = LINE.exec(line);
    if (!match) continue;
    const [, role, email, password] = match;
    if (role && email && password && isDemoRole(role)) users.set(role, { role, email, password });
  }
  return users;
}
