import { createContextReader } from './detect-context';
import { createLabelLookup, describeField, type FieldText } from './detect-describe';

/** Per-run caches shared by the detection steps, so each field and page region is read once. */
export interface DetectionPass {
  /** Normalised text of the page region around an element. */
  readContext: (el: Element) => string;
  /** The field's normalised names and labels. */
  describe: (input: HTMLInputElement) => FieldText;
}

/** Starts a detection run with empty caches. */
export function createDetectionPass(): DetectionPass {
  const lookup = createLabelLookup();
  const fields = new Map<HTMLInputElement, FieldText>();
  return {
    readContext: createContextReader(),
    describe: (input) => {
      let text = fields.get(input);
      if (!text) {
        text = describeField(input, lookup);
        fields.set(input, text);
      }
      return text;
    },
  };
}
