/** A field's problem; `code`, when given, is a stable name the web app translates (the message stays English). */
export interface ProblemError {
  path: string;
  message: string;
  code?: string;
}

/** Errors a service throws; the error handler turns each into an RFC 9457 problem document. */
export class HttpProblem extends Error {
  /** A stable name of the refusal (the document's `code` member), for clients to translate. */
  problemCode?: string;

  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: ProblemError[],
  ) {
    super(detail ?? title);
  }

  /** The same problem with a stable code, e.g. `exchange.settings.not_manager`. */
  withCode(code: string): this {
    this.problemCode = code;
    return this;
  }
}

export class BadRequestProblem extends HttpProblem {
  constructor(detail: string, errors?: ProblemError[]) {
    super(400, 'Bad request', detail, errors);
  }
}

export class UnauthorizedProblem extends HttpProblem {
  constructor(detail = 'Sign in to continue.') {
    super(401, 'Unauthorized', detail);
  }
}

export class ForbiddenProblem extends HttpProblem {
  constructor(detail = 'You are not allowed to do this.') {
    super(403, 'Forbidden', detail);
  }
}

/** Also what a record the actor may not see answers: no hint that it exists. */
export class NotFoundProblem extends HttpProblem {
  constructor(detail = 'Not found.') {
    super(404, 'Not found', detail);
  }
}

export class ConflictProblem extends HttpProblem {
  constructor(detail: string) {
    super(409, 'Conflict', detail);
  }
}

export class UnprocessableProblem extends HttpProblem {
  constructor(detail: string, errors?: ProblemError[]) {
    super(422, 'Unprocessable content', detail, errors);
  }
}

export class TooManyRequestsProblem extends HttpProblem {
  constructor(detail: string) {
    super(429, 'Too many requests', detail);
  }
}
