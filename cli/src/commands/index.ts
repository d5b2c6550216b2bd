import type { Command } from 'commander';
import { declareConstructs } from './constructs';
import { declareCreate } from './create';
import { declareDelete } from './delete';
import { declareDescribe } from './describe';
import { declareDrift } from './drift';
import { declareGet } from './get';
import { declareInvoices } from './invoices';
import { declareModule } from './module';
import { declareOrder } from './order';
import { declareProvider } from './provider';
import { declareResourceActions } from './resource-actions';
import { declareServe } from './serve';
import { declareTerraformState } from './terraform-state';
import { declareUsage } from './usage';

/**
 * Every command of `mercato`, in the order `mercato --help` lists them. Each file declares one
 * command (its arguments, options and help) and loads the code that does the work only in its
 * action, so a command pays for no other's modules. A new command is a new file here.
 */
export const COMMANDS: ((program: Command) => void)[] = [
  declareServe,
  declareGet,
  declareDescribe,
  declareOrder,
  declareResourceActions,
  declareInvoices,
  declareCreate,
  declareDelete,
  declareProvider,
  declareModule,
  declareTerraformState,
  declareUsage,
  declareDrift,
  declareConstructs,
];
