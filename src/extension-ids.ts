/** Firefox add-on id (browser_specific_settings.gecko.id); stable across releases so policies can name it. */
export const GECKO_ID = 'portal-authenticator@portal-authenticator.dev';

/**
 * Public key that fixes the Chromium extension id to {@link CHROME_EXTENSION_ID} for unpacked and
 * self-hosted installs, so admin policies can name it. (A store upload gets the store's id instead.)
 */
export const CHROME_MANIFEST_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAumxbl9QAx8YVwXaDawDaL+ibaV3N1Hm4kRnK8yaG3eO/gi1fkjVoX0RCzfte8lzR/MAV89iTByYJy9FT5iFnt1XpbNbcKnlRXU1KcAMWAYeuiNlkEp6dVJa2RbhnT6OTMXvyvADcIuT9HiyY7L7bjbZLAGJkl4VSGB3iWBROhLyLZnrd7txsgtsnzoH6RspBuJB8oTApfhMt6E2ge3pK1am0mBp2DdCpvU6/0cJy0Y2T6n8P2HIASIFvr2TspbCLiF0ePPFCczF4RZroRuJd+NqvsEYqxxxyWUsNejVw2mlpOhLUhU/5rS/QQYL61Yli3WTAfBYO2t7/v9byC03aRQIDAQAB';

/** The Chromium extension id that follows from {@link CHROME_MANIFEST_KEY}. */
export const CHROME_EXTENSION_ID = 'mfeenpnbgkgfpphmpppphhojejihapfc';
