import type { ComponentChildren } from 'preact';
import { invalidWhen } from './field-error';

/** A form control under its label; the whole label is clickable and names the control for assistive technology. */
export function Field({ label, inline, children }: { label: string; inline?: boolean; children: ComponentChildren }) {
  return (
    <label class={inline ? 'field inline' : 'field'}>
      <span>{label}</span>
      {children}
    </label>
  );
}

/**
 * A labelled file input that hands over the chosen files and then clears itself, so choosing the same file again
 * is noticed too.
 */
export function FilePicker(props: {
  label: string;
  accept: string;
  multiple?: boolean;
  disabled?: boolean;
  testId: string;
  /** The id of the message saying what was wrong with the file chosen, when something was. */
  errorId?: string;
  onFiles: (files: File[]) => void;
}) {
  return (
    <Field label={props.label}>
      <input
        type="file"
        accept={props.accept}
        multiple={props.multiple}
        disabled={props.disabled}
        data-testid={props.testId}
        {...invalidWhen(props.errorId)}
        onChange={(e) => {
          const files = [...(e.currentTarget.files ?? [])];
          e.currentTarget.value = '';
          if (files.length > 0) props.onFiles(files);
        }}
      />
    </Field>
  );
}
