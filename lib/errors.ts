// Errors that mean something to the person who caused them. Actions turn these into messages;
// anything else is logged and reported as a generic failure, never echoed.

/**
 * Someone else saved first. `current` holds the saved values (as the form shows them) and
 * `version` the version they carry, so the form can keep the user's input, show what is saved
 * now, and let them save again on purpose.
 */
export class ConflictError extends Error {
  constructor(
    message: string,
    readonly current?: { version: number; values: Record<string, string> },
  ) {
    super(message);
  }
}

/** The thing does not exist, or the viewer may not see it (the two look the same). */
export class NotFoundError extends Error {}

/** Input that passed the schema but breaks a rule that needs the database to check. */
export class InvalidInputError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/**
 * A new person or organisation whose name looks like one already on the desk. The form shows the
 * checkbox named `confirmField`; ticking it and submitting again creates the new one.
 */
export class LookalikeError extends InvalidInputError {
  constructor(
    message: string,
    field: string,
    readonly confirmField: string,
  ) {
    super(message, field);
  }
}

/** The viewer's role does not allow this (checked again inside every action). */
export class ForbiddenError extends Error {}
