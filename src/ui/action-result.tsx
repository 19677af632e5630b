/** The outcome of a form's action in one line: the reason when it failed, else what was done; nothing before. */
export function ActionResult({ error, done, testId }: { error: string; done: string; testId: string }) {
  if (!error && !done) return null;
  return (
    <p class={error ? 'error' : 'ok'} role={error ? 'alert' : 'status'} data-testid={testId}>
      {error || done}
    </p>
  );
}
