/**
 * The part of `node:buffer` that the shared identifier code uses, for the browser build:
 * converting a string between UTF-8 and "binary" (latin1, one char per byte).
 */
type Encoding = 'utf8' | 'utf-8' | 'latin1' | 'binary';

class ByteString {
  constructor(private readonly bytes: Uint8Array) {}

  toString(encoding: Encoding = 'utf8'): string {
    if (encoding === 'latin1' || encoding === 'binary') {
      let out = '';
      for (const byte of this.bytes) out += String.fromCharCode(byte);
      return out;
    }
    return new TextDecoder('utf-8').decode(this.bytes);
  }
}

function from(value: string, encoding: Encoding = 'utf8'): ByteString {
  if (encoding === 'latin1' || encoding === 'binary') {
    const bytes = new Uint8Array(value.length);
    for (let i = 0; i < value.length; i += 1) bytes[i] = value.charCodeAt(i) & 0xff;
    return new ByteString(bytes);
  }
  return new ByteString(new TextEncoder().encode(value));
}

export const Buffer = { from };
