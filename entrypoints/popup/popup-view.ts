/** Which screen of the unlocked popup is showing. */
export type PopupView = { kind: 'list' } | { kind: 'add' } | { kind: 'edit'; id: string };
