import { GraphQLDateTimeISO, GraphQLLocalDate } from 'graphql-scalars';

/** A moment, serialized as an ISO 8601 UTC string. */
export const DateTime = GraphQLDateTimeISO;
/** A calendar date without time zone (YYYY-MM-DD), as stored for term and expiry dates. */
export const LocalDate = GraphQLLocalDate;
