import { defineCollection } from 'astro:content';
import { articleSchema, claimSchema, personSchema } from './content/schemas';
import { articleLoader, registryLoader } from './content/loaders';
import { siteConfig } from './site-config';

const { contentDir } = siteConfig(process.env, process.cwd());

export const collections = {
  articles: defineCollection({ loader: articleLoader(contentDir), schema: articleSchema }),
  people: defineCollection({ loader: registryLoader(contentDir, 'people'), schema: personSchema }),
  claims: defineCollection({ loader: registryLoader(contentDir, 'claims'), schema: claimSchema }),
};
