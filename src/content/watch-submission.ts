import { findSubmitButton } from '../fill/content-api';

/** How long after a fill a submission still counts as using that code. */
const WATCH_MS = 5 * 60_000;

/**
 * Calls `onSubmitted` once when the filled code is sent to the site: the form's submit event, a press of its
 * submit button, or Enter in one of the filled fields. Until then the code is not used up, so reloading a login
 * page does not make the next login wait for a new period.
 */
export function watchSubmission(inputs: HTMLInputElement[], onSubmitted: () => void, doc: Document = document): () => void {
  const first = inputs[0];
  if (!first) return () => undefined;
  const form = first.form ?? first.closest('form');
  const button = findSubmitButton(first);
  let done = false;
  const fire = () => {
    if (done) return;
    done = true;
    stop();
    onSubmitted();
  };
  const onSubmit = (event: Event) => {
    if (form && event.target === form) fire();
  };
  const onClick = (event: Event) => {
    if (button && event.target instanceof Node && button.contains(event.target)) fire();
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && inputs.includes(event.target as HTMLInputElement)) fire();
  };
  doc.addEventListener('submit', onSubmit, true);
  doc.addEventListener('click', onClick, true);
  doc.addEventListener('keydown', onKey, true);
  const timer = setTimeout(() => stop(), WATCH_MS);
  function stop() {
    clearTimeout(timer);
    doc.removeEventListener('submit', onSubmit, true);
    doc.removeEventListener('click', onClick, true);
    doc.removeEventListener('keydown', onKey, true);
  }
  return stop;
}
