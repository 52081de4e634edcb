import { VarDict } from './vardict.ts';

/** `GetDeploymentBootConfig` (reference §8.6): `staged` always; a staged entry has only `options`. */
export interface BootConfig {
  readonly staged: boolean;
  readonly options: string;
  readonly title: string | null;
  readonly version: string | null;
}

export function parseBootConfig(raw: unknown, where = 'GetDeploymentBootConfig'): BootConfig {
  const d = VarDict.from(raw, where);
  return {
    staged: d.bool('staged'),
    options: d.string('options'),
    title: d.optString('title') ?? null,
    version: d.optString('version') ?? null,
  };
}
