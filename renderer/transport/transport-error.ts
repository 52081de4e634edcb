import type { AppError } from '../../daemon-bridge/contract/domain.ts';

/** A rejection that carries the contract's `AppError`, for commands that do not return a `Result`. */
export class TransportError extends Error {
  readonly error: AppError;

  constructor(error: AppError) {
    super(error.message);
    this.name = 'TransportError';
    this.error = error;
  }
}
