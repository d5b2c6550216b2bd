/** A failed API call, with the server's problem+json detail and offending fields. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly fieldErrors: { field: string; message: string }[] = [],
    readonly request = '',
  ) {
    super(detail);
  }

  get isNotFound() {
    return this.status === 404;
  }
}

export class UnreachableError extends Error {}
