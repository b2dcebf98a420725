import type { APIRoute } from 'astro';
import { registryEntries } from '../../../collections/registry-entries';
import { claimOembed } from '../../../exports/claim-embed';
import { siteRefs } from '../../../lib/site-refs';

/** `/claims/<id>/oembed.json`: the claim's oEmbed description, announced by its page. */
export async function getStaticPaths() {
  const { claims, peopleById } = await registryEntries();
  return claims.map((claim) => {
    const claimant = peopleById.get(claim.data.claimant)!;
    return {
      params: { id: claim.id },
      props: {
        claim: { id: claim.id, title: claim.data.title, claimant: { id: claimant.id, name: claimant.data.name } },
      },
    };
  });
}

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify(claimOembed(siteRefs, props.claim)), {
    headers: { 'Content-Type': 'application/json+oembed; charset=utf-8' },
  });
