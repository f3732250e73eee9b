import { ENTITY_TYPES } from '../roster/roster-enums.js';
import { FailureCode, SyncMode, SyncStatus, SyncTrigger, type RunCounts } from '../sync/sync-enums.js';

/** What a run email is made of: the run as it ended and the district it belongs to. */
export interface RunEmailInput {
  run: {
    id: number;
    districtId: number;
    mode: SyncMode;
    trigger: SyncTrigger;
    status: SyncStatus;
    dryRun: boolean;
    counts: RunCounts | null;
    issueCounts: Record<string, number> | null;
    error: string | null;
    /** Why it failed, as a code (THRESHOLD_EXCEEDED: the mass-delete guard held it). */
    failureCode?: FailureCode | null;
    startedAt: Date | null;
    finishedAt: Date | null;
    requestedBy?: string | null;
  };
  district: { id: number; name: string; resetDeleteThreshold: number };
  publicUrl: string;
  /** Teachers the run created (the first NEW_TEACHERS_LISTED, by name), and how many in all. */
  newTeachers?: { total: number; listed: Array<{ name: string; email: string | null; sourceId: string }> };
}

/** Teachers named in an email; more are behind the report link. */
export const NEW_TEACHERS_LISTED = 50;

function newTeacherLines(t: RunEmailInput['newTeachers'], url: string): { heading: string; lines: string[]; more: string | null } | null {
  if (!t || t.total === 0) return null;
  const heading = `${fmt(t.total)} new teacher${t.total === 1 ? '' : 's'} need${t.total === 1 ? 's' : ''} a license:`;
  const lines = t.listed.map((p) => `${p.name}${p.email ? ` <${p.email}>` : ''} (${p.sourceId})`);
  const more = t.total > t.listed.length ? `… and ${fmt(t.total - t.listed.length)} more: ${url}` : null;
  return { heading, lines, more };
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const STATUS_WORDS: Record<string, string> = {
  [SyncStatus.LAUNCHED]: 'Launched',
  [SyncStatus.FAILED]: 'Failed',
  [SyncStatus.CANCELLED]: 'Cancelled',
  [SyncStatus.IN_PROGRESS]: 'In Progress',
  [SyncStatus.SCHEDULED]: 'Scheduled',
};
const ENTITY_WORDS: Record<string, string> = {
  schools: 'Schools',
  people: 'People',
  terms: 'Terms',
  courses: 'Courses',
  sections: 'Sections',
  enrollments: 'Enrollments',
};
const ACTIONS = ['created', 'updated', 'deleted', 'restored', 'ended', 'unchanged'] as const;

/** A run the mass-delete guard held (a Reset refused, or an Edit held): nothing changed. */
export const isThresholdRefusal = (run: Pick<RunEmailInput['run'], 'status' | 'failureCode'>): boolean =>
  run.status === SyncStatus.FAILED && run.failureCode === FailureCode.THRESHOLD_EXCEEDED;

/** The dashboard page of one run. */
export function runReportUrl(publicUrl: string, districtId: number, runId: number): string {
  return `${publicUrl.replace(/\/+$/, '')}/districts/${districtId}/runs/${runId}`;
}

function kindOfRun(run: RunEmailInput['run']): string {
  if (run.trigger === SyncTrigger.REVERT) return 'revert';
  const mode = run.mode === SyncMode.RESET ? 'Reset' : 'Edit';
  const how = run.trigger === SyncTrigger.SCHEDULED ? 'scheduled ' : run.trigger === SyncTrigger.ROLLOVER ? 'rollover ' : '';
  return `${how}${mode} sync`;
}

function duration(run: RunEmailInput['run']): string | null {
  if (!run.startedAt || !run.finishedAt) return null;
  const s = Math.max(0, Math.round((run.finishedAt.getTime() - run.startedAt.getTime()) / 1000));
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

const fmt = (n: number) => n.toLocaleString('en-US');

function countsTable(counts: RunCounts): string[][] {
  const rows: string[][] = [['', ...ACTIONS]];
  for (const entity of ENTITY_TYPES) {
    const c = counts[entity];
    if (!c) continue;
    rows.push([ENTITY_WORDS[entity] ?? entity, ...ACTIONS.map((a) => fmt(c[a] ?? 0))]);
  }
  return rows;
}

function textTable(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function issueLines(issueCounts: Record<string, number> | null): { total: number; lines: string[] } {
  const entries = Object.entries(issueCounts ?? {})
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return { total: entries.reduce((s, [, n]) => s + n, 0), lines: entries.map(([code, n]) => `${code}: ${fmt(n)}`) };
}

/**
 * The email sent to a district's subscribers when a run ends: Launched (counts per entity,
 * issues, link), Failed (the reason in plain words; a Reset threshold refusal says how to
 * apply it anyway) or Cancelled.
 */
export function renderRunEmail({ run, district, publicUrl, newTeachers }: RunEmailInput): RenderedEmail {
  const status = STATUS_WORDS[run.status] ?? run.status;
  const kind = kindOfRun(run);
  const url = runReportUrl(publicUrl, district.id, run.id);
  const refused = isThresholdRefusal(run);
  const reset = run.mode === SyncMode.RESET;
  const subject = refused
    ? `[Homeroom] ${district.name}: ${reset ? 'Reset refused' : `${kind} held`} (too many deletions) — nothing changed`
    : `[Homeroom] ${district.name}: ${kind} ${status}`;

  const paragraphs: string[] = [];
  const took = duration(run);
  const when = run.finishedAt ? ` at ${run.finishedAt.toISOString().replace('T', ' ').slice(0, 16)} UTC` : '';
  if (run.status === SyncStatus.LAUNCHED) {
    paragraphs.push(`The ${kind} of ${district.name} finished${when}: Launched${took ? ` in ${took}` : ''}.`);
  } else if (refused && !reset) {
    // error: "Held: this export would remove 8,819 of 9,431 enrollments (93.5%), above … Nothing was changed; …"
    const what = run.error!.replace(/^Held: /, '').replace(/, above the district's[\s\S]*$/, '');
    paragraphs.push(`The ${kind} of ${district.name} was held${when}: ${what} — nothing changed.`);
    paragraphs.push(
      `Homeroom holds any sync that would remove more than ${district.resetDeleteThreshold}% of a kind of record (or of one school's), ` +
        'because that usually means the source sent an incomplete export: an upload that stopped, a file cut short.',
    );
    paragraphs.push(
      `Review the preview in the run report (${url}): if these removals are expected, apply it with the threshold override ` +
        `(in the dashboard, or \`homeroom sync "${district.name}" --override-threshold\`); otherwise keep waiting — the next scheduled sync reads the export again.`,
    );
  } else if (refused) {
    paragraphs.push(`The Reset sync of ${district.name} was refused${when} and nothing in the roster was changed.`);
    paragraphs.push(run.error!);
    paragraphs.push(
      `A Reset removes everything the source no longer shares. When it would remove more than ${district.resetDeleteThreshold}% of any kind of record, ` +
        'Homeroom stops, because that usually means the source sent an incomplete export (a missing school, a half-uploaded file).',
    );
    paragraphs.push(
      'If these deletions are expected (for example at the end of the school year), start the Reset again with the threshold override: ' +
        'tick "Override the deletion threshold" when starting the Reset in the dashboard, or run ' +
        `\`homeroom sync "${district.name}" --mode reset --override-threshold\`. ` +
        'Preview it first with a dry run to see exactly which records would be removed.',
    );
  } else if (run.status === SyncStatus.FAILED) {
    paragraphs.push(`The ${kind} of ${district.name} failed${when}. Nothing in the roster was changed: a sync is applied all at once or not at all.`);
    paragraphs.push(`Reason: ${plainReason(run.error)}`);
    paragraphs.push('The next scheduled sync will try again; you can also start one from the dashboard once the cause is fixed.');
  } else {
    paragraphs.push(`The ${kind} of ${district.name} was cancelled${when}. Nothing in the roster was changed.`);
    if (run.error) paragraphs.push(`Reason: ${run.error}`);
  }

  const issues = issueLines(run.issueCounts);
  const table = run.status === SyncStatus.LAUNCHED && run.counts ? countsTable(run.counts) : null;
  const issuesText =
    issues.total === 0 ? 'No issues.' : `${fmt(issues.total)} issue${issues.total === 1 ? '' : 's'}:\n${issues.lines.map((l) => `  ${l}`).join('\n')}`;

  const teachers = run.status === SyncStatus.LAUNCHED ? newTeacherLines(newTeachers, url) : null;
  const text =
    [
      ...paragraphs,
      ...(table ? [textTable(table)] : []),
      ...(teachers ? [[teachers.heading, ...teachers.lines.map((l) => `  ${l}`), ...(teachers.more ? [`  ${teachers.more}`] : [])].join('\n')] : []),
      ...(run.status === SyncStatus.LAUNCHED || issues.total > 0 ? [issuesText] : []),
      `Full report: ${url}`,
      `Run ${run.id} · ${kind}${run.requestedBy ? ` requested by ${run.requestedBy}` : ''}`,
    ].join('\n\n') + '\n';

  const htmlTable = table
    ? `<table style="border-collapse:collapse">${table
        .map(
          (r, i) =>
            `<tr>${r.map((c, j) => (i === 0 || j === 0 ? `<th style="text-align:${j === 0 ? 'left' : 'right'};padding:2px 8px">${escapeHtml(c)}</th>` : `<td style="text-align:right;padding:2px 8px">${escapeHtml(c)}</td>`)).join('')}</tr>`,
        )
        .join('')}</table>`
    : '';
  const htmlIssues =
    run.status === SyncStatus.LAUNCHED || issues.total > 0
      ? issues.total === 0
        ? '<p>No issues.</p>'
        : `<p>${fmt(issues.total)} issue${issues.total === 1 ? '' : 's'}:</p><ul>${issues.lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`
      : '';
  const htmlTeachers = teachers
    ? `<p>${escapeHtml(teachers.heading)}</p><ul>${teachers.lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>${teachers.more ? `<p><a href="${escapeHtml(url)}">${escapeHtml(teachers.more.replace(/: \S+$/, ''))} in the report</a></p>` : ''}`
    : '';
  const html = `<!doctype html><html><body style="font-family:sans-serif">${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}${htmlTable}${htmlTeachers}${htmlIssues}<p><a href="${escapeHtml(url)}">Open the full report</a></p></body></html>`;
  return { subject, text, html };
}

/** Errors as the engine records them are already sentences; "interrupted" needs a few more words. */
function plainReason(error: string | null): string {
  if (!error) return 'unknown (see the run report).';
  if (error === 'interrupted') return 'the worker running it stopped (restart or crash) before it finished. It was not applied.';
  return error;
}
