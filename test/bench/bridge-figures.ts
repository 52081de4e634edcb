import type { Variant } from 'dbus-next';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { callMethod } from '../../daemon-bridge/dbus/call.ts';
import { closeBus, connectBus } from '../../daemon-bridge/dbus/connect-bus.ts';
import { parseCachedUpdate } from '../../daemon-bridge/rpm-ostree/parse-cached-update.ts';
import { interfaces, osObjectPath, RPM_OSTREE } from '../../daemon-bridge/rpm-ostree/profile.ts';
import { getSysrootProperties } from '../../daemon-bridge/rpm-ostree/verbs/get-sysroot-properties.ts';
import { startSandbox } from '../../sandbox/launch.ts';
import { median, ms, sample } from './stats.ts';
import type { Figure } from './stats.ts';

/** Measured refreshes, after WARMUP unrecorded ones. */
const RUNS = 50;
/**
 * A bridge refreshes on every PropertiesChanged and after every transaction
 * for as long as the app runs; dbus-next's decoding reaches its steady speed
 * after a few dozen calls. The calls before that are reported apart ("cold").
 */
const WARMUP = 50;
const COLD = 30;

/**
 * The bridge's read path against the scale machine, in this process (as the
 * app's bridge runs it): Sysroot GetAll + parse, and OS.CachedUpdate Get +
 * parse of its 10,000-row rpm-diff; `ostree admin status` on the same sysroot
 * for comparison.
 */
export async function bridgeFigures(dir: string, deployments: number): Promise<Figure[]> {
  const sandbox = await startSandbox({ dir, idleExit: 0, log: () => undefined });
  const bus = await connectBus(sandbox.address);
  try {
    const cpu = { micros: 0, calls: 0 };
    const all = await sample(
      async () => {
        const t = process.hrtime.bigint();
        const before = process.cpuUsage();
        const props = await getSysrootProperties(bus, RPM_OSTREE);
        if (props.deployments.length !== deployments)
          throw new Error(`expected ${deployments} deployments, got ${props.deployments.length}`);
        // This process's CPU (dbus-next unmarshalling + parse), without the daemon's side.
        const used = process.cpuUsage(before);
        cpu.micros += used.user + used.system;
        cpu.calls += 1;
        return ms(t);
      },
      WARMUP + RUNS,
      0,
    );
    const cold = all.slice(0, COLD);
    const status = all.slice(WARMUP);
    const bridgeCpu = cpu.micros / 1000 / cpu.calls;
    const sysroot = join(dir, 'sysroot');
    const cli = await sample(
      () => {
        const t = process.hrtime.bigint();
        execFileSync('ostree', ['admin', 'status', `--sysroot=${sysroot}`], { stdio: 'pipe' });
        return ms(t);
      },
      10,
      2,
    );
    let rows = 0;
    const parseOnly: number[] = [];
    const diff = await sample(
      async () => {
        const t = process.hrtime.bigint();
        const [value] = await callMethod(bus, {
          destination: RPM_OSTREE.busName,
          path: osObjectPath(RPM_OSTREE, 'fedora'),
          interface: 'org.freedesktop.DBus.Properties',
          member: 'Get',
          signature: 'ss',
          body: [interfaces(RPM_OSTREE).os, 'CachedUpdate'],
          timeoutMs: 120_000,
        });
        const p = process.hrtime.bigint();
        const update = parseCachedUpdate((value as Variant).value);
        parseOnly.push(ms(p));
        rows = update?.changes.length ?? 0;
        return ms(t);
      },
      10,
      2,
    );
    const ratio = median(cli) / median(status);
    return [
      {
        name: `status refresh (GetAll+parse, ${deployments}×2000 pkgs)`,
        samples: status,
        unit: 'ms',
        target: 5,
        note:
          `after ${WARMUP} unrecorded refreshes; cold: first ${all[0]!.toFixed(1)} ms, median of the first ${COLD} ${median(cold).toFixed(1)} ms; ` +
          `ostree admin status ${median(cli).toFixed(1)} ms median → bridge ${ratio.toFixed(1)}× faster; ` +
          `bridge CPU ${bridgeCpu.toFixed(2)} ms a refresh over all ${all.length}, the rest is the bus and the sandbox daemon; ` +
          'the daemon filters pkglist out of Deployments, as rpm-ostreed does',
      },
      {
        name: `diff 10,000 rows: parse in bridge`,
        samples: parseOnly.slice(-diff.length),
        unit: 'ms',
        target: null,
        note: `${rows} rows; Get+parse incl. the daemon computing the diff: ${median(diff).toFixed(0)} ms median`,
      },
    ];
  } finally {
    closeBus(bus);
    await sandbox.stop();
  }
}
