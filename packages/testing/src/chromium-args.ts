/** Chromium refuses to start its sandbox as root (containers, CI); elsewhere it keeps it. */
const SANDBOX_ARGS = process.getuid?.() === 0 ? ['--no-sandbox'] : [];

/** Flags for a quiet, reproducible Chromium: no first-run UI, no background updates or sync. */
export const CHROMIUM_ARGS = [
  ...SANDBOX_ARGS,
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Chromium's UI language flag; on Linux its environment must name the language too, --lang alone is not always enough. */
export function localeLaunch(locale: string | undefined): { args: string[]; env?: NodeJS.ProcessEnv } {
  return locale ? { args: [`--lang=${locale}`], env: { ...process.env, LANGUAGE: locale, LANG: `${locale}.UTF-8` } } : { args: [] };
}

/** Blink's preferred colour scheme flag (0 dark, 1 light), none when the system's is wanted. */
export function colorSchemeArgs(colorScheme: 'light' | 'dark' | undefined): string[] {
  return colorScheme ? [`--blink-settings=preferredColorScheme=${colorScheme === 'dark' ? 0 : 1}`] : [];
}
