/** The actor of a request, as the services record it. */
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../../services/editorial/accounts.js';

export function actorOf(req: FastifyRequest): Actor {
  return { accountId: req.principal?.accountId ?? null, name: req.principal?.name ?? 'anonymous', address: req.ip };
}
