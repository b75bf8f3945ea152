/** The `ecs-image` command tree: each subcommand lives in its own file and is listed here. */
import { Command } from 'commander';
import { packageVersion } from '../package-root.js';
import { accountsCommand } from './accounts-command.js';
import { envCommand } from './env-command.js';
import { faultsCommand } from './faults-command.js';
import { jobsCommand } from './jobs-command.js';
import { serveCommand } from './serve-command.js';
import { settingsCommand } from './settings-command.js';
import { stateCommand } from './state-command.js';

export function buildProgram(): Command {
  return new Command('ecs-image')
    .description('Alibaba Cloud ECS custom images: a local ECS-compatible cloud and Terraform providers')
    .version(packageVersion(), '-V, --version', 'print the version')
    .addCommand(serveCommand())
    .addCommand(accountsCommand())
    .addCommand(envCommand())
    .addCommand(stateCommand())
    .addCommand(jobsCommand())
    .addCommand(settingsCommand())
    .addCommand(faultsCommand());
}
