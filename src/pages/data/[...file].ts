import type { APIRoute } from 'astro';
import { openData } from '../../exports/site-open-data';
import { dataFiles } from '../../exports/data-files';
import { siteRefs } from '../../lib/site-refs';

/**
 * Every file of `/data/`: claims, quotes and corrections as JSON and CSV per year, the
 * ClaimReview feed, the JSON Feed of status changes and the index (see `dataFiles`).
 */
export async function getStaticPaths() {
  const files = dataFiles(siteRefs, await openData());
  return [...files].map(([file, body]) => ({ params: { file }, props: { body } }));
}

const TYPES: Record<string, string> = {
  csv: 'text/csv; charset=utf-8; header=present',
  json: 'application/json; charset=utf-8',
};

export const GET: APIRoute = ({ params, props }) =>
  new Response(props.body as string, {
    headers: { 'Content-Type': TYPES[String(params.file).split('.').pop()!] ?? 'application/octet-stream' },
  });
