import zlib from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { PHOTO_MAX_PIXELS, checkPhoto } from './photos.service';

const image = (format: 'png' | 'jpeg') => sharp({ create: { width: 40, height: 30, channels: 3, background: '#8a2be2' } })[format]().toBuffer();

/** A real PNG whose header claims another size (the IHDR chunk rewritten, its CRC recomputed). */
function withClaimedSize(png: Buffer, width: number, height: number): Buffer {
  const patched = Buffer.from(png);
  patched.writeUInt32BE(width, 16);
  patched.writeUInt32BE(height, 20);
  patched.writeUInt32BE(zlib.crc32(patched.subarray(12, 29)), 29);
  return patched;
}

const refusal = (bytes: Buffer) => checkPhoto(bytes).then(() => null, (error: { status: number; errors: { message: string }[] }) => ({ status: error.status, message: error.errors[0]!.message }));

describe('photos are checked by decoding them', () => {
  it('accepts a JPEG and a PNG by what they decode as, not by their name', async () => {
    expect(await checkPhoto(await image('jpeg'))).toBe('image/jpeg');
    expect(await checkPhoto(await image('png'))).toBe('image/png');
  });

  it('refuses magic bytes followed by anything else, and other formats', async () => {
    const fakePng = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('fake image body')]);
    expect(await refusal(fakePng)).toEqual({ status: 422, message: 'not a JPEG or PNG' });
    expect(await refusal(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]))).toMatchObject({ status: 422 });
    expect(await refusal(await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } }).gif().toBuffer())).toEqual({ status: 422, message: 'not a JPEG or PNG' });
  });

  it('refuses a truncated image that passes a header check', async () => {
    const jpeg = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#777', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).jpeg().toBuffer();
    expect(await refusal(jpeg.subarray(0, Math.floor(jpeg.length / 2)))).toEqual({ status: 422, message: 'not a readable image' });
  });

  it('refuses a small file that claims more pixels than the limit, before decoding it', async () => {
    const bomb = withClaimedSize(await image('png'), 30_000, 30_000);
    expect(bomb.length).toBeLessThan(2000);
    expect(await refusal(bomb)).toEqual({ status: 422, message: `maxPixels: ${PHOTO_MAX_PIXELS}` });
  });
});
