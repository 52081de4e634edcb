import { resolve } from 'node:path';
import { publish } from './remote/publish.ts';
import { sandboxLayout } from './sysroot/layout.ts';
import { rebootSandbox } from './sysroot/sandbox-reboot.ts';

/** Help for `npm run sandbox -- publish`. */
export const PUBLISH_HELP = `Usage: npm run sandbox -- publish --dir DIR --version V [options]

Releases a new version of the machine's ref on the sandbox's upstream repo
(a new commit with its package list and advisories in the commit metadata)
and regenerates the summary. Changes apply to the ref's current head.
Packages are written as the machine's distribution writes them: Fedora
NAME-VER-REL[.ARCH] (firefox-147.0.2-1.fc43), Debian NAME[:ARCH]=VERSION
(openssh-client=1:9.2p1-2+deb12u4).

Options:
  --dir DIR                        the sandbox directory (required)
  --version V                      the compose version, e.g. 43.20260201.0 or
                                   12.20260201.0 (required)
  --add PACKAGE                    add a package (repeatable)
  --remove NAME                    remove a package (repeatable)
  --upgrade PACKAGE                replace a package's version (repeatable)
  --advisory ID:SEVERITY:NAME,...  a security advisory; SEVERITY is none, low,
                                   moderate, important or critical (repeatable)
  --pad-files N                    add N generated 2 KiB files (a bigger pull)
`;

/** Runs `publish` from its command-line arguments; returns the exit code. */
export async function publishCommand(argv: readonly string[]): Promise<number> {
  let dir: string | undefined;
  let version: string | undefined;
  let padFiles = 0;
  const add: string[] = [];
  const remove: string[] = [];
  const upgrade: string[] = [];
  const advisories: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--help' || flag === '-h') {
      process.stdout.write(PUBLISH_HELP);
      return 0;
    } else if (flag === '--dir') dir = value();
    else if (flag === '--version') version = value();
    else if (flag === '--add') add.push(value());
    else if (flag === '--remove') remove.push(value());
    else if (flag === '--upgrade') upgrade.push(value());
    else if (flag === '--advisory') advisories.push(value());
    else if (flag === '--pad-files') padFiles = Number(value());
    else {
      process.stderr.write(`Unknown option ${flag}\n\n${PUBLISH_HELP}`);
      return 2;
    }
  }
  if (!dir || !version) {
    process.stderr.write(`--dir and --version are required\n\n${PUBLISH_HELP}`);
    return 2;
  }
  const done = await publish(resolve(dir), {
    version,
    add,
    remove,
    upgrade,
    advisories,
    padFiles,
  });
  process.stdout.write(`${done.checksum}\n`);
  process.stderr.write(`published ${done.version} (${done.checksum})\n`);
  return 0;
}

/** Help for `npm run sandbox -- reboot`. */
export const REBOOT_HELP = `Usage: npm run sandbox -- reboot --dir DIR [--finalize-fails[=MESSAGE]]

Reboots the sandbox machine: the staged deployment is finalized and the
default deployment boots (works while the sandbox runs; the daemon notices).
The machine's journal (DIR/journal, journalctl --directory=DIR/journal)
records the shutdown and the new boot.

Options:
  --dir DIR                   the sandbox directory (required)
  --finalize-fails[=MESSAGE]  ostree-finalize-staged fails: the staged
                              deployment is dropped, the previous default
                              boots again, and the journal has ostree's
                              error line (MESSAGE, e.g. "error: Bootloader
                              write config: …"; default: a full /boot)
`;

/**
 * `npm run sandbox -- reboot --dir DIR [--finalize-fails[=MESSAGE]]`:
 * finalizes the staged deployment (or fails to) and boots the default one.
 */
export async function rebootCommand(argv: readonly string[]): Promise<number> {
  let dir: string | undefined;
  let finalizeFails: boolean | string = false;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    if (flag === '--help' || flag === '-h') {
      process.stdout.write(REBOOT_HELP);
      return 0;
    } else if (flag === '--dir') dir = inline ?? argv[++i];
    else if (flag === '--finalize-fails') finalizeFails = inline === undefined ? true : inline;
    else {
      process.stderr.write(`Unknown option ${flag}\n\n${REBOOT_HELP}`);
      return 2;
    }
  }
  if (!dir || finalizeFails === '') {
    process.stderr.write(
      `${dir ? '--finalize-fails= needs a message' : '--dir is required'}\n\n${REBOOT_HELP}`,
    );
    return 2;
  }
  const boot = await rebootSandbox(sandboxLayout(resolve(dir)), { finalizeFails });
  process.stderr.write(`booted ${boot.deployment}\n`);
  return 0;
}
