import type { Db } from '../store/connection.ts';
import { findOrganizationBySlug, type OrganizationRow } from '../store/organizations.ts';
import { CliError } from './cli-error.ts';

export async function organizationBySlug(db: Db, slug: string): Promise<OrganizationRow> {
  const organization = await findOrganizationBySlug(db, slug);
  if (!organization) throw new CliError(`No organization with slug "${slug}" (see \`canhgiac org list\`).`);
  return organization;
}
