/** Firefox add-on id (browser_specific_settings.gecko.id); stable across releases so policies can name it. */
export const GECKO_ID = 'portal-authenticator@portal-authenticator.dev';
