import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ASSIGNABLE_ROLES, listAssignees } from '../../app/assignees.ts';
import { AGENCY_ROLES } from '../../domain/auth/access.ts';
import type { Db } from '../../store/connection.ts';
import { problemResponses } from '../schemas/common.ts';

const Assignee = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  role: Type.Enum(ASSIGNABLE_ROLES),
  openCaseCount: Type.Integer({ minimum: 0, description: 'Cases assigned to them that are not closed, rejected or merged.' }),
});

/** The agency's people a case can be assigned to (for the assign-by-name pickers). */
export const assigneeRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/v1/assignees',
    {
      config: { access: { roles: AGENCY_ROLES } },
      schema: {
        tags: ['cases'],
        summary: 'The agency\'s active analysts and supervisors a case can be assigned to, with their open case counts',
        description: 'Names and roles only: no e-mail addresses or other contact details. Sorted by name. Platforms and partners get 403.',
        response: { 200: Type.Object({ items: Type.Array(Assignee) }), ...problemResponses },
      },
    },
    async (request) => listAssignees(db, request.caller),
  );
};
