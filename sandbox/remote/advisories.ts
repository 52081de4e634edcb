import * as dbus from 'dbus-next';
import { nevra } from '../seed/packages.ts';
import type { PackageSpec } from '../seed/packages.ts';

/**
 * Commit metadata key carrying a compose's security advisories, in exactly
 * CachedUpdate's `advisories` type `a(suuasa{sv})` (reference §8.4.2). A real
 * rpm-ostreed reads updateinfo from rpm-md; the sandbox has no rpm-md, so the
 * publisher records them with the commit.
 */
export const ADVISORIES_KEY = 'rpmostree.sandbox.advisories';

/** RpmOstreeAdvisorySeverity by name (case-insensitive on input). */
export const SEVERITIES = ['none', 'low', 'moderate', 'important', 'critical'] as const;

/** DnfAdvisoryKind SECURITY: the only kind rpm-ostree reports. */
export const ADVISORY_KIND_SECURITY = 1;

/** `(id, kind, severity, nevras, extra)`. */
export type AdvisoryTuple = [string, number, number, string[], Record<string, dbus.Variant>];

/**
 * Parses `ID:SEVERITY:NAME,NAME…` against the new compose's packages: the
 * advisory covers those packages' NEVRAs (Debian: `name_version_arch`). An
 * ID that looks like a CVE gets a `cve_references` entry `(url, title)`,
 * the URL from the machine's tracker (`cveUrl`).
 */
export function parseAdvisoryArg(
  arg: string,
  packages: readonly PackageSpec[],
  cveUrl: (id: string) => string = (id) => `https://bugzilla.redhat.com/show_bug.cgi?id=${id}`,
): AdvisoryTuple {
  const [id, severityName, names, ...rest] = arg.split(':');
  if (!id || !severityName || !names || rest.length > 0)
    throw new Error(`Invalid advisory '${arg}': expected ID:SEVERITY:NAME[,NAME…]`);
  const severity = SEVERITIES.indexOf(severityName.toLowerCase() as (typeof SEVERITIES)[number]);
  if (severity < 0)
    throw new Error(`Invalid advisory severity '${severityName}': one of ${SEVERITIES.join(', ')}`);
  const nevras = names.split(',').map((name) => {
    const p = packages.find((x) => x.name === name);
    if (!p) throw new Error(`Advisory ${id}: package '${name}' is not in the new compose`);
    return nevra(p);
  });
  const extra: Record<string, dbus.Variant> = {};
  if (/^CVE-\d+-\d+$/.test(id))
    extra.cve_references = new dbus.Variant('a(ss)', [
      [cveUrl(id), `${id} ${names}: security issue`],
    ]);
  return [id, ADVISORY_KIND_SECURITY, severity, nevras, extra];
}
