import { defineCollection } from 'astro:content';
import { authorSchema, parsedClaimSchema } from './content/schemas';
import { personEntrySchema } from './collections/person-entry';
import { articleEntrySchema } from './collections/article-entry';
import { articleLoader, registryLoader } from './collections/loaders';
import { siteConfig } from './site-config';

const { contentDir, base, site, renderedDir, renderCacheDir, recordsDir } = siteConfig(process.env, process.cwd());
const content = { contentDir, base, site, renderedDir, renderCacheDir, recordsDir };

export const collections = {
  articles: defineCollection({ loader: articleLoader(content), schema: articleEntrySchema }),
  people: defineCollection({ loader: registryLoader(content, 'people'), schema: personEntrySchema }),
  claims: defineCollection({ loader: registryLoader(content, 'claims'), schema: parsedClaimSchema }),
  authors: defineCollection({ loader: registryLoader(content, 'authors'), schema: authorSchema }),
};
