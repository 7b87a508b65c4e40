// Workbooks that are encrypted but open without a question in Excel and WPS: "write-protected" or
// "read-only recommended" workbooks are stored encrypted under Office's fixed default password
// (VelvetSweatshop) — legacy .xls with RC4 / RC4 CryptoAPI, and .xlsx (ECMA-376) alike. Decryption
// is officecrypto-tool's (a maintained implementation of MS-OFFCRYPTO); loaded only when needed.
// A file encrypted under any other password cannot be read: the clerk must remove the password.

/** The password Excel uses, and tries first, for workbooks that are only write-protected. */
export const OFFICE_DEFAULT_PASSWORD = 'VelvetSweatshop';

/**
 * Agile encryption states how many hash rounds a password costs; Excel writes 100,000. A file
 * asking for more than this would keep the importer busy for minutes, so it is not tried.
 */
const MAX_SPIN_COUNT = 1_000_000;

export type Decryption =
  | { ok: true; bytes: Buffer }
  /** `password`: a real password is needed; `unsupported`: an encryption scheme we cannot undo. */
  | { ok: false; reason: 'password' | 'unsupported'; cause?: unknown };

/**
 * Try the default password on an encrypted OLE2 file (an .xls with a FILEPASS record, or an
 * encrypted .xlsx package). `encryptionInfo` is the EncryptionInfo stream when the file has one.
 * Never throws.
 */
export async function decryptWithDefaultPassword(bytes: Buffer, encryptionInfo: Uint8Array | null): Promise<Decryption> {
  if (encryptionInfo) {
    const spin = /spinCount="(\d+)"/.exec(Buffer.from(encryptionInfo).toString('latin1'));
    if (spin && Number(spin[1]) > MAX_SPIN_COUNT) return { ok: false, reason: 'password' };
  }
  try {
    const { default: officeCrypto } = await import('officecrypto-tool');
    return { ok: true, bytes: await officeCrypto.decrypt(bytes, { password: OFFICE_DEFAULT_PASSWORD }) };
  } catch (err) {
    const message = String((err as Error)?.message);
    // Only a scheme the library names as unsupported is reported so; anything else (a wrong
    // password, an EncryptionInfo it cannot parse) leaves the clerk the same remedy: the password.
    if (/unsupported|not supported/i.test(message)) return { ok: false, reason: 'unsupported', cause: err };
    return { ok: false, reason: 'password', cause: err };
  }
}
