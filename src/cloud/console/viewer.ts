/**
 * Who is looking: the admin (the operator API's token; every account) or a
 * tenant (an AccessKey; its own account only). Sign-in checks the credential
 * once; every later request checks the session again against the store, so a
 * removed AccessKey or a changed secret ends a tenant's session at once.
 */
import type { Kysely } from 'kysely';
import type { Account } from '../api/action.js';
import { tokensMatch } from '../admin/admin-token.js';
import { SYSTEM_ACCOUNT_ID } from '../api/catalog/system-images.js';
import type { AccessKeyDirectory } from '../http/access-keys.js';
import type { Database } from '../store/schema.js';
import type { Principal, Session, SessionKeys } from './session.js';

export interface Viewer {
  readonly isAdmin: boolean;
  /** The accounts whose resources this viewer sees (the admin: all). */
  readonly accounts: readonly Account[];
  readonly label: string;
}

export interface ViewerDeps {
  readonly db: Kysely<Database>;
  readonly accessKeys: AccessKeyDirectory;
  readonly adminToken: string;
  readonly keys: SessionKeys;
}


export async function principalOf(form: URLSearchParams, deps: ViewerDeps): Promise<Principal | string> {
  const token = form.get('token')?.trim() ?? '';
  const accessKeyId = form.get('accessKeyId')?.trim() ?? '';
  const secret = form.get('accessKeySecret') ?? '';
  if (token !== '') return tokensMatch(token, deps.adminToken) ? { kind: 'admin' } : 'The admin token is not valid.';
  if (accessKeyId === '' || secret === '') return 'Enter the admin token, or an AccessKey ID and its secret.';
  const key = await deps.accessKeys.reload(accessKeyId);
  if (key === undefined || !tokensMatch(secret, key.secret)) return 'The AccessKey ID or secret is not valid.';
  return { kind: 'tenant', accountId: key.account.id, accessKeyId, secretCheck: deps.keys.secretCheck(accessKeyId, key.secret) };
}

export async function viewerOf(session: Session, deps: ViewerDeps): Promise<Viewer | undefined> {
  const { principal } = session;
  if (principal.kind === 'admin') {
    // The system images' owner is an account row too, but no one signs in as it.
    const accounts = await deps.db.selectFrom('accounts').select(['id', 'name']).where('id', '!=', SYSTEM_ACCOUNT_ID).orderBy('created_at').orderBy('id').execute();
    return { isAdmin: true, accounts, label: 'admin' };
  }
  const key = await deps.accessKeys.find(principal.accessKeyId);
  if (key === undefined || key.account.id !== principal.accountId) return undefined;
  if (deps.keys.secretCheck(principal.accessKeyId, key.secret) !== principal.secretCheck) return undefined;
  return { isAdmin: false, accounts: [key.account], label: `${key.account.name} (${key.account.id})` };
}
