/**
 * Base of the tester kit's errors. The kit runs in Node for people who write tests, with no extension runtime to
 * translate with, so its messages are English only; `userMessage` says what was wrong and what to do.
 */
export class KitError extends Error {
  /** A stable identifier, e.g. `testing/no-browser`. */
  readonly code: string;
  /** What went wrong and what to do, in plain words. */
  readonly userMessage: string;

  constructor(code: string, userMessage: string) {
    super(userMessage);
    this.name = new.target.name;
    this.code = code;
    this.userMessage = userMessage;
  }
}
