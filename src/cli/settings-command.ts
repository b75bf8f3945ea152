/**
 * `ecs-image settings [--image-creation-seconds N …]`: shows the live settings
 * of a running cloud, or changes the given ones (GET/PATCH /_ecs-image/settings).
 * A change applies to work started afterwards.
 */
import { Command, Option } from 'commander';
import { callAdmin, printResult, resolveAdminTarget, withAdminTarget, type AdminTargetOptions } from './admin-client.js';

/** Flag → the setting it changes (all numbers; the cloud checks the ranges). */
const FLAGS = {
  imageCreationSeconds: ['--image-creation-seconds <seconds>', 'how long CreateImage and CopyImage take'],
  snapshotCreationSeconds: ['--snapshot-creation-seconds <seconds>', 'how long CreateSnapshot takes'],
  instanceTransitionSeconds: ['--instance-transition-seconds <seconds>', 'how long an instance takes to start or stop'],
  imageQuota: ['--image-quota <count>', 'custom images an account may own per region'],
} as const;

type SettingsOptions = AdminTargetOptions & Partial<Record<keyof typeof FLAGS, string>>;

export function settingsCommand(): Command {
  const command = new Command('settings').description('show or change the settings of a running local cloud');
  for (const [flag, description] of Object.values(FLAGS)) command.addOption(new Option(flag, description));
  return withAdminTarget(command).action(async (options: SettingsOptions) => {
    const patch: Record<string, number> = {};
    for (const name of Object.keys(FLAGS) as (keyof typeof FLAGS)[]) {
      const text = options[name];
      if (text === undefined) continue;
      const value = Number(text);
      if (text.trim() === '' || !Number.isFinite(value)) throw new Error(`${FLAGS[name][0].split(' ')[0]} takes a number, not "${text}"`);
      patch[name] = value;
    }
    const target = resolveAdminTarget(options);
    const answer = (Object.keys(patch).length === 0
      ? await callAdmin(target, 'GET', 'settings')
      : await callAdmin(target, 'PATCH', 'settings', patch)) as Record<string, unknown>;
    printResult(options, answer, Object.entries(answer).map(([name, value]) => `${name}=${String(value)}`).join(' '));
  });
}
