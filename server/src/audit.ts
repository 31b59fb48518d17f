import type { Logger } from 'pino';
import type { Caller } from './auth.js';

/**
 * A number as the audit log shows it: the calling code and area, and the last four digits
 * (`+1201•••0123`). Short or malformed input shows less, so that no whole number is ever logged.
 */
export function maskNumber(input: unknown): string {
  if (typeof input !== 'string') return '(none)';
  const digits = input.replace(/\D/g, '');
  if (!/^\+\d{2,15}$/.test(input)) return '(malformed)';
  if (digits.length >= 10) return `+${digits.slice(0, 4)}•••${digits.slice(-4)}`;
  if (digits.length >= 6) return `+${digits.slice(0, 1)}•••${digits.slice(-2)}`;
  return '+•••';
}

export type AuditAction = 'call' | 'sms';

/** One JSON line per attempt and per outcome: who, where, to what number (masked), and what came of it. Never the message text. */
export function audit(logger: Logger, caller: Caller, action: AuditAction, fields: { number: unknown; outcome: string; id?: string; reason?: string }): void {
  logger.info(
    {
      audit: action,
      sub: caller.sub,
      role: caller.role,
      tenant: caller.tenant,
      room: caller.room,
      number: maskNumber(fields.number),
      outcome: fields.outcome,
      ...(fields.id ? { id: fields.id } : {}),
      ...(fields.reason ? { reason: fields.reason } : {}),
    },
    `${action} ${fields.outcome}`,
  );
}
