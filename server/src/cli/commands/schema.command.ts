import type { CliCommand } from '../cli-command.js';

export const schemaCommand: CliCommand = {
  path: ['schema'],
  summary: 'Write schema/schema.graphql from the resolvers (npm run codegen does this first)',
  usage: 'homeroom schema',
  options: {},
  async run(_v, _p, io) {
    const { writeSchemaFile } = await import('../../graphql/schema-file.js');
    const file = await writeSchemaFile();
    io.out(`Wrote ${file}`);
    return 0;
  },
};
