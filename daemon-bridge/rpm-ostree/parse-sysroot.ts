import type {
  ActiveTransaction,
  AutomaticUpdatePolicy,
  BootOptions,
  Deployment,
  SystemState,
} from '../contract/domain.ts';
import type { CachedUpdate } from '../contract/updates.ts';
import { summarizeUpdate } from '../contract/updates.ts';
import { parseDeployment } from './parse-deployment.ts';
import { ParseError, tuple, unwrapVariant } from './vardict.ts';

const POLICIES: readonly AutomaticUpdatePolicy[] = ['none', 'check', 'stage', 'apply'];

/** The Sysroot properties the app reads, already unwrapped from their Variants. */
export interface SysrootProperties {
  readonly path: string;
  readonly bootedOsPath: string;
  readonly deployments: readonly Deployment[];
  readonly automaticUpdatePolicy: AutomaticUpdatePolicy;
  readonly activeTransaction: ActiveTransaction | null;
}

/** Names of the Sysroot properties and the type each must have. */
const SIGNATURES = {
  Path: 's',
  Booted: 'o',
  Deployments: 'aa{sv}',
  AutomaticUpdatePolicy: 's',
  ActiveTransaction: '(sss)',
  ActiveTransactionPath: 's',
} as const;

type SysrootPropertyName = keyof typeof SIGNATURES;

function prop(all: Record<string, unknown>, name: SysrootPropertyName): unknown {
  const where = `Sysroot.${name}`;
  if (!(name in all)) throw new ParseError(where, 'required property is missing');
  return unwrapVariant(all[name], SIGNATURES[name], where);
}

function str(v: unknown, where: string): string {
  if (typeof v !== 'string') throw new ParseError(where, 'expected a string');
  return v;
}

export function parsePolicy(v: unknown): AutomaticUpdatePolicy {
  const s = str(v, 'Sysroot.AutomaticUpdatePolicy').toLowerCase();
  return (POLICIES as readonly string[]).includes(s) ? (s as AutomaticUpdatePolicy) : 'unknown';
}

export function parseActiveTransaction(value: unknown, address: unknown): ActiveTransaction | null {
  const [method, initiator, osPath] = tuple(value, 3, 'Sysroot.ActiveTransaction');
  const m = str(method, 'Sysroot.ActiveTransaction[0]');
  const addr = str(address, 'Sysroot.ActiveTransactionPath');
  // ("", "", "") and "" both mean idle; either alone is a transaction being set up or torn down.
  if (m === '' && addr === '') return null;
  return {
    method: m,
    initiator: str(initiator, 'Sysroot.ActiveTransaction[1]'),
    osPath: str(osPath, 'Sysroot.ActiveTransaction[2]'),
    address: addr,
  };
}

export function parseDeployments(v: unknown): readonly Deployment[] {
  if (!Array.isArray(v)) throw new ParseError('Sysroot.Deployments', 'expected an array');
  return v.map((d, i) => parseDeployment(d, `Sysroot.Deployments[${i}]`));
}

/** The result of `Properties.GetAll(Sysroot)` → the properties the app uses. */
export function parseSysrootProperties(all: unknown): SysrootProperties {
  if (typeof all !== 'object' || all === null || Array.isArray(all))
    throw new ParseError('Sysroot', 'expected a property dictionary');
  const record = all as Record<string, unknown>;
  return {
    path: str(prop(record, 'Path'), 'Sysroot.Path'),
    bootedOsPath: str(prop(record, 'Booted'), 'Sysroot.Booted'),
    deployments: parseDeployments(prop(record, 'Deployments')),
    automaticUpdatePolicy: parsePolicy(prop(record, 'AutomaticUpdatePolicy')),
    activeTransaction: parseActiveTransaction(
      prop(record, 'ActiveTransaction'),
      prop(record, 'ActiveTransactionPath'),
    ),
  };
}

/** Applies a PropertiesChanged body on top of known properties. */
export function applySysrootChanges(
  current: SysrootProperties,
  changed: Record<string, unknown>,
): SysrootProperties {
  const merged: Record<string, unknown> = {};
  const has = (n: SysrootPropertyName) => n in changed;
  const get = (n: SysrootPropertyName) => unwrapVariant(changed[n], SIGNATURES[n], `Sysroot.${n}`);
  Object.assign(merged, current);
  if (has('Path')) merged.path = str(get('Path'), 'Sysroot.Path');
  if (has('Booted')) merged.bootedOsPath = str(get('Booted'), 'Sysroot.Booted');
  if (has('Deployments')) merged.deployments = parseDeployments(get('Deployments'));
  if (has('AutomaticUpdatePolicy'))
    merged.automaticUpdatePolicy = parsePolicy(get('AutomaticUpdatePolicy'));
  if (has('ActiveTransaction') || has('ActiveTransactionPath')) {
    // The two change together; when only one arrives, keep the other's last value.
    const prevTxn = current.activeTransaction;
    const value = has('ActiveTransaction')
      ? get('ActiveTransaction')
      : [prevTxn?.method ?? '', prevTxn?.initiator ?? '', prevTxn?.osPath ?? ''];
    const address = has('ActiveTransactionPath')
      ? get('ActiveTransactionPath')
      : (prevTxn?.address ?? '');
    merged.activeTransaction = parseActiveTransaction(value, address);
  }
  return merged as unknown as SysrootProperties;
}

/**
 * Roles as libostree assigns them per osname (reference §5.1): among the
 * booted osname's deployments in boot order, the first before the booted one
 * is pending, the first after it is the rollback.
 */
export function deploymentRoles(deployments: readonly Deployment[]): {
  bootedId: string | null;
  pendingId: string | null;
  rollbackId: string | null;
} {
  const bootedIndex = deployments.findIndex((d) => d.booted);
  const booted = deployments[bootedIndex];
  if (!booted) return { bootedId: null, pendingId: null, rollbackId: null };
  const sameOs = (d: Deployment) => d.osname === booted.osname;
  const pending = deployments.slice(0, bootedIndex).find(sameOs);
  const rollback = deployments.slice(bootedIndex + 1).find(sameOs);
  return {
    bootedId: booted.id,
    pendingId: pending?.id ?? null,
    rollbackId: rollback?.id ?? null,
  };
}

/**
 * Builds the renderer's SystemState from the Sysroot properties and the
 * booted OS's CachedUpdate (summarized: its rows stay with the link).
 */
export function toSystemState(
  props: SysrootProperties,
  cachedUpdate: CachedUpdate | null,
  readAt: number,
  bootOptions: readonly BootOptions[] = [],
): SystemState {
  const booted = props.deployments.find((d) => d.booted);
  return {
    sysrootPath: props.path,
    bootedOsname: booted?.osname ?? null,
    deployments: props.deployments,
    ...deploymentRoles(props.deployments),
    automaticUpdatePolicy: props.automaticUpdatePolicy,
    activeTransaction: props.activeTransaction,
    cachedUpdate: cachedUpdate && summarizeUpdate(cachedUpdate),
    bootOptions,
    readAt,
  };
}
