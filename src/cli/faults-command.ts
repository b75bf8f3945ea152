/**
 * `ecs-image faults add|list|clear`: the fault rules of a running cloud
 * (/_ecs-image/faults). A rule makes matching requests slow (`--latency-ms`)
 * or fail with an ECS error (`--code`) before anything is read or written;
 * every replica sharing a PostgreSQL applies it.
 *
 *   ecs-image faults add --action CreateImage --code Throttling.User --times 2
 */
import { Command, Option } from 'commander';
import { callAdmin, printResult, resolveAdminTarget, withAdminTarget, type AdminTargetOptions } from './admin-client.js';

interface AddOptions extends AdminTargetOptions {
  readonly product?: string;
  readonly action?: string;
  readonly region?: string;
  readonly account?: string;
  readonly probability?: string;
  readonly times?: string;
  readonly latencyMs?: string;
  readonly code?: string;
  readonly httpStatus?: string;
  readonly message?: string;
}

interface FaultRuleAnswer {
  readonly id: string;
  readonly product?: string;
  readonly action?: string;
  readonly latencyMs?: number;
  readonly remaining?: number;
  readonly error?: { readonly code: string; readonly httpStatus: number };
}

/** Numbers go to the cloud as given, so its 400 names the field of a bad one. */
function numberOf(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new Error(`${flag} takes a number, not "${text}"`);
  return value;
}

function ruleOf(options: AddOptions): Record<string, unknown> {
  const status = numberOf(options.httpStatus, '--http-status');
  if (options.code === undefined && (status !== undefined || options.message !== undefined)) {
    throw new Error('--http-status and --message need --code');
  }
  const fields: Record<string, unknown> = {
    product: options.product,
    action: options.action,
    regionId: options.region,
    accountId: options.account,
    probability: numberOf(options.probability, '--probability'),
    times: numberOf(options.times, '--times'),
    latencyMs: numberOf(options.latencyMs, '--latency-ms'),
    error:
      options.code === undefined
        ? undefined
        : Object.fromEntries(Object.entries({ code: options.code, httpStatus: status, message: options.message }).filter(([, v]) => v !== undefined)),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

function describeRule(rule: FaultRuleAnswer): string {
  const target = [rule.product, rule.action].filter((part) => part !== undefined).join(' ') || 'every request';
  const effect = [rule.latencyMs !== undefined ? `${rule.latencyMs} ms late` : undefined, rule.error?.code].filter(Boolean).join(', then ');
  const left = rule.remaining !== undefined ? ` (${rule.remaining} left)` : '';
  return `${rule.id}: ${target} → ${effect}${left}`;
}

export function faultsCommand(): Command {
  const faults = new Command('faults').description('inject failures and latency into a running local cloud');
  withAdminTarget(
    faults
      .command('add')
      .description('add a fault rule (at least --code or --latency-ms)')
      .addOption(new Option('--product <product>', 'only this product').choices(['Ecs', 'Vpc', 'ResourceManager']))
      .addOption(new Option('--action <action>', 'only this action, e.g. CreateImage'))
      .addOption(new Option('--region <region>', 'only this region'))
      .addOption(new Option('--account <id>', 'only this account'))
      .addOption(new Option('--probability <p>', 'chance a matching request is hit, 0..1 (default 1)'))
      .addOption(new Option('--times <n>', 'retire the rule after this many hits'))
      .addOption(new Option('--latency-ms <ms>', 'delay matching requests'))
      .addOption(new Option('--code <code>', 'answer with this ECS error code, e.g. Throttling.User'))
      .addOption(new Option('--http-status <status>', "HTTP status of the error (default: the code's own, or 400)"))
      .addOption(new Option('--message <message>', 'message of the error')),
  ).action(async (options: AddOptions) => {
    const answer = (await callAdmin(resolveAdminTarget(options), 'POST', 'faults', ruleOf(options))) as FaultRuleAnswer;
    printResult(options, answer, `added ${describeRule(answer)}`);
  });
  withAdminTarget(faults.command('list').description('list the fault rules')).action(async (options: AdminTargetOptions) => {
    const answer = (await callAdmin(resolveAdminTarget(options), 'GET', 'faults')) as { faults: FaultRuleAnswer[] };
    const rules = answer.faults;
    printResult(options, answer, rules.length === 0 ? 'no fault rules' : `${rules.length} fault rule${rules.length === 1 ? '' : 's'}: ${rules.map(describeRule).join('; ')}`);
  });
  withAdminTarget(faults.command('clear').description('remove one fault rule, or all').argument('[id]')).action(
    async (id: string | undefined, options: AdminTargetOptions) => {
      const route = id === undefined ? 'faults' : `faults/${encodeURIComponent(id)}`;
      const answer = (await callAdmin(resolveAdminTarget(options), 'DELETE', route)) as { deleted: number };
      printResult(options, answer, `removed ${answer.deleted} fault rule${answer.deleted === 1 ? '' : 's'}`);
    },
  );
  return faults;
}
