/**
 * Authorization requests a test makes through the app, and what became of
 * each: done (the app says it worked), reported (the app said why not, in
 * words), or lost (neither: no answer, a throw, a failure without a
 * message). Written to the reliability ledger under `polkit`.
 */
import { recordReliability } from '../reliability/ledger.ts';

export type RequestFate = 'done' | 'reported' | 'lost';

/** The fate of one command's answer (a contract `Result`). */
export function fateOf(answer: unknown): RequestFate {
  if (typeof answer !== 'object' || answer === null || !('ok' in answer)) return 'lost';
  if (answer.ok === true) return 'done';
  const error = (answer as { error?: { message?: unknown } }).error;
  return typeof error?.message === 'string' && error.message.trim() !== '' ? 'reported' : 'lost';
}

/** Collects the fates of one test's requests and writes one ledger record. */
export function authorizationRequests(what: string) {
  const fates: RequestFate[] = [];
  return {
    /** Awaits one request; a rejection (the app threw, died, never answered) is lost. */
    async track<T>(request: Promise<T>): Promise<T | undefined> {
      try {
        const answer = await request;
        fates.push(fateOf(answer));
        return answer;
      } catch {
        fates.push('lost');
        return undefined;
      }
    },
    /** A request whose fate the test judged itself (e.g. from the app's log). */
    judged(fate: RequestFate): void {
      fates.push(fate);
    },
    get lost(): number {
      return fates.filter((f) => f === 'lost').length;
    },
    /** Writes the record; call before asserting, so a failing test still counts. */
    record(faults = 0): void {
      recordReliability({
        family: 'polkit',
        case: what,
        inputs: fates.length,
        faults,
        lost: fates.filter((f) => f === 'lost').length,
      });
    },
  };
}
