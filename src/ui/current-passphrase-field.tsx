import { Field } from './field';
import { invalidWhen } from './field-error';

/** A labelled field for a passphrase the person already has (the vault's), tied to the message saying it was wrong. */
export function CurrentPassphraseField(props: { label: string; value: string; testId: string; errorId: string | undefined; onValue: (value: string) => void }) {
  return (
    <Field label={props.label}>
      <input
        type="password"
        autocomplete="current-password"
        data-testid={props.testId}
        value={props.value}
        {...invalidWhen(props.errorId)}
        onInput={(e) => props.onValue(e.currentTarget.value)}
      />
    </Field>
  );
}
