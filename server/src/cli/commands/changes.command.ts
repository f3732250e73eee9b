import { ENTITY_TYPES } from '../../roster/roster-enums.js';
import { readChangeRecord, type ChangeRecordRow } from '../../sync/change-record.reader.js';
import { ChangeAction } from '../../sync/sync-enums.js';
import { SyncRunService } from '../../sync/sync-run.service.js';
import { choiceOption, intOption, UsageError, type CommandRunner } from '../cli-command.js';
import { closeApp, openApp } from '../cli-context.js';

const ACTIONS = ['create', 'update', 'delete', 'restore', 'end'] as const;
const CSV_COLUMNS = ['runId', 'entityType', 'entityId', 'sourceId', 'action', 'before', 'after'] as const;

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function human(c: ChangeRecordRow): string {
  const fields =
    c.action === ChangeAction.UPDATE
      ? Object.keys(c.after ?? {})
          .map((k) => `${k}: ${JSON.stringify(c.before?.[k] ?? null)} → ${JSON.stringify(c.after?.[k] ?? null)}`)
          .join('; ')
      : '';
  return `${c.action.padEnd(8)} ${c.entityType.padEnd(12)} ${c.sourceId ?? ''}${c.entityId !== null ? ` (#${c.entityId})` : ''}${fields ? `  ${fields}` : ''}`;
}

export const changesCommand: CommandRunner = {
  async run(v, positionals, io) {
    if (positionals.length !== 1) throw new UsageError('Name exactly one run id');
    const runId = intOption(positionals[0], 'run id', 1)!;
    const action = choiceOption(v.action as string | undefined, 'action', ACTIONS)?.toUpperCase() as ChangeAction | undefined;
    const entityType = choiceOption(v.type as string | undefined, 'type', ENTITY_TYPES);
    if (v.json && v.csv) throw new UsageError('Choose one of --json and --csv');
    const app = await openApp(io.env, { quietLogs: true });
    try {
      const run = await new SyncRunService(app.ds).get(runId);
      if (!run) {
        io.err(`No sync run ${runId}.`);
        return 1;
      }
      if (v.csv) io.out(CSV_COLUMNS.join(','));
      let n = 0;
      for await (const c of readChangeRecord(app.ds, runId, { action, entityType })) {
        n++;
        if (v.json)
          io.out(
            JSON.stringify({
              runId: c.runId,
              entityType: c.entityType,
              entityId: c.entityId,
              sourceId: c.sourceId,
              action: c.action,
              before: c.before,
              after: c.after,
            }),
          );
        else if (v.csv) io.out(CSV_COLUMNS.map((k) => csvCell(c[k])).join(','));
        else io.out(human(c));
      }
      if (!v.json && !v.csv)
        io.out(`${n} change${n === 1 ? '' : 's'} in run ${runId} (${run.status.toLowerCase()}${run.dryRun ? ', dry run: the plan' : ''}).`);
      return 0;
    } finally {
      await closeApp(app);
    }
  },
};
