/** A data URL of `bytes`, as FileReader.readAsDataURL makes it. */
export function toDataUrl(bytes: Uint8Array, type: string): string {
  return `data:${type};base64,${Buffer.from(bytes).toString('base64')}`;
}
