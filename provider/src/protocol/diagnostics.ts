/** Diagnostics as Terraform shows them: severity, summary, detail and an optional attribute path. */
import { SEVERITY_ERROR, SEVERITY_WARNING } from './messages';
import type { AttributePathStep, Diagnostic } from './wire-types';

export function errorDiagnostic(summary: string, detail = '', steps?: AttributePathStep[]): Diagnostic {
  return { severity: SEVERITY_ERROR, summary, detail, ...(steps ? { attribute: { steps } } : {}) };
}

export function warningDiagnostic(summary: string, detail = '', steps?: AttributePathStep[]): Diagnostic {
  return { severity: SEVERITY_WARNING, summary, detail, ...(steps ? { attribute: { steps } } : {}) };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === SEVERITY_ERROR);
}

/** Any thrown value as a readable error diagnostic (never a gRPC "Internal" error). */
export function diagnosticFromError(error: unknown, summary = 'Unexpected provider error'): Diagnostic {
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? `\nCaused by: ${error.cause.message}` : '';
  return errorDiagnostic(summary, message + cause);
}
