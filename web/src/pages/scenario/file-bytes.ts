/** A file's bytes as base64, as the import routes take them (in slices: a large file overflows `String.fromCharCode`). */
export function base64OfBytes(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
