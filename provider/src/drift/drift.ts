/**
 * `mercato drift`: what changed outside Terraform in a Terraform working directory, per
 * resource and attribute, with sensitive values masked (the command itself is the CLI's).
 */
import { buildDriftReport, type DriftReport } from './drift-report';
import { planDrift } from './drift-terraform';

export { DriftError } from './drift-terraform';
export {
  DRIFT_FORMATS,
  renderDrift,
  SENSITIVE_MASK,
  buildDriftReport,
  type DriftFormat,
  type DriftReport,
} from './drift-report';

export interface DriftOptions {
  /** The Terraform working directory, already initialized. Default: the current directory. */
  dir?: string;
  /** The Terraform executable: a name looked up in PATH, or a path. Default `terraform`. */
  terraform?: string;
}

/** Runs a refresh-only plan in `options.dir` and reports the drift; a DriftError when it cannot. */
export async function checkDrift(
  options: DriftOptions = {},
  env: NodeJS.ProcessEnv = process.env,
): Promise<DriftReport> {
  const dir = options.dir ?? process.cwd();
  const plan = await planDrift(dir, options.terraform ?? 'terraform', env);
  return buildDriftReport(dir, plan.drift, plan.state);
}
