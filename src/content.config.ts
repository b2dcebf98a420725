import { defineCollection } from 'astro:content';
import { articleSchema, claimSchema, personSchema } from './content/schemas';
import { articleLoader, registryLoader } from './content/loaders';
import { siteConfig } from './site-config';

const { contentDir, base, renderedDir } = siteConfig(process.env, process.cwd());

export const collections = {
  articles: defineCollection({ loader: articleLoader({ contentDir, base, renderedDir }), schema: articleSchema }),
  people: defineCollection({ loader: registryLoader(contentDir, base, 'people'), schema: personSchema }),
  claims: defineCollection({ loader: registryLoader(contentDir, base, 'claims'), schema: claimSchema }),
};
