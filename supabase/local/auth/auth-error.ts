// GoTrue's error body for API version 2024-01-01: a string `code` plus `msg`. The numeric
// `error_code` twin keeps older clients that read it working too.
export class AuthError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }

  toBody(): { code: string; error_code: string; msg: string } {
    return { code: this.code, error_code: this.code, msg: this.message };
  }
}
