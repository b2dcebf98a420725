export { articleSchema, type ArticleData } from './article';
export { personSchema, type PersonData } from './person';
export { authorSchema, authorLinkSchema, type AuthorData, type AuthorLink } from './author';
export {
  claimSchema,
  claimFileSchema,
  parsedClaimSchema,
  statusChangeSchema,
  appearanceSchema,
  sourceSchema,
  CLAIM_STATUSES,
  claimStatusNames,
  type ClaimData,
  type ClaimFile,
  type StatusChange,
  type Appearance,
  type ClaimStatus,
} from './claim';
export { KEBAB_ID, isRealIsoDate, isIsoDateValue } from './fields';
export { pageSchema, type PageData } from './page';
