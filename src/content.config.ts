import { defineCollection } from 'astro:content';
import { authorSchema, parsedClaimSchema, personSchema } from './content/schemas';
import { articleEntrySchema } from './collections/article-entry';
import { articleLoader, registryLoader } from './collections/loaders';
import { siteConfig } from './site-config';

const { contentDir, base, site, renderedDir, renderCacheDir, recordsDir } = siteConfig(process.env, process.cwd());
const content = { contentDir, base, site, renderedDir, renderCacheDir, recordsDir };

export const collections = {
  articles: defineCollection({ loader: articleLoader(content), schema: articleEntrySchema }),
  people: defineCollection({ loader: registryLoader(content, 'people'), schema: personSchema }),
  claims: defineCollection({ loader: registryLoader(content, 'claims'), schema: parsedClaimSchema }),
  authors: defineCollection({ loader: registryLoader(content, 'authors'), schema: authorSchema }),
};
