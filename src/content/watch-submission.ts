import { findSubmitButton } from '../fill/content-api';

/** How long after a fill a submission still counts as using that code. */
const WATCH_MS = 5 * 60_000;
/**
 * While the extension fills (right after the watch starts), a submission the page's own script makes counts too:
 * digit widgets submit the moment their last box is filled. Later, only a person's actions count.
 */
const FILL_WINDOW_MS = 1_000;

/**
 * A submit event the browser fires for `form.requestSubmit()` is marked trusted too: it counts only this soon after a
 * person's own pointer or key action.
 */
const GESTURE_MS = 1_000;

/** Per document: whether a submission was already reported, whether a person acted since, and when they last did. */
interface ReportGate {
  reported: boolean;
  gesture: boolean;
  gestureAt: number;
}

const gates = new WeakMap<Document, ReportGate>();

function gateOf(doc: Document): ReportGate {
  let gate = gates.get(doc);
  if (!gate) {
    const created: ReportGate = { reported: false, gesture: false, gestureAt: -Infinity };
    const mark = (event: Event) => {
      if (!event.isTrusted) return;
      created.gesture = true;
      created.gestureAt = Date.now();
    };
    doc.addEventListener('pointerdown', mark, true);
    doc.addEventListener('keydown', mark, true);
    gates.set(doc, created);
    gate = created;
  }
  return gate;
}

/**
 * Passes on at most one submission report per page load, and one more after each action of a person (a trusted
 * pointer or key event): a page's script cannot make the extension report submissions — and so move an HOTP
 * counter — over and over.
 */
export function reportSubmission(doc: Document, report: () => void): boolean {
  const gate = gateOf(doc);
  if (gate.reported && !gate.gesture) return false;
  gate.reported = true;
  gate.gesture = false;
  report();
  return true;
}

/**
 * Calls `onSubmitted` once when the filled code is sent to the site by a person: the form's submit event, a press
 * of its submit button, or Enter in one of the filled fields, each only when the browser marks it trusted (a page
 * script can dispatch all of them), and a submit event only right after a person's own action (the browser marks
 * the one `requestSubmit()` fires trusted as well). With `trustedOnly` false, a submission the page makes while the extension is
 * filling counts as well. Until then the code is not used up, so reloading a login page does not make the next
 * login wait for a new period. Returns a function that stops watching and says whether a submission was seen.
 */
export function watchSubmission(
  inputs: HTMLInputElement[],
  onSubmitted: () => void,
  doc: Document = document,
  trustedOnly = false,
): () => boolean {
  const first = inputs[0];
  if (!first) return () => false;
  const form = first.form ?? first.closest('form');
  const button = findSubmitButton(first);
  const startedAt = Date.now();
  let done = false;
  const gate = gateOf(doc);
  const byPerson = (event: Event) => event.isTrusted && (event.type !== 'submit' || Date.now() - gate.gestureAt <= GESTURE_MS);
  const counts = (event: Event) => byPerson(event) || (!trustedOnly && Date.now() - startedAt <= FILL_WINDOW_MS);
  const fire = (event: Event) => {
    if (done || !counts(event)) return;
    done = true;
    stop();
    reportSubmission(doc, onSubmitted);
  };
  const onSubmit = (event: Event) => {
    if (form && event.target === form) fire(event);
  };
  const onClick = (event: Event) => {
    if (button && event.target instanceof Node && button.contains(event.target)) fire(event);
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && inputs.includes(event.target as HTMLInputElement)) fire(event);
  };
  doc.addEventListener('submit', onSubmit, true);
  doc.addEventListener('click', onClick, true);
  doc.addEventListener('keydown', onKey, true);
  const timer = setTimeout(() => stop(), WATCH_MS);
  function stop(): boolean {
    clearTimeout(timer);
    doc.removeEventListener('submit', onSubmit, true);
    doc.removeEventListener('click', onClick, true);
    doc.removeEventListener('keydown', onKey, true);
    return done;
  }
  return stop;
}
