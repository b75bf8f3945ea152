/** Framework diagnostics → tfplugin6 `Diagnostic`. */
import type * as tf from '../../plugin/tfplugin6-types.js';
import type { Diagnostic, Path } from '../diagnostics.js';
import type { AttributePath as CtyPath } from '../../cty/index.js';

export function toProtoDiagnostics(diagnostics: readonly Diagnostic[]): tf.Diagnostic[] {
  return diagnostics.map((d) => ({
    severity: d.severity === 'error' ? 'ERROR' : 'WARNING',
    summary: d.summary,
    ...(d.detail === undefined ? {} : { detail: d.detail }),
    ...(d.path === undefined || d.path.length === 0 ? {} : { attribute: toProtoPath(d.path) }),
  }));
}

export function toProtoPath(path: Path): tf.AttributePath {
  return {
    steps: path.map((step) =>
      typeof step === 'string'
        ? { attribute_name: step }
        : typeof step === 'number'
          ? { element_key_int: step }
          : { element_key_string: step.key },
    ),
  };
}

/** A cty codec path; set elements cannot be addressed, so the path stops before them. */
export function fromCtyPath(path: CtyPath): Path {
  const out: (string | number | { key: string })[] = [];
  for (const step of path) {
    if (step.kind === 'setElement') break;
    out.push(step.kind === 'attr' ? step.name : step.kind === 'index' ? step.index : { key: step.key });
  }
  return out;
}
