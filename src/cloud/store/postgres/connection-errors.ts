/**
 * Which PostgreSQL failures mean "the database is away for now" (the request
 * may succeed if retried: ECS's `ServiceUnavailable`), and a readable line for
 * a store that cannot be opened at all.
 */

/** SQLSTATE classes and codes that are the database's temporary absence, not a bug. */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01', // admin_shutdown: the server is stopping
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or shutting down
  '53300', // too_many_connections
  '40001', // serialization_failure: retry
  '40P01', // deadlock_detected: retry
]);

const UNAVAILABLE_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

// pg reports a dropped socket and a pool timeout with plain messages, without a code.
const UNAVAILABLE_MESSAGES =
  /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Client was closed and is not queryable/i;

export function isPostgresUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message, errors } = error as { code?: unknown; message?: unknown; errors?: unknown };
  if (typeof code === 'string') {
    if (UNAVAILABLE_SOCKET_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code)) return true;
    if (code.startsWith('08')) return true; // connection_exception class
  }
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
  // Node reports a refused `localhost` (tried on ::1 and 127.0.0.1) as an AggregateError.
  return Array.isArray(errors) && errors.some(isPostgresUnavailable);
}

/** The URL without its password, to name the database in messages and logs. */
export function redactUrl(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    if (url.password !== '') url.password = '***';
    return url.toString();
  } catch {
    return '(an unparsable connection URL)';
  }
}

/** The error `openStore` reports when PostgreSQL cannot be reached or used on start. */
export function startupError(connectionString: string, cause: unknown): Error {
  const reason = describeCause(cause);
  return new Error(`cannot open the PostgreSQL database ${redactUrl(connectionString)}: ${reason}`, { cause });
}

function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const errors = (cause as { errors?: unknown }).errors;
  if (cause.message === '' && Array.isArray(errors) && errors[0] instanceof Error) return errors[0].message;
  return cause.message;
}
