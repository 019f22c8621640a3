/** WebDriver errors as WDA returns them: `{value: {error, message, traceback}, sessionId}` with W3C HTTP codes. */
export class WdaError extends Error {
  constructor(readonly error: string, message: string, readonly status: number) {
    super(message);
  }
}

export const noSuchElement = (using: string, value: string): WdaError =>
  new WdaError('no such element', `unable to find an element using '${using}', value '${value}'`, 404);
export const staleElement = (id: string): WdaError =>
  new WdaError('stale element reference', `The previously found element ""${id}"" is not present in the current view anymore. Make sure the application UI has the expected state.`, 404);
export const noSuchAlert = (): WdaError =>
  new WdaError('no such alert', 'An attempt was made to operate on a modal dialog when one was not open', 404);
export const invalidSession = (id: string): WdaError =>
  new WdaError('invalid session id', `Session does not exist: ${id}`, 404);
export const invalidArgument = (message: string): WdaError => new WdaError('invalid argument', message, 400);
export const invalidSelector = (message: string): WdaError => new WdaError('invalid selector', message, 400);
export const unknownCommand = (method: string, path: string): WdaError =>
  new WdaError('unknown command', `Unhandled endpoint: ${path} with parameters ${method}`, 404);
