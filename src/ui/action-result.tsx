/**
 * The outcome of a form's action in one line: the reason when it failed, else what was done; nothing before. `id`
 * is what the field the failure is about names in its `aria-describedby`.
 */
export function ActionResult({ error, done, testId, id }: { error: string; done: string; testId: string; id?: string }) {
  if (!error && !done) return null;
  return (
    <p class={error ? 'error' : 'ok'} role={error ? 'alert' : 'status'} data-testid={testId} id={id}>
      {error || done}
    </p>
  );
}
