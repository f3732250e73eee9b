/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query RunChangesExport($id: ID!, $plan: Boolean!, $first: Int, $after: String, $entityType: String, $action: ChangeAction) {\n    syncRun(id: $id) {\n      id\n      changes(first: $first, after: $after, entityType: $entityType, action: $action) @skip(if: $plan) {\n        totalCount pageInfo { hasNextPage endCursor } edges { node { entityType sourceId action fields { field before after } } }\n      }\n      plan(first: $first, after: $after, entityType: $entityType, action: $action) @include(if: $plan) {\n        totalCount pageInfo { hasNextPage endCursor } edges { node { entityType sourceId action fields { field before after } } }\n      }\n    }\n  }\n": typeof types.RunChangesExportDocument,
    "\n  query RunChanges($id: ID!, $plan: Boolean!, $first: Int, $after: String, $entityType: String, $action: ChangeAction) {\n    syncRun(id: $id) {\n      id\n      changes(first: $first, after: $after, entityType: $entityType, action: $action) @skip(if: $plan) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { id entityType sourceId action fields { field before after } } }\n      }\n      plan(first: $first, after: $after, entityType: $entityType, action: $action) @include(if: $plan) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { id entityType sourceId action fields { field before after } } }\n      }\n    }\n  }\n": typeof types.RunChangesDocument,
    "\n  query RunIssues($id: ID!, $code: String, $first: Int, $after: String) {\n    syncRun(id: $id) {\n      id\n      issues(code: $code, first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { id severity entityType sourceId code message } }\n      }\n    }\n  }\n": typeof types.RunIssuesDocument,
    "\n  query RunNewPeople($id: ID!, $teachers: Boolean!, $first: Int, $after: String) {\n    syncRun(id: $id) {\n      id\n      newTeachers(first: $first, after: $after) @include(if: $teachers) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { id sourceId givenName familyName email username sisId grade schools { id name } } }\n      }\n      newStudents(first: $first, after: $after) @skip(if: $teachers) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { id sourceId givenName familyName email username sisId grade schools { id name } } }\n      }\n    }\n  }\n": typeof types.RunNewPeopleDocument,
    "\n  query ResetThresholdIssue($id: ID!) {\n    syncRun(id: $id) { id issues(code: \"RESET_THRESHOLD_EXCEEDED\", first: 1) { edges { node { id message } } } }\n  }\n": typeof types.ResetThresholdIssueDocument,
    "\n  query LatestLaunchedRuns($districtId: ID!) {\n    syncRuns(districtId: $districtId, status: [LAUNCHED], first: 20) {\n      edges { node { id dryRun } }\n    }\n  }\n": typeof types.LatestLaunchedRunsDocument,
    "\n  mutation RevertRun($runId: ID!) {\n    revertSyncRun(runId: $runId) { alreadyRunning run { id status } }\n  }\n": typeof types.RevertRunDocument,
    "\n  query SchoolsForSync($id: ID!) {\n    district(id: $id) {\n      id\n      schools(first: 500) { totalCount edges { node { id sourceId name lowGrade highGrade } } }\n      lastRun { id issues(code: \"SCHOOL_NOT_SELECTED\", entityType: \"schools\", first: 200) { edges { node { id sourceId message } } } }\n    }\n  }\n": typeof types.SchoolsForSyncDocument,
    "\n  query RunSectionLinks($id: ID!, $first: Int, $after: String) {\n    syncRun(id: $id) {\n      id\n      sectionLinks(first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { id sourceId name period predecessorRule school { id name } predecessor { id sourceId name period } } }\n      }\n    }\n  }\n": typeof types.RunSectionLinksDocument,
    "\n  query RosterPeople($id: ID!, $search: String, $role: PersonRole, $first: Int, $after: String) {\n    district(id: $id) {\n      id\n      people(search: $search, role: $role, first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { id sourceId role givenName middleName familyName email username sisId grade schools { id name } extras { key value } } }\n      }\n    }\n  }\n": typeof types.RosterPeopleDocument,
    "\n  query RosterSchools($id: ID!, $search: String) {\n    district(id: $id) {\n      id\n      schools(first: 500, search: $search) { totalCount edges { node { id sourceId name lowGrade highGrade principal extras { key value } } } }\n    }\n  }\n": typeof types.RosterSchoolsDocument,
    "\n  query RosterSections($id: ID!, $schoolId: ID, $search: String, $first: Int, $after: String) {\n    district(id: $id) {\n      id\n      sections(schoolId: $schoolId, search: $search, first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          node {\n            id sourceId name sectionNumber period grade subject extras { key value }\n            school { id name }\n            term { id name }\n            course { id name }\n            teachers { primary person { id givenName familyName email } }\n            students { id sourceId givenName familyName grade email }\n          }\n        }\n      }\n    }\n  }\n": typeof types.RosterSectionsDocument,
    "\n  query ApiTokens($districtId: ID!) {\n    apiTokens(districtId: $districtId) { id name prefix createdBy createdAt lastUsedAt expiresAt districtId }\n  }\n": typeof types.ApiTokensDocument,
    "\n  mutation CreateApiToken($districtId: ID!, $name: String!) {\n    createApiToken(districtId: $districtId, name: $name) { secret token { id name prefix createdBy createdAt lastUsedAt districtId } }\n  }\n": typeof types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) { revokeApiToken(id: $id) { id } }\n": typeof types.RevokeApiTokenDocument,
    "\n  query FieldMappings($id: ID!) {\n    district(id: $id) { id sourceKind fieldMappingDefaults { entityType targetField sourceField } fieldMappings { entityType targetField sourceField } }\n  }\n": typeof types.FieldMappingsDocument,
    "\n  mutation SaveFieldMappings($districtId: ID!, $mappings: [FieldMappingInput!]!) {\n    updateDistrictSyncSettings(districtId: $districtId, input: { fieldMappings: $mappings }) { id fieldMappings { entityType targetField sourceField } }\n  }\n": typeof types.SaveFieldMappingsDocument,
    "\n  query DistrictSource($id: ID!) {\n    district(id: $id) { id source { kind location url path clientId auth tokenUrl hostKey secrets { name set changedAt } } }\n  }\n": typeof types.DistrictSourceDocument,
    "\n  mutation TestDistrictSource($districtId: ID, $kind: SourceKind!, $input: SourceSettingsInput!) {\n    testSourceSettings(districtId: $districtId, sourceKind: $kind, input: $input) { ok message districtName hostKey counts { entity count } }\n  }\n": typeof types.TestDistrictSourceDocument,
    "\n  mutation SaveDistrictSource($districtId: ID!, $kind: SourceKind, $input: SourceSettingsInput!) {\n    updateDistrictSource(districtId: $districtId, sourceKind: $kind, input: $input) {\n      id sourceKind source { kind location url path clientId auth tokenUrl hostKey secrets { name set changedAt } }\n    }\n  }\n": typeof types.SaveDistrictSourceDocument,
    "\n  subscription DistrictRunUpdates($districtId: ID!) {\n    syncRunUpdated(districtId: $districtId) { runId districtId status phase percent etaSeconds }\n  }\n": typeof types.DistrictRunUpdatesDocument,
    "\n  query RunDetails($id: ID!) {\n    syncRun(id: $id) {\n      id\n      districtId\n      mode\n      dryRun\n      trigger\n      requestedBy\n      status\n      phase\n      asOf\n      overrideThreshold\n      revertOfRunId\n      cancelRequested\n      startedAt\n      finishedAt\n      error\n      failureCode\n      createdAt\n      percent\n      etaSeconds\n      district { id name timezone resetDeleteThreshold }\n      counts { entity created updated deleted restored ended unchanged }\n      issueCounts { code count }\n    }\n  }\n": typeof types.RunDetailsDocument,
    "\n  subscription RunUpdates($runId: ID!) {\n    syncRunUpdated(runId: $runId) {\n      runId\n      status\n      phase\n      percent\n      etaSeconds\n      progress { entity processed total }\n    }\n  }\n": typeof types.RunUpdatesDocument,
    "\n  query Runs($districtId: ID, $status: [SyncStatus!], $trigger: [SyncTrigger!], $from: DateTimeISO, $to: DateTimeISO, $first: Int) {\n    syncRuns(districtId: $districtId, status: $status, trigger: $trigger, from: $from, to: $to, first: $first) {\n      totalCount\n      pageInfo { hasNextPage }\n      edges { node { ...RunRow } }\n    }\n  }\n": typeof types.RunsDocument,
    "\n  mutation SaveDistrictSettings($districtId: ID!, $input: DistrictSyncSettingsInput!) {\n    updateDistrictSyncSettings(districtId: $districtId, input: $input) {\n      id schedule timezone syncEnabled syncExpiresAt syncAsOf schoolSelection notifyEmails notifyProblemsOnly resetDeleteThreshold\n    }\n  }\n": typeof types.SaveDistrictSettingsDocument,
    "\n  mutation StartSyncAndOpen($input: StartSyncInput!) {\n    startSync(input: $input) { alreadyRunning run { id status } }\n  }\n": typeof types.StartSyncAndOpenDocument,
    "\n  query Viewer {\n    me { kind email role districtId }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) { user { id email role districtId } expiresAt }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Logout { logout }\n": typeof types.LogoutDocument,
    "\n  fragment RunRow on SyncRun {\n    id status mode dryRun trigger requestedBy createdAt startedAt finishedAt error\n    district { id name timezone }\n    counts { entity created updated deleted restored unchanged }\n    issueCounts { code count }\n  }\n": typeof types.RunRowFragmentDoc,
    "\n  query DashboardDistricts {\n    districts {\n      id\n      name\n      sourceKind\n      syncEnabled\n      syncExpiresAt\n      schedule\n      timezone\n      schools(first: 0) { totalCount }\n      sections(first: 0) { totalCount }\n      people(first: 0) { totalCount }\n      students: people(first: 0, role: STUDENT) { totalCount }\n      teachers: people(first: 0, role: TEACHER) { totalCount }\n      lastRun { id status dryRun mode createdAt startedAt finishedAt percent }\n    }\n  }\n": typeof types.DashboardDistrictsDocument,
    "\n  mutation TestNewDistrictSource($kind: SourceKind!, $input: SourceSettingsInput!) {\n    testSourceSettings(sourceKind: $kind, input: $input) { ok message districtName hostKey counts { entity count } }\n  }\n": typeof types.TestNewDistrictSourceDocument,
    "\n  mutation CreateDistrict($input: NewDistrictInput!) { createDistrict(input: $input) { id name } }\n": typeof types.CreateDistrictDocument,
    "\n  mutation CancelRun($runId: ID!) { cancelSync(runId: $runId) { id status cancelRequested } }\n": typeof types.CancelRunDocument,
    "\n  query DistrictNames { districts { id name } }\n": typeof types.DistrictNamesDocument,
    "\n  query DistrictHeader($id: ID!) {\n    district(id: $id) {\n      id\n      name\n      sourceKind\n      timezone\n      schedule\n      syncEnabled\n      syncExpiresAt\n      syncAsOf\n      schoolSelection\n      notifyEmails\n      notifyProblemsOnly\n      resetDeleteThreshold\n    }\n  }\n": typeof types.DistrictHeaderDocument,
    "\n  query DistrictOverview($id: ID!) {\n    district(id: $id) {\n      id\n      schools(first: 0) { totalCount }\n      sections(first: 0) { totalCount }\n      students: people(first: 0, role: STUDENT) { totalCount }\n      teachers: people(first: 0, role: TEACHER) { totalCount }\n      lastRun { id status mode dryRun trigger requestedBy createdAt startedAt finishedAt error percent }\n      activeRun { id mode dryRun status }\n    }\n  }\n": typeof types.DistrictOverviewDocument,
    "\n  mutation StartRollover($input: StartRolloverInput!) {\n    startRollover(input: $input) { alreadyRunning syncAsOf run { id status dryRun trigger asOf } }\n  }\n": typeof types.StartRolloverDocument,
    "\n  mutation SaveSchoolSelection($districtId: ID!, $input: DistrictSyncSettingsInput!) {\n    updateDistrictSyncSettings(districtId: $districtId, input: $input) { id schoolSelection }\n  }\n": typeof types.SaveSchoolSelectionDocument,
    "\n  mutation StartSync($input: StartSyncInput!) {\n    startSync(input: $input) { alreadyRunning run { id status mode dryRun } }\n  }\n": typeof types.StartSyncDocument,
    "\n  query WhyNotSynced($districtId: ID!, $email: String, $sourceId: String) {\n    whyNotSynced(districtId: $districtId, email: $email, sourceId: $sourceId) {\n      presence entityType sourceId explanation runId\n      issues { id code severity message entityType sourceId }\n    }\n  }\n": typeof types.WhyNotSyncedDocument,
};
const documents: Documents = {
    "\n  query RunChangesExport($id: ID!, $plan: Boolean!, $first: Int, $after: String, $entityType: String, $action: ChangeAction) {\n    syncRun(id: $id) {\n      id\n      changes(first: $first, after: $after, entityType: $entityType, action: $action) @skip(if: $plan) {\n        totalCount pageInfo { hasNextPage endCursor } edges { node { entityType sourceId action fields { field before after } } }\n      }\n      plan(first: $first, after: $after, entityType: $entityType, action: $action) @include(if: $plan) {\n        totalCount pageInfo { hasNextPage endCursor } edges { node { entityType sourceId action fields { field before after } } }\n      }\n    }\n  }\n": types.RunChangesExportDocument,
    "\n  query RunChanges($id: ID!, $plan: Boolean!, $first: Int, $after: String, $entityType: String, $action: ChangeAction) {\n    syncRun(id: $id) {\n      id\n      changes(first: $first, after: $after, entityType: $entityType, action: $action) @skip(if: $plan) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { id entityType sourceId action fields { field before after } } }\n      }\n      plan(first: $first, after: $after, entityType: $entityType, action: $action) @include(if: $plan) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { id entityType sourceId action fields { field before after } } }\n      }\n    }\n  }\n": types.RunChangesDocument,
    "\n  query RunIssues($id: ID!, $code: String, $first: Int, $after: String) {\n    syncRun(id: $id) {\n      id\n      issues(code: $code, first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { id severity entityType sourceId code message } }\n      }\n    }\n  }\n": types.RunIssuesDocument,
    "\n  query RunNewPeople($id: ID!, $teachers: Boolean!, $first: Int, $after: String) {\n    syncRun(id: $id) {\n      id\n      newTeachers(first: $first, after: $after) @include(if: $teachers) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { id sourceId givenName familyName email username sisId grade schools { id name } } }\n      }\n      newStudents(first: $first, after: $after) @skip(if: $teachers) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { id sourceId givenName familyName email username sisId grade schools { id name } } }\n      }\n    }\n  }\n": types.RunNewPeopleDocument,
    "\n  query ResetThresholdIssue($id: ID!) {\n    syncRun(id: $id) { id issues(code: \"RESET_THRESHOLD_EXCEEDED\", first: 1) { edges { node { id message } } } }\n  }\n": types.ResetThresholdIssueDocument,
    "\n  query LatestLaunchedRuns($districtId: ID!) {\n    syncRuns(districtId: $districtId, status: [LAUNCHED], first: 20) {\n      edges { node { id dryRun } }\n    }\n  }\n": types.LatestLaunchedRunsDocument,
    "\n  mutation RevertRun($runId: ID!) {\n    revertSyncRun(runId: $runId) { alreadyRunning run { id status } }\n  }\n": types.RevertRunDocument,
    "\n  query SchoolsForSync($id: ID!) {\n    district(id: $id) {\n      id\n      schools(first: 500) { totalCount edges { node { id sourceId name lowGrade highGrade } } }\n      lastRun { id issues(code: \"SCHOOL_NOT_SELECTED\", entityType: \"schools\", first: 200) { edges { node { id sourceId message } } } }\n    }\n  }\n": types.SchoolsForSyncDocument,
    "\n  query RunSectionLinks($id: ID!, $first: Int, $after: String) {\n    syncRun(id: $id) {\n      id\n      sectionLinks(first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { id sourceId name period predecessorRule school { id name } predecessor { id sourceId name period } } }\n      }\n    }\n  }\n": types.RunSectionLinksDocument,
    "\n  query RosterPeople($id: ID!, $search: String, $role: PersonRole, $first: Int, $after: String) {\n    district(id: $id) {\n      id\n      people(search: $search, role: $role, first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { id sourceId role givenName middleName familyName email username sisId grade schools { id name } extras { key value } } }\n      }\n    }\n  }\n": types.RosterPeopleDocument,
    "\n  query RosterSchools($id: ID!, $search: String) {\n    district(id: $id) {\n      id\n      schools(first: 500, search: $search) { totalCount edges { node { id sourceId name lowGrade highGrade principal extras { key value } } } }\n    }\n  }\n": types.RosterSchoolsDocument,
    "\n  query RosterSections($id: ID!, $schoolId: ID, $search: String, $first: Int, $after: String) {\n    district(id: $id) {\n      id\n      sections(schoolId: $schoolId, search: $search, first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          node {\n            id sourceId name sectionNumber period grade subject extras { key value }\n            school { id name }\n            term { id name }\n            course { id name }\n            teachers { primary person { id givenName familyName email } }\n            students { id sourceId givenName familyName grade email }\n          }\n        }\n      }\n    }\n  }\n": types.RosterSectionsDocument,
    "\n  query ApiTokens($districtId: ID!) {\n    apiTokens(districtId: $districtId) { id name prefix createdBy createdAt lastUsedAt expiresAt districtId }\n  }\n": types.ApiTokensDocument,
    "\n  mutation CreateApiToken($districtId: ID!, $name: String!) {\n    createApiToken(districtId: $districtId, name: $name) { secret token { id name prefix createdBy createdAt lastUsedAt districtId } }\n  }\n": types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) { revokeApiToken(id: $id) { id } }\n": types.RevokeApiTokenDocument,
    "\n  query FieldMappings($id: ID!) {\n    district(id: $id) { id sourceKind fieldMappingDefaults { entityType targetField sourceField } fieldMappings { entityType targetField sourceField } }\n  }\n": types.FieldMappingsDocument,
    "\n  mutation SaveFieldMappings($districtId: ID!, $mappings: [FieldMappingInput!]!) {\n    updateDistrictSyncSettings(districtId: $districtId, input: { fieldMappings: $mappings }) { id fieldMappings { entityType targetField sourceField } }\n  }\n": types.SaveFieldMappingsDocument,
    "\n  query DistrictSource($id: ID!) {\n    district(id: $id) { id source { kind location url path clientId auth tokenUrl hostKey secrets { name set changedAt } } }\n  }\n": types.DistrictSourceDocument,
    "\n  mutation TestDistrictSource($districtId: ID, $kind: SourceKind!, $input: SourceSettingsInput!) {\n    testSourceSettings(districtId: $districtId, sourceKind: $kind, input: $input) { ok message districtName hostKey counts { entity count } }\n  }\n": types.TestDistrictSourceDocument,
    "\n  mutation SaveDistrictSource($districtId: ID!, $kind: SourceKind, $input: SourceSettingsInput!) {\n    updateDistrictSource(districtId: $districtId, sourceKind: $kind, input: $input) {\n      id sourceKind source { kind location url path clientId auth tokenUrl hostKey secrets { name set changedAt } }\n    }\n  }\n": types.SaveDistrictSourceDocument,
    "\n  subscription DistrictRunUpdates($districtId: ID!) {\n    syncRunUpdated(districtId: $districtId) { runId districtId status phase percent etaSeconds }\n  }\n": types.DistrictRunUpdatesDocument,
    "\n  query RunDetails($id: ID!) {\n    syncRun(id: $id) {\n      id\n      districtId\n      mode\n      dryRun\n      trigger\n      requestedBy\n      status\n      phase\n      asOf\n      overrideThreshold\n      revertOfRunId\n      cancelRequested\n      startedAt\n      finishedAt\n      error\n      failureCode\n      createdAt\n      percent\n      etaSeconds\n      district { id name timezone resetDeleteThreshold }\n      counts { entity created updated deleted restored ended unchanged }\n      issueCounts { code count }\n    }\n  }\n": types.RunDetailsDocument,
    "\n  subscription RunUpdates($runId: ID!) {\n    syncRunUpdated(runId: $runId) {\n      runId\n      status\n      phase\n      percent\n      etaSeconds\n      progress { entity processed total }\n    }\n  }\n": types.RunUpdatesDocument,
    "\n  query Runs($districtId: ID, $status: [SyncStatus!], $trigger: [SyncTrigger!], $from: DateTimeISO, $to: DateTimeISO, $first: Int) {\n    syncRuns(districtId: $districtId, status: $status, trigger: $trigger, from: $from, to: $to, first: $first) {\n      totalCount\n      pageInfo { hasNextPage }\n      edges { node { ...RunRow } }\n    }\n  }\n": types.RunsDocument,
    "\n  mutation SaveDistrictSettings($districtId: ID!, $input: DistrictSyncSettingsInput!) {\n    updateDistrictSyncSettings(districtId: $districtId, input: $input) {\n      id schedule timezone syncEnabled syncExpiresAt syncAsOf schoolSelection notifyEmails notifyProblemsOnly resetDeleteThreshold\n    }\n  }\n": types.SaveDistrictSettingsDocument,
    "\n  mutation StartSyncAndOpen($input: StartSyncInput!) {\n    startSync(input: $input) { alreadyRunning run { id status } }\n  }\n": types.StartSyncAndOpenDocument,
    "\n  query Viewer {\n    me { kind email role districtId }\n  }\n": types.ViewerDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) { user { id email role districtId } expiresAt }\n  }\n": types.LoginDocument,
    "\n  mutation Logout { logout }\n": types.LogoutDocument,
    "\n  fragment RunRow on SyncRun {\n    id status mode dryRun trigger requestedBy createdAt startedAt finishedAt error\n    district { id name timezone }\n    counts { entity created updated deleted restored unchanged }\n    issueCounts { code count }\n  }\n": types.RunRowFragmentDoc,
    "\n  query DashboardDistricts {\n    districts {\n      id\n      name\n      sourceKind\n      syncEnabled\n      syncExpiresAt\n      schedule\n      timezone\n      schools(first: 0) { totalCount }\n      sections(first: 0) { totalCount }\n      people(first: 0) { totalCount }\n      students: people(first: 0, role: STUDENT) { totalCount }\n      teachers: people(first: 0, role: TEACHER) { totalCount }\n      lastRun { id status dryRun mode createdAt startedAt finishedAt percent }\n    }\n  }\n": types.DashboardDistrictsDocument,
    "\n  mutation TestNewDistrictSource($kind: SourceKind!, $input: SourceSettingsInput!) {\n    testSourceSettings(sourceKind: $kind, input: $input) { ok message districtName hostKey counts { entity count } }\n  }\n": types.TestNewDistrictSourceDocument,
    "\n  mutation CreateDistrict($input: NewDistrictInput!) { createDistrict(input: $input) { id name } }\n": types.CreateDistrictDocument,
    "\n  mutation CancelRun($runId: ID!) { cancelSync(runId: $runId) { id status cancelRequested } }\n": types.CancelRunDocument,
    "\n  query DistrictNames { districts { id name } }\n": types.DistrictNamesDocument,
    "\n  query DistrictHeader($id: ID!) {\n    district(id: $id) {\n      id\n      name\n      sourceKind\n      timezone\n      schedule\n      syncEnabled\n      syncExpiresAt\n      syncAsOf\n      schoolSelection\n      notifyEmails\n      notifyProblemsOnly\n      resetDeleteThreshold\n    }\n  }\n": types.DistrictHeaderDocument,
    "\n  query DistrictOverview($id: ID!) {\n    district(id: $id) {\n      id\n      schools(first: 0) { totalCount }\n      sections(first: 0) { totalCount }\n      students: people(first: 0, role: STUDENT) { totalCount }\n      teachers: people(first: 0, role: TEACHER) { totalCount }\n      lastRun { id status mode dryRun trigger requestedBy createdAt startedAt finishedAt error percent }\n      activeRun { id mode dryRun status }\n    }\n  }\n": types.DistrictOverviewDocument,
    "\n  mutation StartRollover($input: StartRolloverInput!) {\n    startRollover(input: $input) { alreadyRunning syncAsOf run { id status dryRun trigger asOf } }\n  }\n": types.StartRolloverDocument,
    "\n  mutation SaveSchoolSelection($districtId: ID!, $input: DistrictSyncSettingsInput!) {\n    updateDistrictSyncSettings(districtId: $districtId, input: $input) { id schoolSelection }\n  }\n": types.SaveSchoolSelectionDocument,
    "\n  mutation StartSync($input: StartSyncInput!) {\n    startSync(input: $input) { alreadyRunning run { id status mode dryRun } }\n  }\n": types.StartSyncDocument,
    "\n  query WhyNotSynced($districtId: ID!, $email: String, $sourceId: String) {\n    whyNotSynced(districtId: $districtId, email: $email, sourceId: $sourceId) {\n      presence entityType sourceId explanation runId\n      issues { id code severity message entityType sourceId }\n    }\n  }\n": types.WhyNotSyncedDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunChangesExport($id: ID!, $plan: Boolean!, $first: Int, $after: String, $entityType: String, $action: ChangeAction) {\n    syncRun(id: $id) {\n      id\n      changes(first: $first, after: $after, entityType: $entityType, action: $action) @skip(if: $plan) {\n        totalCount pageInfo { hasNextPage endCursor } edges { node { entityType sourceId action fields { field before after } } }\n      }\n      plan(first: $first, after: $after, entityType: $entityType, action: $action) @include(if: $plan) {\n        totalCount pageInfo { hasNextPage endCursor } edges { node { entityType sourceId action fields { field before after } } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RunChangesExport($id: ID!, $plan: Boolean!, $first: Int, $after: String, $entityType: String, $action: ChangeAction) {\n    syncRun(id: $id) {\n      id\n      changes(first: $first, after: $after, entityType: $entityType, action: $action) @skip(if: $plan) {\n        totalCount pageInfo { hasNextPage endCursor } edges { node { entityType sourceId action fields { field before after } } }\n      }\n      plan(first: $first, after: $after, entityType: $entityType, action: $action) @include(if: $plan) {\n        totalCount pageInfo { hasNextPage endCursor } edges { node { entityType sourceId action fields { field before after } } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunChanges($id: ID!, $plan: Boolean!, $first: Int, $after: String, $entityType: String, $action: ChangeAction) {\n    syncRun(id: $id) {\n      id\n      changes(first: $first, after: $after, entityType: $entityType, action: $action) @skip(if: $plan) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { id entityType sourceId action fields { field before after } } }\n      }\n      plan(first: $first, after: $after, entityType: $entityType, action: $action) @include(if: $plan) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { id entityType sourceId action fields { field before after } } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RunChanges($id: ID!, $plan: Boolean!, $first: Int, $after: String, $entityType: String, $action: ChangeAction) {\n    syncRun(id: $id) {\n      id\n      changes(first: $first, after: $after, entityType: $entityType, action: $action) @skip(if: $plan) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { id entityType sourceId action fields { field before after } } }\n      }\n      plan(first: $first, after: $after, entityType: $entityType, action: $action) @include(if: $plan) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { id entityType sourceId action fields { field before after } } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunIssues($id: ID!, $code: String, $first: Int, $after: String) {\n    syncRun(id: $id) {\n      id\n      issues(code: $code, first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { id severity entityType sourceId code message } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RunIssues($id: ID!, $code: String, $first: Int, $after: String) {\n    syncRun(id: $id) {\n      id\n      issues(code: $code, first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { id severity entityType sourceId code message } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunNewPeople($id: ID!, $teachers: Boolean!, $first: Int, $after: String) {\n    syncRun(id: $id) {\n      id\n      newTeachers(first: $first, after: $after) @include(if: $teachers) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { id sourceId givenName familyName email username sisId grade schools { id name } } }\n      }\n      newStudents(first: $first, after: $after) @skip(if: $teachers) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { id sourceId givenName familyName email username sisId grade schools { id name } } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RunNewPeople($id: ID!, $teachers: Boolean!, $first: Int, $after: String) {\n    syncRun(id: $id) {\n      id\n      newTeachers(first: $first, after: $after) @include(if: $teachers) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { id sourceId givenName familyName email username sisId grade schools { id name } } }\n      }\n      newStudents(first: $first, after: $after) @skip(if: $teachers) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { id sourceId givenName familyName email username sisId grade schools { id name } } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResetThresholdIssue($id: ID!) {\n    syncRun(id: $id) { id issues(code: \"RESET_THRESHOLD_EXCEEDED\", first: 1) { edges { node { id message } } } }\n  }\n"): (typeof documents)["\n  query ResetThresholdIssue($id: ID!) {\n    syncRun(id: $id) { id issues(code: \"RESET_THRESHOLD_EXCEEDED\", first: 1) { edges { node { id message } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LatestLaunchedRuns($districtId: ID!) {\n    syncRuns(districtId: $districtId, status: [LAUNCHED], first: 20) {\n      edges { node { id dryRun } }\n    }\n  }\n"): (typeof documents)["\n  query LatestLaunchedRuns($districtId: ID!) {\n    syncRuns(districtId: $districtId, status: [LAUNCHED], first: 20) {\n      edges { node { id dryRun } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevertRun($runId: ID!) {\n    revertSyncRun(runId: $runId) { alreadyRunning run { id status } }\n  }\n"): (typeof documents)["\n  mutation RevertRun($runId: ID!) {\n    revertSyncRun(runId: $runId) { alreadyRunning run { id status } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchoolsForSync($id: ID!) {\n    district(id: $id) {\n      id\n      schools(first: 500) { totalCount edges { node { id sourceId name lowGrade highGrade } } }\n      lastRun { id issues(code: \"SCHOOL_NOT_SELECTED\", entityType: \"schools\", first: 200) { edges { node { id sourceId message } } } }\n    }\n  }\n"): (typeof documents)["\n  query SchoolsForSync($id: ID!) {\n    district(id: $id) {\n      id\n      schools(first: 500) { totalCount edges { node { id sourceId name lowGrade highGrade } } }\n      lastRun { id issues(code: \"SCHOOL_NOT_SELECTED\", entityType: \"schools\", first: 200) { edges { node { id sourceId message } } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunSectionLinks($id: ID!, $first: Int, $after: String) {\n    syncRun(id: $id) {\n      id\n      sectionLinks(first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { id sourceId name period predecessorRule school { id name } predecessor { id sourceId name period } } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RunSectionLinks($id: ID!, $first: Int, $after: String) {\n    syncRun(id: $id) {\n      id\n      sectionLinks(first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { id sourceId name period predecessorRule school { id name } predecessor { id sourceId name period } } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RosterPeople($id: ID!, $search: String, $role: PersonRole, $first: Int, $after: String) {\n    district(id: $id) {\n      id\n      people(search: $search, role: $role, first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { id sourceId role givenName middleName familyName email username sisId grade schools { id name } extras { key value } } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RosterPeople($id: ID!, $search: String, $role: PersonRole, $first: Int, $after: String) {\n    district(id: $id) {\n      id\n      people(search: $search, role: $role, first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { id sourceId role givenName middleName familyName email username sisId grade schools { id name } extras { key value } } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RosterSchools($id: ID!, $search: String) {\n    district(id: $id) {\n      id\n      schools(first: 500, search: $search) { totalCount edges { node { id sourceId name lowGrade highGrade principal extras { key value } } } }\n    }\n  }\n"): (typeof documents)["\n  query RosterSchools($id: ID!, $search: String) {\n    district(id: $id) {\n      id\n      schools(first: 500, search: $search) { totalCount edges { node { id sourceId name lowGrade highGrade principal extras { key value } } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RosterSections($id: ID!, $schoolId: ID, $search: String, $first: Int, $after: String) {\n    district(id: $id) {\n      id\n      sections(schoolId: $schoolId, search: $search, first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          node {\n            id sourceId name sectionNumber period grade subject extras { key value }\n            school { id name }\n            term { id name }\n            course { id name }\n            teachers { primary person { id givenName familyName email } }\n            students { id sourceId givenName familyName grade email }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RosterSections($id: ID!, $schoolId: ID, $search: String, $first: Int, $after: String) {\n    district(id: $id) {\n      id\n      sections(schoolId: $schoolId, search: $search, first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          node {\n            id sourceId name sectionNumber period grade subject extras { key value }\n            school { id name }\n            term { id name }\n            course { id name }\n            teachers { primary person { id givenName familyName email } }\n            students { id sourceId givenName familyName grade email }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiTokens($districtId: ID!) {\n    apiTokens(districtId: $districtId) { id name prefix createdBy createdAt lastUsedAt expiresAt districtId }\n  }\n"): (typeof documents)["\n  query ApiTokens($districtId: ID!) {\n    apiTokens(districtId: $districtId) { id name prefix createdBy createdAt lastUsedAt expiresAt districtId }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiToken($districtId: ID!, $name: String!) {\n    createApiToken(districtId: $districtId, name: $name) { secret token { id name prefix createdBy createdAt lastUsedAt districtId } }\n  }\n"): (typeof documents)["\n  mutation CreateApiToken($districtId: ID!, $name: String!) {\n    createApiToken(districtId: $districtId, name: $name) { secret token { id name prefix createdBy createdAt lastUsedAt districtId } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiToken($id: ID!) { revokeApiToken(id: $id) { id } }\n"): (typeof documents)["\n  mutation RevokeApiToken($id: ID!) { revokeApiToken(id: $id) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FieldMappings($id: ID!) {\n    district(id: $id) { id sourceKind fieldMappingDefaults { entityType targetField sourceField } fieldMappings { entityType targetField sourceField } }\n  }\n"): (typeof documents)["\n  query FieldMappings($id: ID!) {\n    district(id: $id) { id sourceKind fieldMappingDefaults { entityType targetField sourceField } fieldMappings { entityType targetField sourceField } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveFieldMappings($districtId: ID!, $mappings: [FieldMappingInput!]!) {\n    updateDistrictSyncSettings(districtId: $districtId, input: { fieldMappings: $mappings }) { id fieldMappings { entityType targetField sourceField } }\n  }\n"): (typeof documents)["\n  mutation SaveFieldMappings($districtId: ID!, $mappings: [FieldMappingInput!]!) {\n    updateDistrictSyncSettings(districtId: $districtId, input: { fieldMappings: $mappings }) { id fieldMappings { entityType targetField sourceField } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DistrictSource($id: ID!) {\n    district(id: $id) { id source { kind location url path clientId auth tokenUrl hostKey secrets { name set changedAt } } }\n  }\n"): (typeof documents)["\n  query DistrictSource($id: ID!) {\n    district(id: $id) { id source { kind location url path clientId auth tokenUrl hostKey secrets { name set changedAt } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestDistrictSource($districtId: ID, $kind: SourceKind!, $input: SourceSettingsInput!) {\n    testSourceSettings(districtId: $districtId, sourceKind: $kind, input: $input) { ok message districtName hostKey counts { entity count } }\n  }\n"): (typeof documents)["\n  mutation TestDistrictSource($districtId: ID, $kind: SourceKind!, $input: SourceSettingsInput!) {\n    testSourceSettings(districtId: $districtId, sourceKind: $kind, input: $input) { ok message districtName hostKey counts { entity count } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveDistrictSource($districtId: ID!, $kind: SourceKind, $input: SourceSettingsInput!) {\n    updateDistrictSource(districtId: $districtId, sourceKind: $kind, input: $input) {\n      id sourceKind source { kind location url path clientId auth tokenUrl hostKey secrets { name set changedAt } }\n    }\n  }\n"): (typeof documents)["\n  mutation SaveDistrictSource($districtId: ID!, $kind: SourceKind, $input: SourceSettingsInput!) {\n    updateDistrictSource(districtId: $districtId, sourceKind: $kind, input: $input) {\n      id sourceKind source { kind location url path clientId auth tokenUrl hostKey secrets { name set changedAt } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DistrictRunUpdates($districtId: ID!) {\n    syncRunUpdated(districtId: $districtId) { runId districtId status phase percent etaSeconds }\n  }\n"): (typeof documents)["\n  subscription DistrictRunUpdates($districtId: ID!) {\n    syncRunUpdated(districtId: $districtId) { runId districtId status phase percent etaSeconds }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunDetails($id: ID!) {\n    syncRun(id: $id) {\n      id\n      districtId\n      mode\n      dryRun\n      trigger\n      requestedBy\n      status\n      phase\n      asOf\n      overrideThreshold\n      revertOfRunId\n      cancelRequested\n      startedAt\n      finishedAt\n      error\n      failureCode\n      createdAt\n      percent\n      etaSeconds\n      district { id name timezone resetDeleteThreshold }\n      counts { entity created updated deleted restored ended unchanged }\n      issueCounts { code count }\n    }\n  }\n"): (typeof documents)["\n  query RunDetails($id: ID!) {\n    syncRun(id: $id) {\n      id\n      districtId\n      mode\n      dryRun\n      trigger\n      requestedBy\n      status\n      phase\n      asOf\n      overrideThreshold\n      revertOfRunId\n      cancelRequested\n      startedAt\n      finishedAt\n      error\n      failureCode\n      createdAt\n      percent\n      etaSeconds\n      district { id name timezone resetDeleteThreshold }\n      counts { entity created updated deleted restored ended unchanged }\n      issueCounts { code count }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RunUpdates($runId: ID!) {\n    syncRunUpdated(runId: $runId) {\n      runId\n      status\n      phase\n      percent\n      etaSeconds\n      progress { entity processed total }\n    }\n  }\n"): (typeof documents)["\n  subscription RunUpdates($runId: ID!) {\n    syncRunUpdated(runId: $runId) {\n      runId\n      status\n      phase\n      percent\n      etaSeconds\n      progress { entity processed total }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Runs($districtId: ID, $status: [SyncStatus!], $trigger: [SyncTrigger!], $from: DateTimeISO, $to: DateTimeISO, $first: Int) {\n    syncRuns(districtId: $districtId, status: $status, trigger: $trigger, from: $from, to: $to, first: $first) {\n      totalCount\n      pageInfo { hasNextPage }\n      edges { node { ...RunRow } }\n    }\n  }\n"): (typeof documents)["\n  query Runs($districtId: ID, $status: [SyncStatus!], $trigger: [SyncTrigger!], $from: DateTimeISO, $to: DateTimeISO, $first: Int) {\n    syncRuns(districtId: $districtId, status: $status, trigger: $trigger, from: $from, to: $to, first: $first) {\n      totalCount\n      pageInfo { hasNextPage }\n      edges { node { ...RunRow } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveDistrictSettings($districtId: ID!, $input: DistrictSyncSettingsInput!) {\n    updateDistrictSyncSettings(districtId: $districtId, input: $input) {\n      id schedule timezone syncEnabled syncExpiresAt syncAsOf schoolSelection notifyEmails notifyProblemsOnly resetDeleteThreshold\n    }\n  }\n"): (typeof documents)["\n  mutation SaveDistrictSettings($districtId: ID!, $input: DistrictSyncSettingsInput!) {\n    updateDistrictSyncSettings(districtId: $districtId, input: $input) {\n      id schedule timezone syncEnabled syncExpiresAt syncAsOf schoolSelection notifyEmails notifyProblemsOnly resetDeleteThreshold\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartSyncAndOpen($input: StartSyncInput!) {\n    startSync(input: $input) { alreadyRunning run { id status } }\n  }\n"): (typeof documents)["\n  mutation StartSyncAndOpen($input: StartSyncInput!) {\n    startSync(input: $input) { alreadyRunning run { id status } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    me { kind email role districtId }\n  }\n"): (typeof documents)["\n  query Viewer {\n    me { kind email role districtId }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) { user { id email role districtId } expiresAt }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) { user { id email role districtId } expiresAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout { logout }\n"): (typeof documents)["\n  mutation Logout { logout }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RunRow on SyncRun {\n    id status mode dryRun trigger requestedBy createdAt startedAt finishedAt error\n    district { id name timezone }\n    counts { entity created updated deleted restored unchanged }\n    issueCounts { code count }\n  }\n"): (typeof documents)["\n  fragment RunRow on SyncRun {\n    id status mode dryRun trigger requestedBy createdAt startedAt finishedAt error\n    district { id name timezone }\n    counts { entity created updated deleted restored unchanged }\n    issueCounts { code count }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardDistricts {\n    districts {\n      id\n      name\n      sourceKind\n      syncEnabled\n      syncExpiresAt\n      schedule\n      timezone\n      schools(first: 0) { totalCount }\n      sections(first: 0) { totalCount }\n      people(first: 0) { totalCount }\n      students: people(first: 0, role: STUDENT) { totalCount }\n      teachers: people(first: 0, role: TEACHER) { totalCount }\n      lastRun { id status dryRun mode createdAt startedAt finishedAt percent }\n    }\n  }\n"): (typeof documents)["\n  query DashboardDistricts {\n    districts {\n      id\n      name\n      sourceKind\n      syncEnabled\n      syncExpiresAt\n      schedule\n      timezone\n      schools(first: 0) { totalCount }\n      sections(first: 0) { totalCount }\n      people(first: 0) { totalCount }\n      students: people(first: 0, role: STUDENT) { totalCount }\n      teachers: people(first: 0, role: TEACHER) { totalCount }\n      lastRun { id status dryRun mode createdAt startedAt finishedAt percent }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestNewDistrictSource($kind: SourceKind!, $input: SourceSettingsInput!) {\n    testSourceSettings(sourceKind: $kind, input: $input) { ok message districtName hostKey counts { entity count } }\n  }\n"): (typeof documents)["\n  mutation TestNewDistrictSource($kind: SourceKind!, $input: SourceSettingsInput!) {\n    testSourceSettings(sourceKind: $kind, input: $input) { ok message districtName hostKey counts { entity count } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateDistrict($input: NewDistrictInput!) { createDistrict(input: $input) { id name } }\n"): (typeof documents)["\n  mutation CreateDistrict($input: NewDistrictInput!) { createDistrict(input: $input) { id name } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelRun($runId: ID!) { cancelSync(runId: $runId) { id status cancelRequested } }\n"): (typeof documents)["\n  mutation CancelRun($runId: ID!) { cancelSync(runId: $runId) { id status cancelRequested } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DistrictNames { districts { id name } }\n"): (typeof documents)["\n  query DistrictNames { districts { id name } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DistrictHeader($id: ID!) {\n    district(id: $id) {\n      id\n      name\n      sourceKind\n      timezone\n      schedule\n      syncEnabled\n      syncExpiresAt\n      syncAsOf\n      schoolSelection\n      notifyEmails\n      notifyProblemsOnly\n      resetDeleteThreshold\n    }\n  }\n"): (typeof documents)["\n  query DistrictHeader($id: ID!) {\n    district(id: $id) {\n      id\n      name\n      sourceKind\n      timezone\n      schedule\n      syncEnabled\n      syncExpiresAt\n      syncAsOf\n      schoolSelection\n      notifyEmails\n      notifyProblemsOnly\n      resetDeleteThreshold\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DistrictOverview($id: ID!) {\n    district(id: $id) {\n      id\n      schools(first: 0) { totalCount }\n      sections(first: 0) { totalCount }\n      students: people(first: 0, role: STUDENT) { totalCount }\n      teachers: people(first: 0, role: TEACHER) { totalCount }\n      lastRun { id status mode dryRun trigger requestedBy createdAt startedAt finishedAt error percent }\n      activeRun { id mode dryRun status }\n    }\n  }\n"): (typeof documents)["\n  query DistrictOverview($id: ID!) {\n    district(id: $id) {\n      id\n      schools(first: 0) { totalCount }\n      sections(first: 0) { totalCount }\n      students: people(first: 0, role: STUDENT) { totalCount }\n      teachers: people(first: 0, role: TEACHER) { totalCount }\n      lastRun { id status mode dryRun trigger requestedBy createdAt startedAt finishedAt error percent }\n      activeRun { id mode dryRun status }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartRollover($input: StartRolloverInput!) {\n    startRollover(input: $input) { alreadyRunning syncAsOf run { id status dryRun trigger asOf } }\n  }\n"): (typeof documents)["\n  mutation StartRollover($input: StartRolloverInput!) {\n    startRollover(input: $input) { alreadyRunning syncAsOf run { id status dryRun trigger asOf } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveSchoolSelection($districtId: ID!, $input: DistrictSyncSettingsInput!) {\n    updateDistrictSyncSettings(districtId: $districtId, input: $input) { id schoolSelection }\n  }\n"): (typeof documents)["\n  mutation SaveSchoolSelection($districtId: ID!, $input: DistrictSyncSettingsInput!) {\n    updateDistrictSyncSettings(districtId: $districtId, input: $input) { id schoolSelection }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartSync($input: StartSyncInput!) {\n    startSync(input: $input) { alreadyRunning run { id status mode dryRun } }\n  }\n"): (typeof documents)["\n  mutation StartSync($input: StartSyncInput!) {\n    startSync(input: $input) { alreadyRunning run { id status mode dryRun } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WhyNotSynced($districtId: ID!, $email: String, $sourceId: String) {\n    whyNotSynced(districtId: $districtId, email: $email, sourceId: $sourceId) {\n      presence entityType sourceId explanation runId\n      issues { id code severity message entityType sourceId }\n    }\n  }\n"): (typeof documents)["\n  query WhyNotSynced($districtId: ID!, $email: String, $sourceId: String) {\n    whyNotSynced(districtId: $districtId, email: $email, sourceId: $sourceId) {\n      presence entityType sourceId explanation runId\n      issues { id code severity message entityType sourceId }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;