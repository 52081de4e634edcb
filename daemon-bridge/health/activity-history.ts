import type { Activity } from '../contract/updates.ts';

/** How many transactions the diagnostics file keeps. */
export const MAX_HISTORY = 20;

/**
 * The recent transactions as the activity panel showed them, newest last:
 * every snapshot's activity is recorded under its start (a transaction's
 * activity keeps its `startedAt` while it runs and after it ends), so a
 * dismissed or replaced activity stays here in its last form.
 */
export class ActivityHistory {
  private readonly entries = new Map<string, Activity>();
  private last: Activity | null = null;

  record(activity: Activity | null): void {
    if (activity === null || activity === this.last) return;
    this.last = activity;
    const key = `${activity.startedAt}:${activity.owner}`;
    this.entries.delete(key);
    this.entries.set(key, activity);
    while (this.entries.size > MAX_HISTORY) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  list(): readonly Activity[] {
    return [...this.entries.values()].sort((a, b) => a.startedAt - b.startedAt);
  }

  /** When an upgrade or deploy run by this app last succeeded (for the update-age check). */
  lastStageAt(): number | null {
    let at: number | null = null;
    for (const a of this.entries.values())
      if (
        a.owner === 'this-app' &&
        a.phase === 'succeeded' &&
        a.endedAt !== null &&
        isStage(a.commandLine) &&
        (at === null || a.endedAt > at)
      )
        at = a.endedAt;
    return at;
  }
}

/** `rpm-ostree upgrade` or `rpm-ostree deploy …`, not `upgrade --check`/`--preview`. */
function isStage(commandLine: string | null): boolean {
  if (commandLine === null) return false;
  const words = commandLine.split(/\s+/);
  return (
    (words[1] === 'upgrade' || words[1] === 'deploy') &&
    !words.includes('--check') &&
    !words.includes('--preview')
  );
}
