export { articleSchema, type ArticleData } from './article';
export { personSchema, type PersonData } from './person';
export {
  claimSchema,
  sourceSchema,
  CLAIM_STATUSES,
  claimStatusNames,
  type ClaimData,
  type ClaimStatus,
} from './claim';
export { KEBAB_ID, isRealIsoDate, isIsoDateValue } from './fields';
