import type { APIRoute } from 'astro';
import sharp from 'sharp';
import drawing from '../../public/favicon.svg?raw';
import { SITE_ICON } from '../lib/site-icon';

/** `/site-icon.png`: the favicon drawn at 512 px, for software that wants a raster logo. */
export const GET: APIRoute = async () => {
  const png = await sharp(Buffer.from(drawing), { density: (72 * SITE_ICON.size) / 32 })
    .resize(SITE_ICON.size, SITE_ICON.size)
    .png()
    .toBuffer();
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
