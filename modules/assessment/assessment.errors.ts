import { DomainError, RateLimited } from '../../src/common/errors';

/** Opening another attempt would exceed the quiz's maximum. */
export class AttemptLimitReached extends DomainError {
  constructor(maxAttempts: number, askForMore: string) {
    super('CONFLICT', `You have used all ${maxAttempts} attempt${maxAttempts === 1 ? '' : 's'} at this quiz. Your best work so far still counts. ${askForMore}`, {
      maxAttempts,
      outOfAttempts: true,
      askForMoreAttempts: askForMore,
    });
  }
}

/** A submitted attempt is final; only a repeat with the same idempotency key gets its result again. */
export class AttemptAlreadySubmitted extends DomainError {
  constructor(number: number, maxAttempts: number, doing: 'submit' | 'save' = 'submit') {
    const left = maxAttempts - number;
    super(
      'CONFLICT',
      (doing === 'submit' ? `Attempt ${number} was already submitted and cannot be submitted again. ` : `Attempt ${number} was already submitted, so its answers can no longer change. `) +
        (left > 0 ? `Start a new attempt to try again (${left} left).` : `You have used all ${maxAttempts} attempts at this quiz.`),
      { attemptNumber: number, maxAttempts },
    );
  }
}

/** The quiz asks learners to wait between attempts. */
export class CooldownActive extends RateLimited {
  constructor(availableAt: Date, now: Date) {
    const seconds = Math.max(1, Math.ceil((availableAt.getTime() - now.getTime()) / 1000));
    const minutes = Math.ceil(seconds / 60);
    super(`This quiz asks you to wait between attempts. You can start the next one in ${minutes} minute${minutes === 1 ? '' : 's'} (at ${availableAt.toISOString()}).`, seconds);
  }
}
