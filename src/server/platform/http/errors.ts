/** Errors a service throws; the error handler turns each into an RFC 9457 problem document. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: { path: string; message: string }[],
  ) {
    super(detail ?? title);
  }
}

export class BadRequestProblem extends HttpProblem {
  constructor(detail: string, errors?: { path: string; message: string }[]) {
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
  constructor(detail: string, errors?: { path: string; message: string }[]) {
    super(422, 'Unprocessable content', detail, errors);
  }
}

export class TooManyRequestsProblem extends HttpProblem {
  constructor(detail: string) {
    super(429, 'Too many requests', detail);
  }
}
