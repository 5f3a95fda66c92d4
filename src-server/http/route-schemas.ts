// Pieces shared by route schemas: error responses (documented once) and security requirements.
import { apiErrorSchema } from './api-error';

export const errorResponses = {
  400: apiErrorSchema.describe('Invalid request; `field` names the offending field.'),
  401: apiErrorSchema.describe('No or unknown credentials.'),
  403: apiErrorSchema.describe('Credentials without access to this resource.'),
  404: apiErrorSchema.describe('Not found.'),
  409: apiErrorSchema.describe('Conflicts with the current state.'),
  413: apiErrorSchema.describe('Body larger than 1 MB.'),
  422: apiErrorSchema.describe('Well-formed but refused by a business rule.'),
  503: apiErrorSchema.describe(
    '`database_unavailable`: the database cannot be reached; retry after `Retry-After` seconds.',
  ),
};

type SecurityRequirement = Record<string, string[]>;

export const channelOrAdminSecurity: SecurityRequirement[] = [
  { channelKey: [] },
  { apiKeyHeader: [] },
  { adminToken: [] },
];
export const adminSecurity: SecurityRequirement[] = [{ adminToken: [] }];
