import { jwtVerify } from 'jose';
import { INVITE_ROLES, type InviteRole } from './library.js';

/** Who is asking: from the bearer token, or from the host's own `authenticate` hook. */
export interface Caller {
  /** The user id. */
  sub: string;
  role: InviteRole;
  tenant: string;
  room: string;
  /** The inviter's name, for the SMS. */
  name?: string;
}

/** Reads the caller from a request; `null` (or a throw) means unauthenticated: 401. */
export type Authenticate = (request: Request) => Caller | null | Promise<Caller | null>;

/** The shortest HS256 secret accepted: 256 bits, as RFC 7518 asks. */
export const MIN_SECRET_LENGTH = 32;

/** Checks a caller a hook returned: a host's bug must not widen what a request may do. */
export function asCaller(value: unknown): Caller | null {
  const claims = value as Partial<Record<keyof Caller, unknown>> | null;
  if (typeof claims !== 'object' || claims === null) return null;
  const { sub, role, tenant, room, name } = claims;
  if (!nonEmpty(sub) || !nonEmpty(tenant) || !nonEmpty(room)) return null;
  if (typeof role !== 'string' || !(INVITE_ROLES as readonly string[]).includes(role)) return null;
  if (name !== undefined && typeof name !== 'string') return null;
  return { sub, role: role as InviteRole, tenant, room, ...(name ? { name } : {}) };
}

/** Bearer JWTs signed with HS256 and `secret`, with the claims sub, role, tenant, room, exp and an optional name. */
export function jwtAuthenticate(secret: string): Authenticate {
  if (secret.length < MIN_SECRET_LENGTH) throw new RangeError(`INVITE_JWT_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
  const key = new TextEncoder().encode(secret);
  return async (request) => {
    const match = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(request.headers.get('authorization') ?? '');
    if (!match?.[1]) return null;
    try {
      const { payload } = await jwtVerify(match[1], key, { algorithms: ['HS256'], requiredClaims: ['sub', 'exp'] });
      return asCaller(payload);
    } catch {
      return null;
    }
  };
}

function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 256;
}
